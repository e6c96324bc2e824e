import { loadContent } from '../../bot/content/load-content';
import type { Content } from '../../bot/content/content';
import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';

/** Wednesday 2 September 2026, 10:00 in Wales: a school day at the start of the autumn term. */
let clock = new Date('2026-09-02T09:00:00Z');
const now = () => clock;

describe('induction, walked over HTTP as Teams sends it', () => {
  const harness = new BotHarness();
  let content: Content;
  beforeAll(async () => {
    content = await loadContent();
    await harness.start({ persist: true, now });
    // The line manager has Cefnogi installed, so messages can reach them.
    await harness.post(message(manager, harness.serviceUrl, 'help'));
  });
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  const manager = teamsUser({ name: 'Eirian Price', locale: 'en-GB' });
  const keyOf = (u: TeamsUser) => `${u.tenantId}:${u.aadObjectId}`;
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));

  async function newStarter(locale: string, roleId: string, name: string): Promise<TeamsUser> {
    const user = teamsUser({ locale, name, tenantId: manager.tenantId });
    await harness.post(message(user, harness.serviceUrl, 'help'));
    await act(user, 'profile.save', { roleId, welshLevelId: 'entry', lineManager: manager.aadObjectId });
    expect(cardText(await act(manager, 'team.accept', { reportId: user.aadObjectId }))).toContain('Accepted');
    return user;
  }

  /** Presses Done on every item of every stage, moving on through the stage buttons. */
  async function tickEverything(user: TeamsUser, first: Card): Promise<{ titles: string[]; last: Card }> {
    const titles: string[] = [];
    let card = first;
    for (;;) {
      for (const tick of actionsOf(card, 'induction.tick')) {
        card = await act(user, tick.verb, tick.data);
      }
      titles.push(cardText(card));
      const next = actionsOf(card, 'induction.stage').find((a) => a.title.endsWith('→'));
      if (!next) return { titles, last: card };
      card = await act(user, next.verb, next.data);
    }
  }

  async function managerSignsOffEverything(): Promise<number> {
    let card = await act(manager, 'team.show');
    let count = 0;
    for (;;) {
      const signOff = actionsOf(card, 'induction.signOff')[0];
      if (!signOff) return count;
      card = await act(manager, signOff.verb, signOff.data);
      expect(cardText(card)).toContain('Signed off.');
      count += 1;
    }
  }

  it('when a new teaching assistant walks the whole induction in Welsh, then she sees her role’s items, her manager signs off, and she finishes', async () => {
    const ta = await newStarter('cy-GB', 'teaching-assistant-2', 'Nia Roberts');
    harness.connector.clear();
    await harness.post(message(ta, harness.serviceUrl, 'sefydlu'));
    const start = cardsIn(harness.connector.sent)[0]!;
    expect(cardText(start)).toContain('Eich cyfnod sefydlu');
    const first = await act(ta, 'induction.begin', { startDate: '2026-09-01', mode: 'new' });
    const { titles, last } = await tickEverything(ta, first);
    const seen = titles.join('\n');
    const expected = content.inductionItemsFor('teaching-learning', 'new');
    for (const item of expected) expect(seen).toContain(item.title.cy);
    const adminOnly = content.inductionItemsFor('administration-management', 'new').filter((i) => !expected.includes(i));
    for (const item of adminOnly) expect(seen).not.toContain(item.title.cy);
    expect(seen).toContain('Yn aros am eich rheolwr llinell');
    expect(cardText(last)).toMatch(/\d+ yn aros i gael eu cymeradwyo/);

    const needingSignOff = expected.filter((i) => i.signOff).length;
    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    const waiting = harness.connector.sent.filter((s) => s.conversationId === `a:personal-${manager.aadObjectId}` && JSON.stringify(s.activity).includes('has done'));
    expect(waiting).toHaveLength(needingSignOff);
    expect(cardText(cardsIn(waiting)[0]!)).toContain('Nia Roberts has done');
    expect(await managerSignsOffEverything()).toBe(needingSignOff);

    // The sign-offs of those few minutes reach her as one card, and the completion as another.
    clock = new Date(clock.getTime() + 7 * 60_000);
    await harness.bot!.proactive.scheduler.tick(clock);
    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    const told = cardsIn(harness.connector.sent.filter((s) => s.conversationId === `a:personal-${ta.aadObjectId}`)).map(cardText);
    expect(told).toHaveLength(2);
    expect(told.join('\n')).toContain(`Mae Eirian Price wedi cymeradwyo ${needingSignOff} eitem o'ch cyfnod sefydlu`);
    expect(told.join('\n')).toContain("Mae eich cyfnod sefydlu wedi'i gwblhau");

    harness.connector.clear();
    await harness.post(message(ta, harness.serviceUrl, 'sefydlu'));
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain("Sefydlu wedi'i gwblhau");
  });

  it('when a new starter makes no progress for five school days with items due, then they get a reminder and their manager a summary, once', async () => {
    const user = await newStarter('cy-GB', 'premises-2', 'Iwan Bowen');
    const first = await act(user, 'induction.begin', { startDate: '2026-09-01', mode: 'new' });
    const tick = actionsOf(first, 'induction.tick')[0]!;
    await act(user, tick.verb, tick.data);
    const proactive = harness.bot!.proactive;

    // Four school days later (Tuesday 8 September): not stalled yet.
    clock = new Date('2026-09-08T08:30:00Z');
    await proactive.scheduler.tick(clock);
    harness.connector.clear();
    await proactive.sender.drain(clock);
    expect(harness.connector.sent.filter((s) => s.conversationId === `a:personal-${user.aadObjectId}`)).toHaveLength(0);

    // Saturday 12 September: stalled, but no prompts at weekends.
    harness.connector.clear();
    clock = new Date('2026-09-12T09:00:00Z');
    await proactive.scheduler.tick(clock);
    await proactive.sender.drain(clock);
    expect(harness.connector.sent).toHaveLength(0);

    // Monday 14 September, 09:00 in Wales: both messages go, each in its reader's language.
    clock = new Date('2026-09-14T08:00:00Z');
    await proactive.scheduler.tick(clock);
    await proactive.sender.drain(clock);
    const toUser = harness.connector.sent.filter((s) => s.conversationId === `a:personal-${user.aadObjectId}`);
    const toManager = harness.connector.sent.filter((s) => s.conversationId === `a:personal-${manager.aadObjectId}`);
    expect(toUser).toHaveLength(1);
    expect(cardText(cardsIn(toUser)[0]!)).toContain('Nodyn atgoffa am eich cyfnod sefydlu');
    expect(toManager).toHaveLength(1);
    expect(cardText(cardsIn(toManager)[0]!)).toContain('Iwan Bowen may need a hand');

    // The next day's check finds the same stall: no second nudge.
    clock = new Date('2026-09-15T08:00:00Z');
    harness.connector.clear();
    await proactive.scheduler.tick(clock);
    await proactive.sender.drain(clock);
    expect(harness.connector.sent).toHaveLength(0);
  });

  it('when a new administrator works through induction in English, then the items are the administration ones, and progress survives a restart', async () => {
    const admin = await newStarter('en-GB', 'administration-2', 'Tomos Hughes');
    const first = await act(admin, 'induction.begin', { startDate: '2026-09-01', mode: 'new' });
    const tick = actionsOf(first, 'induction.tick')[0]!;
    const after = await act(admin, tick.verb, tick.data);
    expect(cardText(after)).toMatch(/1 of \d+ done/);

    await harness.restart();
    const { titles } = await tickEverything(admin, await act(admin, 'induction.start'));
    const seen = titles.join('\n');
    for (const item of content.inductionItemsFor('administration-management', 'new')) expect(seen).toContain(item.title.en);
    const taOnly = content.inductionItemsFor('teaching-learning', 'new').filter((i) => i.families);
    for (const item of taOnly) expect(seen).not.toContain(item.title.en);

    await managerSignsOffEverything();
    expect(cardText(await act(admin, 'induction.start'))).toContain('Induction complete');
  });

  it('when two devices tick different items at the same moment, then both ticks are kept', async () => {
    const user = await newStarter('en-GB', 'midday-supervision-1', 'Alaw Jenkins');
    const first = await act(user, 'induction.begin', { startDate: '2026-08-25', mode: 'new' });
    const [a, b] = actionsOf(first, 'induction.tick');
    await Promise.all([act(user, a!.verb, a!.data), act(user, b!.verb, b!.data)]);
    const stored = (await harness.bot!.store.users.read(keyOf(user), keyOf(user)))!.value.induction!;
    expect(Object.keys(stored.items).sort()).toEqual([a!.data.itemId, b!.data.itemId].sort());
  });

  it('when an item id is made up or the stage does not exist, then a clear card comes back and nothing is written', async () => {
    const user = await newStarter('en-GB', 'teaching-assistant-1', 'Owain Davies');
    await act(user, 'induction.begin', { startDate: '2026-09-01', mode: 'new' });
    const before = await harness.bot!.store.users.read(keyOf(user), keyOf(user));
    const card = await act(user, 'induction.tick', { itemId: 'fly-to-the-moon', stage: 'first-day' });
    expect(cardText(card)).toContain('That item is not part of your induction.');
    expect(cardText(await act(user, 'induction.stage', { stage: 'year-nine' }))).toContain("That card can't be used");
    expect((await harness.bot!.store.users.read(keyOf(user), keyOf(user)))?.etag).toBe(before?.etag);
  });

  it('when someone signs off a person who has not named them as line manager, then it is refused and nothing is written', async () => {
    const user = await newStarter('en-GB', 'teaching-assistant-3', 'Elin Thomas');
    const first = await act(user, 'induction.begin', { startDate: '2026-09-01', mode: 'new' });
    const needsSignOff = content.inductionItemsFor('teaching-learning', 'new').find((i) => i.signOff)!;
    await act(user, 'induction.tick', { itemId: needsSignOff.id, stage: needsSignOff.stage });
    expect(first).toBeDefined();
    const stranger = teamsUser({ tenantId: user.tenantId });
    const before = await harness.bot!.store.users.read(keyOf(user), keyOf(user));
    const card = await act(stranger, 'induction.signOff', { reportId: user.aadObjectId, itemId: needsSignOff.id });
    expect(cardText(card)).toContain('You are not this person');
    expect((await harness.bot!.store.users.read(keyOf(user), keyOf(user)))?.etag).toBe(before?.etag);
  });

  it('when the first day is all ticked but waits on sign-off, then coming back opens the next stage with something to do', async () => {
    const user = await newStarter('en-GB', 'ict-1', 'Rhodri Owen');
    await act(user, 'induction.begin', { startDate: '2026-09-01', mode: 'new' });
    for (const stage of ['before-first-day', 'first-day']) {
      const card = await act(user, 'induction.stage', { stage });
      for (const tick of actionsOf(card, 'induction.tick')) await act(user, tick.verb, tick.data);
    }
    const again = await act(user, 'induction.start');
    expect(cardText(again)).toContain(content.inductionStage('first-week').name.en);
  });

  it('when someone names a line manager, then the manager is asked, sees nothing until they accept, and can decline', async () => {
    const other = teamsUser({ name: 'Llinos Wyn', tenantId: manager.tenantId });
    await harness.post(message(other, harness.serviceUrl, 'help'));
    const user = teamsUser({ name: 'Cai Edwards', tenantId: manager.tenantId });
    await act(user, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: other.aadObjectId });
    const first = await act(user, 'induction.begin', { startDate: '2026-09-01', mode: 'new' });
    const tick = actionsOf(first, 'induction.tick')[0]!;
    await act(user, tick.verb, tick.data);

    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    const asked = harness.connector.sent.filter((s) => s.conversationId === `a:personal-${other.aadObjectId}`);
    expect(asked).toHaveLength(1);
    expect(cardText(cardsIn(asked)[0]!)).toContain('Cai Edwards names you as their line manager');

    const team = await act(other, 'team.show');
    expect(cardText(team)).toContain('Asking you to be their line manager');
    expect(cardText(team)).not.toMatch(/\d+ of \d+ done/);
    const signOff = content.inductionItemsFor('teaching-learning', 'new').find((i) => i.signOff)!;
    await act(user, 'induction.tick', { itemId: signOff.id, stage: signOff.stage });
    expect(cardText(await act(other, 'induction.signOff', { reportId: user.aadObjectId, itemId: signOff.id }))).toContain('You are not this person');

    const declined = await act(other, 'team.decline', { reportId: user.aadObjectId });
    expect(cardText(declined)).toContain('Declined');
    expect(cardText(declined)).not.toContain('Cai Edwards');
  });

  it('when someone without a line manager ticks an item that needs sign-off, then the card asks them to name one', async () => {
    const user = teamsUser({ tenantId: manager.tenantId });
    await act(user, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry' });
    await act(user, 'induction.begin', { startDate: '2026-09-01', mode: 'new' });
    const needsSignOff = content.inductionItemsFor('teaching-learning', 'new').find((i) => i.signOff)!;
    const card = await act(user, 'induction.tick', { itemId: needsSignOff.id, stage: needsSignOff.stage });
    expect(cardText(card)).toContain('Name your line manager in your profile');
  });

  it('when the start date is changed later, then the ticks are kept and the due dates move', async () => {
    const user = await newStarter('en-GB', 'finance-1', 'Mererid Pugh');
    const first = await act(user, 'induction.begin', { startDate: '2026-09-01', mode: 'new' });
    const tick = actionsOf(first, 'induction.tick')[0]!;
    await act(user, tick.verb, tick.data);
    const form = await act(user, 'induction.edit');
    expect(JSON.stringify(form)).toContain('"value":"2026-09-01"');
    const moved = await act(user, 'induction.begin', { startDate: '2026-09-08', mode: 'new' });
    expect(cardText(moved)).toMatch(/1 of \d+ done/);
    const key = keyOf(user);
    expect((await harness.bot!.store.users.read(key, key))?.value.induction?.startDate).toBe('2026-09-08');
  });

  it('when a long-serving member of staff chooses the refresher, then its dates count from today and only refresher items appear', async () => {
    const user = await newStarter('en-GB', 'catering-2', 'Gwyn Harris');
    const pages = [await act(user, 'induction.begin', { startDate: '2012-09-03', mode: 'refresher' })];
    for (let more = actionsOf(pages[0]!, 'induction.stage').find((a) => Number(a.data.page) === 1); more; more = actionsOf(pages.at(-1)!, 'induction.stage').find((a) => Number(a.data.page) === pages.length)) {
      pages.push(await act(user, more.verb, more.data));
    }
    const text = pages.map(cardText).join('\n');
    for (const item of content.inductionItemsFor('facilities', 'refresher')) expect(text).toContain(item.title.en);
    expect(text).not.toContain('Overdue');
  });

  it('when the start date is not a real date or decades away, then the start form comes back with the reason', async () => {
    const user = await newStarter('en-GB', 'technician-2', 'Gethin Lloyd');
    expect(cardText(await act(user, 'induction.begin', { startDate: '2062-01-01', mode: 'new' }))).toContain('Enter a real date');
    expect(cardText(await act(user, 'induction.begin', { startDate: '2026-02-31', mode: 'new' }))).toContain('Enter a real date');
  });
});
