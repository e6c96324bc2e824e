import { loadContent } from '../../bot/content/load-content';
import type { Content } from '../../bot/content/content';
import type { InductionItem } from '../../bot/content/induction-schemas';
import { BAR_EMPTY, BAR_FILLED, progressBar } from '../../cards/tone-kit';
import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { choiceInputs } from '../support/card-inputs';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { appointSchoolAdmin, confirmedAt, registerSchools, school as registered } from '../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

const TENANT = '11111111-2222-3333-4444-666666666666';
const HEAD = teamsUser({ aadObjectId: 'b0b0b0b0-1111-4222-8333-444455556666', name: 'Ceri Pennaeth', tenantId: TENANT });
const MANAGER = teamsUser({ name: 'Eirian Price', locale: 'en-GB', tenantId: TENANT });
const SCHOOL = 'Ysgol Gynradd Aberaeron';

/** Monday 16 November 2026, 10:00 in Wales (GMT). */
const MONDAY = new Date('2026-11-16T10:00:00Z');
let clock = MONDAY;

/** An item's title as a button or a short list repeats it: its first 60 characters. */
const shortTitle = (title: string) => (title.length <= 60 ? title : `${title.slice(0, 59).trimEnd()}…`);

/** A toggle button found on a card: its title, the elements it shows or hides, and whether its button row starts hidden. */
interface Toggle {
  title: string;
  targets: string[];
  hidden: boolean;
}

function toggles(card: Card): Toggle[] {
  const found: Toggle[] = [];
  const walk = (node: unknown, hidden: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, hidden));
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const here = hidden || o.isVisible === false;
      if (o.type === 'Action.ToggleVisibility') found.push({ title: String(o.title), targets: o.targetElements as string[], hidden: here });
      Object.values(o).forEach((v) => walk(v, here));
    }
  };
  walk(card.body, false);
  return found;
}

