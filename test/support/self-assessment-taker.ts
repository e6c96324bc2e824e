import type { BotHarness } from './bot-harness';
import { actionsOf } from './card-actions';
import { choiceInputs } from './card-inputs';
import { invokeCard, type Card } from './cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from './teams-activities';
import { cardProblems } from './validate-card';

/**
 * A person taking the self-assessment over HTTP, as Teams sends it: presses buttons, answers
 * areas, walks the whole assessment. Every card the bot answers with must validate.
 */
export class SelfAssessmentTaker {
  constructor(private readonly harness: BotHarness) {}

  /** Presses a button (an Action.Execute) and returns the card it is answered with. */
  async act(user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> {
    const card = invokeCard(await this.harness.post(cardAction(user, this.harness.serviceUrl, verb, data)));
    const problems = cardProblems(card);
    if (problems.length > 0) throw new Error(`the ${verb} card does not validate: ${JSON.stringify(problems)}`);
    return card;
  }

  /** A staff member of `roleId` with a profile (and no line manager). */
  async staffMember(locale: string, roleId: string, name: string, tenantId?: string): Promise<TeamsUser> {
    const user = teamsUser({ locale, name, ...(tenantId ? { tenantId } : {}) });
    await this.harness.post(message(user, this.harness.serviceUrl, 'help'));
    await this.act(user, 'profile.save', { roleId, welshLevelId: 'entry' });
    return user;
  }

  /** Answers every statement of an area card with `choose(index)` and presses `move` (next by default). */
  async answerArea(user: TeamsUser, card: Card, choose: (index: number) => string, move: 'next' | 'back' | 'results' = 'next'): Promise<Card> {
    const action = actionsOf(card, 'selfAssessment.answer').find((a) => a.data.move === move);
    if (!action) throw new Error(`no ${move} button on the area card`);
    const inputs = Object.fromEntries(choiceInputs(card).map((input, i) => [input.id, choose(i)]));
    return this.act(user, action.verb, { ...action.data, ...inputs });
  }

  /** Walks every area from `first`, answering with `choose(area, index)`; returns the results card. */
  async takeWhole(user: TeamsUser, first: Card, choose: (area: string, index: number) => string): Promise<Card> {
    let card = first;
    while (actionsOf(card, 'selfAssessment.answer').length > 0) {
      const area = String(actionsOf(card, 'selfAssessment.answer')[0]!.data.area);
      card = await this.answerArea(user, card, (i) => choose(area, i));
    }
    return card;
  }

  /** Presses "Take it again" and confirms, returning the first area of the new attempt. */
  async retake(user: TeamsUser): Promise<Card> {
    const confirm = await this.act(user, 'selfAssessment.retake');
    const start = actionsOf(confirm, 'selfAssessment.begin')[0];
    if (!start) throw new Error('no confirmation to start again');
    return this.act(user, start.verb, start.data);
  }
}

/** An Action.ToggleVisibility found in a card: its title and the element ids it shows or hides. */
export interface FoundToggle {
  title: string;
  targets: string[];
}

/** Every Action.ToggleVisibility in a card, in reading order. */
export function toggles(card: Card): FoundToggle[] {
  const found: FoundToggle[] = [];
  walk(card, (o) => {
    if (o.type === 'Action.ToggleVisibility') {
      const targets = ((o.targetElements ?? []) as (string | { elementId: string })[]).map((t) => (typeof t === 'string' ? t : t.elementId));
      found.push({ title: String(o.title), targets });
    }
    return true;
  });
  return found;
}

/** The Markdown resource links a person sees without pressing anything (hidden elements skipped). */
export function visibleLinks(card: Card): string[] {
  return links(card, true);
}

/** Every Markdown resource link on the card, shown or hidden. */
export function allLinks(card: Card): string[] {
  return links(card, false);
}

function links(card: Card, visibleOnly: boolean): string[] {
  const found: string[] = [];
  walk(card.body, (o) => {
    if (visibleOnly && o.isVisible === false) return false;
    if (o.type === 'TextBlock' && typeof o.text === 'string' && /^\[[^\]]+\]\(https:[^)]+\)$/.test(o.text)) found.push(o.text);
    return true;
  });
  return found;
}

/** Visits every object in a card; `visit` returns false to skip what is inside it. */
function walk(node: unknown, visit: (o: Record<string, unknown>) => boolean): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (!visit(o)) return;
  Object.values(o).forEach((v) => walk(v, visit));
}

/** Each area row of a results card as a person reads it: name, band, and change (if any). */
export function areaRows(card: Card): { name: string; band: string; change: string }[] {
  const rows: { name: string; band: string; change: string }[] = [];
  walk(card.body, (o) => {
    if (o.type !== 'ColumnSet') return true;
    const texts = ((o.columns ?? []) as { items?: { type?: string; text?: string }[] }[]).map((c) => c.items?.find((i) => i.type === 'TextBlock')?.text);
    if (texts.length >= 2 && texts.every((t) => typeof t === 'string')) rows.push({ name: texts[0]!, band: texts[1]!, change: texts[2] ?? '' });
    return false;
  });
  return rows;
}
