import * as ACData from 'adaptivecards-templating';
import type { Language } from '../bot/users/user-record';
import { plainStrings, type Strings } from '../bot/i18n/strings';
import { activeJournal } from '../bot/i18n/turn-journal';
import { recordCardTwins } from '../bot/i18n/card-twin-recorder';
import type { Verb } from './verbs';

/** An Adaptive Card as JSON, ready to send. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string } & Record<string, unknown>;

/** One Action.Execute button: the template loops over these. */
export interface CardAction {
  title: string;
  verb: Verb;
  data: Record<string, unknown>;
}

/** Expanded cards by template, then by language and data; most turns render the same few. */
const rendered = new WeakMap<object, Map<string, string>>();
const RENDERED_PER_TEMPLATE = 200;

/**
 * Binds a card template to its data with adaptivecards-templating. The card's strings for
 * the user's language are always bound as `s`; a placeholder left unbound is an error,
 * because a user would otherwise see `${...}` in their chat. Binding costs about a
 * millisecond and a half, so results are kept (a bounded number per template) and each
 * caller gets its own copy.
 */
export function expandCard(template: object, language: Language, data: Record<string, unknown>): AdaptiveCardJson {
  const card = JSON.parse(expandedJson(template, language, data)) as AdaptiveCardJson;
  // A "Welsh and English" reader's turn: the template's own strings get their English twins.
  if (language === 'cy' && activeJournal()) recordCardTwins(card, JSON.parse(expandedJson(template, 'en', data)));
  return card;
}

function expandedJson(template: object, language: Language, data: Record<string, unknown>): string {
  let byData = rendered.get(template);
  if (!byData) rendered.set(template, (byData = new Map()));
  const key = `${language}:${JSON.stringify(data)}`;
  let json = byData.get(key);
  if (json === undefined) {
    const bound = inert({ s: plainStrings(language), language, ...data });
    json = JSON.stringify(new ACData.Template(template).expand({ $root: bound }));
    const leftover = json.match(/\$\{[^}]*\}/);
    if (leftover) throw new Error(`card template left ${leftover[0]} unbound`);
    if (byData.size >= RENDERED_PER_TEMPLATE) byData.delete(byData.keys().next().value as string);
    byData.set(key, json);
  }
  return json;
}

/**
 * Text people typed (a priority, a school's item, a display name) may contain `${`; bound
 * as it is, it would look like a placeholder the template left unbound. A word joiner
 * between `$` and `{` keeps it looking the same and makes it plain text.
 */
function inert<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\$\{/g, '$\u2060{') as T;
  if (Array.isArray(value)) return value.map(inert) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inert(v)])) as T;
  return value;
}

/**
 * A Universal Actions `refresh` clause: Teams invokes `verb` when one of `userIds` views the
 * card and shows what the bot answers, so the card always reflects the store.
 */
export function withRefresh(card: AdaptiveCardJson, refresh: { title: string; verb: Verb; data: Record<string, unknown>; userIds: string[] }): AdaptiveCardJson {
  card.refresh = { action: { type: 'Action.Execute', title: refresh.title, verb: refresh.verb, data: refresh.data }, userIds: refresh.userIds };
  return card;
}

/** The language to switch to from a toggle. */
export function otherLanguage(language: Language): Language {
  return language === 'cy' ? 'en' : 'cy';
}

/** The actions offered at the foot of the welcome and help cards. */
export function mainActions(s: Strings, language: Language, view: 'welcome' | 'help'): CardAction[] {
  return [
    { title: s.common.setUpProfile, verb: 'profile.edit', data: {} },
    { title: s.mySchools.title, verb: 'schools.mine', data: {} },
    { title: s.common.startInduction, verb: 'induction.start', data: {} },
    { title: s.common.startSelfAssessment, verb: 'selfAssessment.start', data: {} },
    { title: s.common.switchLanguage, verb: 'language.set', data: { language: otherLanguage(language), view } },
  ];
}