describe('induction and profile cards a person can finish', () => {
  const harness = new BotHarness();
  let content: Content;
  let schoolId: string;
  beforeAll(async () => {
    content = await loadContent();
    await harness.start({ now: () => clock });
    const [entry] = [...(await registerSchools(harness.bot!.store, TENANT, [registered(SCHOOL)])).values()];
    schoolId = entry!.id;
    await appointSchoolAdmin(harness.bot!.store, TENANT, schoolId, HEAD.aadObjectId);
    await harness.post(message(MANAGER, harness.serviceUrl, 'help'));
  });
  afterAll(() => harness.stop());
  beforeEach(() => {
    clock = MONDAY;
    harness.connector.clear();
  });

  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const teachingItems = () => content.inductionItemsFor('teaching-learning', 'new');

  async function staff(options: { locale?: string; manager?: boolean } = {}): Promise<TeamsUser> {
    const user = teamsUser({ locale: options.locale ?? 'en-GB', tenantId: TENANT });
    await act(user, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', ...(options.manager ? { lineManager: MANAGER.aadObjectId } : {}) });
    if (options.manager) await act(MANAGER, 'team.accept', { reportId: user.aadObjectId });
    return user;
  }

  /** Every page of one stage, as the person pages through it. */
  async function stagePages(user: TeamsUser, stage: string): Promise<Card[]> {
    const pages = [await act(user, 'induction.stage', { stage })];
    for (;;) {
      const next = actionsOf(pages.at(-1)!, 'induction.stage').find((a) => a.data.stage === stage && Number(a.data.page) === pages.length);
      if (!next) return pages;
      pages.push(await act(user, next.verb, next.data));
    }
  }

  /** Presses every Done on every page of every stage; the last card seen. */
  async function tickEverything(user: TeamsUser): Promise<Card> {
    let last: Card = await act(user, 'induction.start');
    for (const stage of content.inductionStageOrder.filter((s) => s !== 'refresher')) {
      for (const page of await stagePages(user, stage)) {
        for (const tick of actionsOf(page, 'induction.tick')) last = await act(user, tick.verb, tick.data);
      }
    }
    return last;
  }

  it('when someone saves their profile, then the card offers to start their induction (or open it once started) and to change the profile', async () => {
    const user = teamsUser({ tenantId: TENANT });
    const saved = await act(user, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry' });
    expect(cardText(saved)).toContain('Your profile is saved.');
    expect(actionsOf(saved, 'induction.start').map((a) => a.title)).toEqual(['Start my induction']);
    expect(actionsOf(saved, 'profile.edit').map((a) => a.title)).toEqual(['Edit my profile']);

    await act(user, 'induction.begin', { startDate: '2026-11-16', mode: 'new' });
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, 'profile'));
    expect(actionsOf(cardsIn(harness.connector.sent)[0]!, 'induction.start').map((a) => a.title)).toEqual(['Open my induction']);
  });

  it('when someone changes their start date, then the button says it saves the date, the card says ticks are kept, and a button goes back to the checklist', async () => {
    const user = await staff();
    const first = await act(user, 'induction.begin', { startDate: '2026-11-16', mode: 'new' });
    const tick = actionsOf(first, 'induction.tick').find((a) => !teachingItems().find((i) => i.id === a.data.itemId)?.signOff)!;
    await act(user, tick.verb, tick.data);

    const form = await act(user, 'induction.edit');
    expect(cardProblems(form)).toEqual([]);
    expect(cardText(form)).toContain('Everything you have ticked is kept');
    expect(actionsOf(form, 'induction.begin').map((a) => a.title)).toEqual(['Save the new start date']);
    expect(cardText(form)).not.toContain('Start my induction');
    const back = actionsOf(form, 'induction.start');
    expect(back.map((a) => [a.title, a.associatedInputs])).toEqual([['Back to my checklist', 'none']]);
    expect(cardText(await act(user, back[0]!.verb, back[0]!.data))).toMatch(/1 of \d+ done/);

    // A date refused comes back as typed, still labelled as a change.
    const refused = await act(user, 'induction.begin', { startDate: '2062-01-01', mode: 'new' });
    expect(cardText(refused)).toContain('Enter a real date');
    expect(JSON.stringify(refused)).toContain('"value":"2062-01-01"');
    expect(actionsOf(refused, 'induction.begin').map((a) => a.title)).toEqual(['Save the new start date']);
  });

  it('when someone with no line manager ticks every item, then the count is honest, the items needing a manager are named, and a button leads to naming one', async () => {
    const user = await staff();
    await act(user, 'induction.begin', { startDate: '2026-11-16', mode: 'new' });
    const last = await tickEverything(user);
    const total = teachingItems().length;
    const needing = teachingItems().filter((i) => i.signOff);
    const text = cardText(last);
    const firstDay = cardText(await act(user, 'induction.stage', { stage: 'first-day' }));
    expect(text).not.toContain(`${total} of ${total} done`);
    expect(text).toContain(`${total - needing.length} of ${total} done · ${needing.length} waiting for sign-off`);
    expect(text).toContain('These items need a line manager');
    expect(text).toContain(shortTitle(needing[0]!.title.en));
    expect(text).toContain(`and ${needing.length - 3} more`);
    expect(firstDay).toContain('Done · waiting for a line manager to sign it off');
    expect(firstDay).not.toContain('Waiting for your line manager');
    expect(actionsOf(last, 'profile.edit').map((a) => a.title)).toEqual(['Name my line manager']);
    // The bar shows what is finished, not what is ticked: it is not full.
    const bar = (last.body as { type: string; text?: string }[]).find((b) => b.type === 'TextBlock' && b.text !== undefined && b.text.includes(BAR_FILLED))!;
    expect(bar.text).toBe(progressBar(total - needing.length, total));
    expect(bar.text).toContain(BAR_EMPTY);
    expect(cardProblems(last)).toEqual([]);
  });

  it('when someone has a line manager, then no items are listed as needing one', async () => {
    const user = await staff({ manager: true });
    const card = await act(user, 'induction.begin', { startDate: '2026-11-16', mode: 'new' });
    expect(cardText(card)).not.toContain('These items need a line manager');
    expect(actionsOf(card, 'profile.edit')).toEqual([]);
  });

  it("when due dates fall on a weekend or in the school's holiday, then they move to the next school day", async () => {
    await act(HEAD, 'school.addHoliday', { schoolId, holidayFrom: '2026-12-21', holidayTo: '2027-01-01' });
    const user = await staff();
    await confirmedAt(harness.bot!.store, TENANT, schoolId, user.aadObjectId);
    await act(user, 'induction.begin', { startDate: '2026-11-16', mode: 'new' });
    const rows = async (stage: string) => (await stagePages(user, stage)).map(cardText).join('\n');
    const firstWeek = await rows('first-week');
    const firstHalfTerm = await rows('first-half-term');
    const dueOf = (text: string, item: InductionItem) => text.slice(text.indexOf(item.title.en)).split('\n')[1];
    const find = (id: string) => teachingItems().find((i) => i.id === id)!;
    // Saturday 21 November → Monday 23; Sunday 6 December → Monday 7; Saturday 26 December, in the holiday → Monday 4 January.
    expect(dueOf(firstWeek, find('welsh-in-school'))).toContain('due 23 November 2026');
    expect(dueOf(firstHalfTerm, find('learn-welsh'))).toContain('due 7 December 2026');
    expect(dueOf(firstHalfTerm, find('professional-learning'))).toContain('due 4 January 2027');
    for (const weekend of ['21 November 2026', '6 December 2026', '26 December 2026']) expect(`${firstWeek}\n${firstHalfTerm}`.split('\n').filter((l) => l.includes(`due ${weekend}`))).toEqual([]);
  });

  it('when a school adds an item today whose date has passed, then it is to catch up, not overdue, today and tomorrow', async () => {
    const user = await staff();
    await confirmedAt(harness.bot!.store, TENANT, schoolId, user.aadObjectId);
    await act(user, 'induction.begin', { startDate: '2026-11-16', mode: 'new' });
    // Two weeks on, the school adds an item for the first day.
    clock = new Date('2026-11-30T10:00:00Z');
    await act(HEAD, 'school.addItem', {
      schoolId,
      stage: 'first-day',
      titleEn: 'Collect your lanyard',
      titleCy: 'Casglwch eich laniard',
      whatEn: 'Ask at reception.',
      whatCy: 'Gofynnwch yn y dderbynfa.',
      dayOffset: '0',
      signOff: 'false',
    });
    const lineOf = async () => {
      const text = (await stagePages(user, 'first-day')).map(cardText).join('\n');
      return { line: text.slice(text.indexOf('Collect your lanyard')).split('\n')[1]!, text };
    };
    const today = await lineOf();
    expect(today.line).toContain('To catch up');
    // The national first-day items were due after this person began: those are late.
    expect(today.text).toContain('Overdue');
    clock = new Date('2026-12-01T10:00:00Z');
    expect((await lineOf()).line).toContain('To catch up');
  });

  it('when a new starter begins two weeks after their start date, then they see what to catch up on first, and no wall of Overdue', async () => {
    clock = new Date('2026-11-30T10:00:00Z');
    const user = await staff();
    const card = await act(user, 'induction.begin', { startDate: '2026-11-16', mode: 'new' });
    const text = cardText(card);
    expect(text).toContain('You started 2 weeks ago: here is what to catch up on first.');
    expect(text).toContain('To catch up');
    expect(text).not.toContain('Overdue');
    // Everything due before today, 30 November: the items of the days and the first week.
    const late = teachingItems().filter((i) => i.dayOffset < 14);
    expect(text).toContain(`${late.length} items to catch up on`);
    expect(text).toContain(shortTitle(late[0]!.title.en));
    expect(text).toContain(`and ${late.length - 3} more`);
    expect(cardProblems(card)).toEqual([]);

    const welsh = await staff({ locale: 'cy-GB' });
    expect(cardText(await act(welsh, 'induction.begin', { startDate: '2026-11-20', mode: 'new' }))).toContain('Dechreuoch chi 10 diwrnod yn ôl');
  });

  it("when a stage card is drawn, then every row's buttons name their item, and More about turns into Less about", async () => {
    const user = await staff({ locale: 'cy-GB' });
    const card = await act(user, 'induction.begin', { startDate: '2026-11-16', mode: 'new' });
    const shown = teachingItems().filter((i) => actionsOf(card, 'induction.tick').some((a) => a.data.itemId === i.id));
    expect(shown.length).toBeGreaterThan(0);
    expect(actionsOf(card, 'induction.tick').map((a) => a.title)).toEqual(shown.map((i) => `Wedi'i wneud: ${shortTitle(i.title.cy)}`));
    const all = toggles(card);
    for (const item of shown) {
      const more = all.find((t) => t.title === `Rhagor am: ${shortTitle(item.title.cy)}`);
      const less = all.find((t) => t.title === `Llai am: ${shortTitle(item.title.cy)}`);
      expect([more?.hidden, less?.hidden]).toEqual([false, true]);
      // Both buttons swap the details and each other, so the one showing says what pressing it does.
      expect(more!.targets).toEqual(less!.targets);
      expect(more!.targets).toHaveLength(3);
    }
    const untick = actionsOf(await act(user, 'induction.tick', actionsOf(card, 'induction.tick')[0]!.data), 'induction.undo');
    expect(untick.map((a) => a.title)).toEqual([`Dadwneud: ${shortTitle(shown[0]!.title.cy)}`]);
  });

  it('when someone notes a development priority, then the stage card lists it from then on', async () => {
    const user = await staff();
    await act(user, 'induction.begin', { startDate: '2026-11-16', mode: 'new' });
    const card = await act(user, 'induction.priority', { priority: 'Supporting learners with dyslexia', stage: 'first-day' });
    expect(cardText(card)).toContain('Noted as development priorities');
    expect(cardText(card)).toContain('• Supporting learners with dyslexia');
    expect(cardText(await act(user, 'induction.start'))).toContain('• Supporting learners with dyslexia');
  });

  it('when someone finishes induction after doing the self-assessment, then the card offers their results rather than starting it again', async () => {
    const user = await staff({ manager: true });
    let card = await act(user, 'selfAssessment.begin');
    while (actionsOf(card, 'selfAssessment.answer').length > 0) {
      const next = actionsOf(card, 'selfAssessment.answer').find((a) => a.data.move === 'next')!;
      card = await act(user, next.verb, { ...next.data, ...Object.fromEntries(choiceInputs(card).map((input) => [input.id, '3'])) });
    }
    await act(user, 'induction.begin', { startDate: '2026-11-16', mode: 'new' });
    await tickEverything(user);
    for (let team = await act(MANAGER, 'team.show'); ; ) {
      const signOff = actionsOf(team, 'induction.signOff').find((a) => a.data.reportId === user.aadObjectId);
      if (!signOff) break;
      team = await act(MANAGER, signOff.verb, signOff.data);
    }
    const done = await act(user, 'induction.start');
    expect(cardText(done)).toContain('Induction complete');
    expect(cardText(done)).toContain('you have done the self-assessment already');
    expect(actionsOf(done, 'selfAssessment.results').map((a) => a.title)).toEqual(['See my self-assessment results']);
    expect(actionsOf(done, 'selfAssessment.start')).toEqual([]);
    expect(cardProblems(done)).toEqual([]);
  });
});
