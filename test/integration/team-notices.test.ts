import { loadContent } from '../../bot/content/load-content';
import type { Content } from '../../bot/content/content';
import type { InductionItem } from '../../bot/content/induction-schemas';
import { BAR_EMPTY, BAR_FILLED, progressBar } from '../../cards/tone-kit';
import { BotHarness } from '../support/bot-harness';
import { actionsOf, executeActions } from '../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

/** Tuesday 6 October 2026, 10:00 in Wales: a school day, when notices may go at once. */
const TUESDAY = new Date('2026-10-06T09:00:00Z');
let clock = TUESDAY;
const later = (seconds: number) => void (clock = new Date(clock.getTime() + seconds * 1000));

describe('my team and the notices around it, over HTTP as Teams sends them', () => {
  const harness = new BotHarness();
  let content: Content;
  /** A catering assistant's induction: seven of its items need the line manager's sign-off. */
  let items: InductionItem[];
  beforeAll(async () => {
    content = await loadContent();
    items = content.inductionItemsFor('facilities', 'new');
    await harness.start({ persist: true, now: () => clock });
  });
  afterAll(() => harness.stop());
  beforeEach(() => {
    clock = TUESDAY;
    harness.connector.clear();
  });

  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  async function member(name: string, locale = 'en-GB'): Promise<TeamsUser> {
    const user = teamsUser({ name, locale });
    await harness.post(message(user, harness.serviceUrl, 'help'));
    return user;
  }
  /** What each of `people` receives when the sender drains now, as card texts. */
  async function delivered(...people: TeamsUser[]): Promise<string[][]> {
    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    return people.map((p) => cardsIn(harness.connector.sent.filter((s) => s.conversationId === `a:personal-${p.aadObjectId}`)).map(cardText));
  }
  /** The cards (not text) `person` receives when the sender drains now. */
  async function deliveredCards(person: TeamsUser): Promise<Card[]> {
    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    return cardsIn(harness.connector.sent.filter((s) => s.conversationId === `a:personal-${person.aadObjectId}`));
  }
  /** A catering assistant who named `manager`, was accepted, began induction on 1 September and ticked every item but `except`. */
  async function reportOf(manager: TeamsUser, name: string, except: string[] = []): Promise<TeamsUser> {
    const staff = await member(name);
    await act(staff, 'profile.save', { roleId: 'catering-2', welshLevelId: 'entry', lineManager: manager.aadObjectId });
    await act(manager, 'team.accept', { reportId: staff.aadObjectId });
    await act(staff, 'induction.begin', { startDate: '2026-09-01', mode: 'new' });
    for (const item of items.filter((i) => !except.includes(i.id))) await act(staff, 'induction.tick', { itemId: item.id, stage: item.stage });
    await delivered(); // the "waiting for your sign-off" notices are not what these tests are about
    return staff;
  }
  /** The manager presses the first Sign off on My team, `gap` seconds after the last; answers the item's title. */
  async function signOffFirst(manager: TeamsUser, gap = 25): Promise<string> {
    later(gap);
    const signOff = actionsOf(await act(manager, 'team.show'), 'induction.signOff')[0]!;
    await act(manager, signOff.verb, signOff.data);
    return items.find((i) => i.id === signOff.data.itemId)!.title.en;
  }

  it('when nobody is in a manager’s team yet, then the card says how people come to appear there and offers a next step', async () => {
    const manager = await member('Eirian Price');
    harness.connector.clear();
    await harness.post(message(manager, harness.serviceUrl, 'my team'));
    const card = cardsIn(harness.connector.sent)[0]!;
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('name you as their line manager in their profile');
    expect(text).toContain("your school's administrator imports line managers");
    expect(executeActions(card).map((a) => [a.title, a.verb])).toEqual([
      ['Check again', 'team.show'],
      ['Help', 'help.show'],
    ]);
    const welsh = await act(await member('Gwenllian Rhys', 'cy-GB'), 'team.show');
    expect(cardText(welsh)).toContain("Bydd pobl yn ymddangos yma pan fyddant yn eich enwi'n rheolwr llinell");
  });

  it('when a report is part-way through induction with items overdue, then my team draws a progress bar, says how many are overdue in words, and names each Sign off button', async () => {
    const manager = await member('Eirian Price');
    const overdueIds = items.filter((i) => !i.signOff).slice(0, 3).map((i) => i.id);
    await reportOf(manager, 'Rhys Morgan', overdueIds);
    const card = await act(manager, 'team.show');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(`${items.length - 3} of ${items.length} done`);
    expect(text).toContain('3 items overdue');

    // The bar shows done against all, in squares; the overdue count sits on the attention style's background.
    const shown = elementsOf(card);
    expect(shown.filter((el) => el.type === 'TextBlock' && BAR.test(String(el.text))).map((el) => el.text)).toEqual([progressBar(items.length - 3, items.length)]);
    const overdue = shown.find((el) => el.type === 'Container' && (el.items as Record<string, unknown>[]).some((i) => i.text === '3 items overdue'));
    expect(overdue?.style).toBe('attention');

    const signOff = actionsOf(card, 'induction.signOff')[0]!;
    const item = items.find((i) => i.id === signOff.data.itemId)!;
    expect(signOff.title).toBe('Sign off for Rhys Morgan');
    expect(text).toContain(item.title.en);
  });

  it('when a manager signs off seven items within a few minutes, across a restart, then the person gets one card listing all seven, and both hear once that the induction is complete', async () => {
    const manager = await member('Rhys Morgan');
    const staff = await reportOf(manager, 'Nia Roberts');
    const needing = items.filter((i) => i.signOff);
    expect(needing).toHaveLength(7);

    const titles: string[] = [];
    for (let i = 0; i < 4; i += 1) titles.push(await signOffFirst(manager));
    await harness.restart();
    for (let i = 0; i < 3; i += 1) titles.push(await signOffFirst(manager));
    expect(titles.sort()).toEqual(needing.map((i) => i.title.en).sort());

    const [toStaffAtOnce, toManager] = await delivered(staff, manager);
    expect(toStaffAtOnce).toEqual([]);
    expect(toManager).toHaveLength(1);
    expect(toManager![0]).toContain("Nia Roberts has completed their induction");

    later(6 * 60);
    await harness.bot!.proactive.scheduler.tick(clock);
    await harness.bot!.proactive.scheduler.tick(clock); // a second tick (another instance) adds nothing
    later(60);
    const cards = await deliveredCards(staff);
    expect(cards.map((c) => cardProblems(c))).toEqual([[], []]);
    const texts = cards.map(cardText);
    const signedOff = texts.find((t) => t.includes('signed off 7 items'))!;
    const complete = texts.find((t) => !t.includes('signed off 7'))!;
    expect(signedOff).toContain('Rhys Morgan signed off 7 items of your induction');
    for (const title of titles) expect(signedOff).toContain(title);
    expect(complete).toContain('Your induction is complete');

    later(3600);
    await harness.bot!.proactive.scheduler.tick(clock);
    expect(await delivered(staff, manager)).toEqual([[], []]);
  });

  it('when sign-offs come an hour apart, then each reaches the person on its own card', async () => {
    const manager = await member('Rhys Morgan');
    const staff = await reportOf(manager, 'Alaw Jenkins');
    const first = await signOffFirst(manager);
    later(3600);
    const second = await signOffFirst(manager);
    later(6 * 60);
    await harness.bot!.proactive.scheduler.tick(clock);
    const [cards] = await delivered(staff);
    expect(cards).toHaveLength(2);
    expect(cards!.find((c) => c.includes(first))).toContain('Rhys Morgan signed off an item of your induction');
    expect(cards!.find((c) => c.includes(second))).toContain('Rhys Morgan signed off an item of your induction');
  });

  it('when the person’s own tick completes the induction, then they and their line manager are each told once, in their own language', async () => {
    const manager = await member('Eirian Price', 'cy-GB');
    const last = items.find((i) => !i.signOff)!;
    const staff = await reportOf(manager, 'Tomos Hughes', [last.id]);
    for (let i = 0; i < 7; i += 1) await signOffFirst(manager, 5);
    later(6 * 60);
    await harness.bot!.proactive.scheduler.tick(clock);
    later(60);
    expect((await delivered(staff))[0]).toHaveLength(1); // the seven sign-offs, on one card

    const done = await act(staff, 'induction.tick', { itemId: last.id, stage: last.stage });
    expect(cardText(done)).toContain('Induction complete');
    await act(staff, 'induction.undo', { itemId: last.id, stage: last.stage });
    await act(staff, 'induction.tick', { itemId: last.id, stage: last.stage }); // finishing twice announces nothing twice
    const [toStaff, toManager] = await delivered(staff, manager);
    expect(toStaff).toEqual([expect.stringContaining('Your induction is complete')]);
    expect(toManager).toEqual([expect.stringContaining("Mae Tomos Hughes wedi cwblhau'r cyfnod sefydlu")]);
  });

  it('when someone the report did not name presses Accept with the notice’s data, then it is refused and nobody joins their team', async () => {
    const manager = await member('Eirian Price');
    const other = await member('Siân Lewis');
    const staff = await member('Nia Roberts');
    await act(staff, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: manager.aadObjectId });
    const [notice] = await deliveredCards(manager);
    const accept = actionsOf(notice!, 'team.accept')[0]!;
    const refused = await act(other, accept.verb, accept.data);
    expect(cardText(refused)).toContain('That request is no longer open.');
    expect(actionsOf(await act(other, 'team.show'), 'appraisal.openReview')).toEqual([]);
    // The request still waits for the manager it was sent to.
    expect(cardText(await act(manager, accept.verb, accept.data))).toContain('Nia Roberts is now in your team');
  });

  it('when a report asks, then Accept on the notice itself accepts them and the notice says so in place', async () => {
    const manager = await member('Eirian Price');
    const staff = await member('Nia Roberts');
    await act(staff, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: manager.aadObjectId });
    const [notice] = await deliveredCards(manager);
    expect(cardProblems(notice!)).toEqual([]);
    expect(cardText(notice!)).toContain('Nia Roberts names you as their line manager');
    const accept = actionsOf(notice!, 'team.accept')[0]!;
    expect(actionsOf(notice!, 'team.decline')).toHaveLength(1);

    const answered = await act(manager, accept.verb, accept.data);
    expect(cardProblems(answered)).toEqual([]);
    expect(cardText(answered)).toContain('Nia Roberts is now in your team');
    expect(actionsOf(answered, 'team.accept')).toEqual([]);
    expect(actionsOf(answered, 'team.show')).toHaveLength(1);
    expect(actionsOf(await act(manager, 'team.show'), 'appraisal.openReview').map((a) => a.data.reportId)).toEqual([staff.aadObjectId]);

    // Decline on the same notice later (another device still shows it): she stays, and it says the request is closed.
    const stale = await act(manager, 'team.decline', actionsOf(notice!, 'team.decline')[0]!.data);
    expect(cardText(stale)).toContain('That request is no longer open.');
    expect(actionsOf(await act(manager, 'team.show'), 'appraisal.openReview').map((a) => a.data.reportId)).toEqual([staff.aadObjectId]);
  });

  it('when a report asks, then Decline on the notice declines them, the notice says so in place, and a second press finds the request closed', async () => {
    const manager = await member('Eirian Price', 'cy-GB');
    const staff = await member('Cai Edwards');
    await act(staff, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: manager.aadObjectId });
    const [notice] = await deliveredCards(manager);
    const decline = actionsOf(notice!, 'team.decline')[0]!;
    expect(decline.title).toBe('Gwrthod Cai Edwards');

    const answered = await act(manager, decline.verb, decline.data);
    expect(cardText(answered)).toContain('Rydych wedi gwrthod y cais gan Cai Edwards');
    expect(cardText(await act(manager, 'team.show'))).not.toContain('Cai Edwards');
    const again = await act(manager, 'team.accept', actionsOf(notice!, 'team.accept')[0]!.data);
    expect(cardText(again)).toContain("Nid yw'r cais hwnnw ar agor mwyach.");
    expect(cardText(await act(manager, 'team.show'))).not.toContain('Cai Edwards');
  });

  it('when a manager says an imported report is not theirs, then the person is told, in English that speaks to them, that they were taken out of the team', async () => {
    const manager = await member('Eirian Price');
    const staff = await member('Gwen Morgan');
    await act(staff, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: manager.aadObjectId });
    const links = harness.bot!.store.teamLinks;
    const key = (u: TeamsUser) => `${u.tenantId}:${u.aadObjectId}`;
    const link = (await links.read(key(staff), key(manager)))!;
    await links.replace({ ...link.value, status: 'accepted', source: 'import' }, link.etag);
    await delivered();

    await act(manager, 'team.decline', { reportId: staff.aadObjectId });
    const [toStaff] = await delivered(staff);
    expect(toStaff).toHaveLength(1);
    expect(toStaff![0]).toContain('You were taken out of their team in Cefnogi.');
  });
});

/** A progress bar drawn in squares. */
const BAR = new RegExp(`^[${BAR_FILLED}${BAR_EMPTY}]+$`);

/** Every element of a card, containers and columns opened. */
function elementsOf(card: Card): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string') out.push(o);
    for (const key of ['items', 'columns']) if (key in o) walk(o[key]);
  };
  walk(card.body);
  return out;
}
