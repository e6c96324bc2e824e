import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { choiceInputs } from '../support/card-inputs';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

/** Monday 14 December 2026, 10:00 in Wales. */
const clock = new Date('2026-12-14T10:00:00Z');

const LINK = '[click](javascript:alert(1))';
const IMAGE = '![x](data:image/png;base64,AA)';
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** The texts a card renders as Markdown: TextBlocks and facts (labels, inputs and button titles are plain text). */
function markdownTexts(card: Card): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet') for (const f of (o.facts ?? []) as { title: string; value: string }[]) out.push(f.title, f.value);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

/** What would be live in a Markdown text: the escaped characters (a backslash and one more) taken out. */
const live = (text: string) => text.replace(/\\[\s\S]/g, '');

/** Fails with the offending text when a card holds a live typed link, any image or tag, or any bidi character. */
function expectInert(card: Card): void {
  expect(cardProblems(card)).toEqual([]);
  expect(JSON.stringify(card)).not.toMatch(BIDI);
  for (const text of markdownTexts(card)) {
    // Cefnogi's own resource links (https) are the only links a card may carry.
    expect(live(text)).not.toMatch(/!\[|\]\((?!https:\/\/)|<[a-z]|\[(click|x)\]/i);
    expect(text).not.toMatch(/(javascript|data):(?!\u2060)/i);
  }
}

/** What a reader sees of a card's text: escapes shown as the character, the word joiner invisible. */
const asRead = (card: Card) => cardText(card).replace(/\\([\s\S])/g, '$1').replace(/\u2060/g, '');

describe('text people type is inert on every card another person reads', () => {
  const harness = new BotHarness();
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const keyOf = (u: TeamsUser) => `${u.tenantId}:${u.aadObjectId}`;

  const manager = teamsUser({ name: 'Eirian Price', locale: 'en-GB' });
  const staff = teamsUser({ name: `${LINK} Ffion \u202Esenoj\u202C ${IMAGE}`, locale: 'en-GB', tenantId: manager.tenantId });

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await harness.post(message(manager, harness.serviceUrl, 'help'));
    await harness.post(message(staff, harness.serviceUrl, 'help'));
    await act(staff, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: manager.aadObjectId });
    await act(manager, 'team.accept', { reportId: staff.aadObjectId });
  });
  afterAll(() => harness.stop());

  it('when a staff member types links, images and a bidi override into their name, objective, comment and priority, then their line manager’s cards show them inert and she still reads her own words', async () => {
    // Her name and an induction priority are stored without the override.
    await act(staff, 'induction.begin', { startDate: '2026-12-01', mode: 'new' });
    await act(staff, 'induction.priority', { priority: `${LINK} \u2066first aid\u2069`, stage: 'first-day' });
    const stored = (await harness.bot!.store.users.read(keyOf(staff), keyOf(staff)))!.value;
    expect(stored.name).toBe(`${LINK} Ffion senoj ${IMAGE}`);
    expect(stored.induction!.priorities).toEqual([`${LINK} first aid`]);

    // An objective, a planning meeting today, recorded by the manager with her comment after.
    const own = await act(staff, 'appraisal.addObjective', { objectiveText: `${LINK} \u202Ephonics`, objectiveMeasure: IMAGE, standards: 'pedagogy', keyAreas: '' });
    expect(asRead(own)).toContain(`${LINK} phonics`);
    expect(asRead(own)).toContain(IMAGE);
    await act(staff, 'appraisal.setDates', { reportId: '', 'date-planning': '2026-12-14' });

    const team = await act(manager, 'team.show');
    expectInert(team);
    expect(asRead(team)).toContain(`${LINK} Ffion senoj ${IMAGE}`);

    const view = await act(manager, 'appraisal.openReview', { reportId: staff.aadObjectId });
    expectInert(view);
    expect(asRead(view)).toContain(`${LINK} phonics`);
    const planning = actionsOf(view, 'appraisal.openReview').find((a) => a.data.meeting === 'planning')!;
    const form = await act(manager, planning.verb, planning.data);
    expectInert(form);
    const recorded = await act(manager, 'appraisal.record', { ...actionsOf(form, 'appraisal.record')[0]!.data, comments: `Agreed ${IMAGE}\n# not a heading`, priorities: `${LINK}\n\u202Eleadership` });
    expectInert(recorded);

    const commented = await act(staff, 'appraisal.comment', { meeting: 'planning', 'comment-planning': `Thanks ${LINK}\u202E` });
    expect(asRead(commented)).toContain(`Agreed ${IMAGE}`);
    expect(asRead(commented)).toContain(`${LINK}; leadership`);
    const withComment = await act(manager, 'appraisal.openReview', { reportId: staff.aadObjectId });
    expectInert(withComment);
    expect(asRead(withComment)).toContain(`Thanks ${LINK}`);
  });

  it('when she shares her self-assessment summary, then the notice naming her and the summary her manager opens are inert', async () => {
    let card = await act(staff, 'selfAssessment.begin');
    while (actionsOf(card, 'selfAssessment.answer').length > 0) {
      const next = actionsOf(card, 'selfAssessment.answer').find((a) => a.data.move === 'next')!;
      card = await act(staff, next.verb, { ...next.data, ...Object.fromEntries(choiceInputs(card).map((i) => [i.id, '2'])) });
    }
    const share = actionsOf(card, 'selfAssessment.share')[0]!;
    await act(staff, share.verb, share.data);
    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    const toManager = cardsIn(harness.connector.sent.filter((s) => s.conversationId === `a:personal-${manager.aadObjectId}`));
    const notice = toManager.find((c) => cardText(c).includes('shared their self-assessment summary'))!;
    expectInert(notice);
    expect(asRead(notice)).toContain(`${LINK} Ffion senoj ${IMAGE} shared their self-assessment summary`);
    expectInert(await act(manager, 'selfAssessment.shared', { reportId: staff.aadObjectId }));
  });
});
