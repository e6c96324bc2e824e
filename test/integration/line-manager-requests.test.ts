import { allShards } from '../../bot/proactive/shard-key';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

/** Tuesday 6 October 2026, 10:00 in Wales: a school day, when notices may go at once. */
const TUESDAY = new Date('2026-10-06T09:00:00Z');
let clock = TUESDAY;
const at = (hoursAfterTuesday: number) => void (clock = new Date(TUESDAY.getTime() + hoursAfterTuesday * 3_600_000));

const profile = { roleId: 'teaching-assistant-2', welshLevelId: 'entry' };

describe('line-manager requests cannot be used to flood someone, over HTTP as Teams sends them', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start({ now: () => clock }));
  afterAll(() => harness.stop());
  beforeEach(() => {
    at(0);
    harness.connector.clear();
  });

  const keyOf = (u: TeamsUser) => `${u.tenantId}:${u.aadObjectId}`;
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  /** Saves the profile a second after the last thing happened, as a person clicking fast would. */
  const save = (user: TeamsUser, manager: TeamsUser | undefined, extra: Record<string, unknown> = {}) => {
    clock = new Date(clock.getTime() + 1000);
    return act(user, 'profile.save', { ...profile, ...(manager ? { lineManager: manager.aadObjectId } : {}), ...extra });
  };
  /** Someone who has used Cefnogi (so they have a document and a conversation). */
  async function member(name: string, locale = 'en-GB'): Promise<TeamsUser> {
    const user = teamsUser({ name, locale });
    await harness.post(message(user, harness.serviceUrl, 'help'));
    return user;
  }
  /** The request notices for `manager`, from any staff member, waiting in the outbox or delivered already. */
  async function requestNoticesFor(manager: TeamsUser): Promise<string[]> {
    const store = harness.bot!.store;
    const records = await Promise.all(allShards().flatMap((pk) => [store.outbox.findInPartition(pk, { recipient: keyOf(manager) }), store.deliveries.findInPartition(pk, { recipient: keyOf(manager) })]));
    return records.flat().map((r) => r.value.key).filter((key) => key.startsWith('team-link-request:'));
  }
  /** The cards the sender delivers now to `person`, as text. */
  async function deliveredTo(person: TeamsUser): Promise<string[]> {
    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    return harness.connector.sent.filter((s) => s.conversationId === `a:personal-${person.aadObjectId}`).flatMap((s) => cardsIn([s]).map(cardText));
  }

  it('when a staff member names a colleague who uses Cefnogi, then the colleague is told once and accepts from my team', async () => {
    const manager = await member('Eirian Price');
    const staff = await member('Nia Roberts');
    const saved = await save(staff, manager);
    figures('round trips of a save that asks a manager', { roundTrips: harness.bot!.stats.lastTurnRoundTrips });
    expect(cardText(saved)).toContain('Your profile is saved.');
    expect(cardText(saved)).not.toContain('has not opened Cefnogi');

    const notices = await deliveredTo(manager);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Nia Roberts names you as their line manager');
    const team = await act(manager, 'team.show');
    expect(cardText(team)).toContain('Nia Roberts');
    expect(cardText(await act(manager, 'team.accept', { reportId: staff.aadObjectId }))).toContain('Accepted');
  });

  it('when someone saves their profile 100 times switching the line manager between a colleague and nobody, then the colleague gets one request notice that day and the sixth change on is refused', async () => {
    const manager = await member('Eirian Price');
    const staff = await member('Tomos Hughes');
    let refused = 0;
    for (let i = 0; i < 100; i += 1) {
      if (cardText(await save(staff, i % 2 === 0 ? manager : undefined)).includes('changed your line manager 5 times today')) refused += 1;
    }

    // Five changes go through (ending on the colleague); each later save to nobody would be a change.
    expect(refused).toBe(48);
    expect(await requestNoticesFor(manager)).toHaveLength(1);
    expect(await deliveredTo(manager)).toHaveLength(1);
  });

  it('when a request was already sent today, then naming the colleague again after someone else or nobody sends nothing more that day, but the next day it does', async () => {
    const manager = await member('Eirian Price');
    const other = await member('Rhys Bryn');
    const staff = await member('Ifan Evans');
    await save(staff, manager);
    await save(staff, other);
    await save(staff, undefined);
    await save(staff, manager);
    expect(await requestNoticesFor(manager)).toHaveLength(1);
    expect(await requestNoticesFor(other)).toHaveLength(1);
    expect(cardText(await act(manager, 'team.show'))).toContain('Ifan Evans');

    at(24);
    await save(staff, undefined);
    await save(staff, manager);
    expect(await requestNoticesFor(manager)).toHaveLength(2);
  });

  it('when the sixth save of a day changes the line manager, then it is refused at that field, everything typed is kept and nothing is written; other saves still work, and the next day the change goes through', async () => {
    const manager = await member('Eirian Price');
    const staff = await member('Gwen Morgan');
    for (let i = 0; i < 5; i += 1) await save(staff, i % 2 === 0 ? manager : undefined);
    const before = await harness.bot!.store.users.read(keyOf(staff), keyOf(staff));
    expect(before?.value.profile?.lineManagerAadObjectId).toBe(manager.aadObjectId);
    const linkBefore = await harness.bot!.store.teamLinks.read(keyOf(staff), keyOf(manager));

    const refused = await save(staff, undefined, { ewcNumber: '123456', welshLevelId: 'fluent' });
    expect(harness.bot!.stats.lastTurnRoundTrips).toBe(1); // the turn's read of the person: nothing written
    expect(cardProblems(refused)).toEqual([]);
    const body = refused.body as Record<string, unknown>[];
    const field = body.findIndex((e) => e.id === 'lineManager');
    // The problem sits under the field, on the attention style's background.
    expect(body[field + 1]).toMatchObject({ type: 'Container', style: 'attention' });
    expect(JSON.stringify(body[field + 1])).toContain('changed your line manager 5 times today');
    expect(cardText(refused)).toContain('Please check the fields marked below.');
    const values = Object.fromEntries(body.filter((e) => e.id).map((e) => [e.id, e.value]));
    expect(values).toMatchObject({ roleId: profile.roleId, lineManager: '', welshLevelId: 'fluent', ewcNumber: '123456' });
    const after = await harness.bot!.store.users.read(keyOf(staff), keyOf(staff));
    expect(after?.etag).toBe(before?.etag);
    expect((await harness.bot!.store.teamLinks.read(keyOf(staff), keyOf(manager)))?.etag).toBe(linkBefore?.etag);

    expect(cardText(await save(staff, manager, { ewcNumber: '654321' }))).toContain('Your profile is saved.');
    at(24);
    expect(cardText(await save(staff, undefined))).toContain('Your profile is saved.');
    expect((await harness.bot!.store.users.read(keyOf(staff), keyOf(staff)))?.value.profile?.lineManagerAadObjectId).toBeUndefined();
  });

  it('when a manager declines and the staff member asks again, then the manager gets no new notice for a day, however they ask', async () => {
    const manager = await member('Eirian Price');
    const staff = await member('Dafydd Jones');
    await save(staff, manager);
    expect(await requestNoticesFor(manager)).toHaveLength(1);

    at(24); // Wednesday: a new day, so only the decline can hold the next notice back
    expect(cardText(await act(manager, 'team.decline', { reportId: staff.aadObjectId }))).toContain('Declined');
    at(24.5);
    await save(staff, manager); // the same profile saved again
    await save(staff, undefined);
    await save(staff, manager);
    expect(await requestNoticesFor(manager)).toHaveLength(1);
    expect(await deliveredTo(manager)).toHaveLength(1); // the first day's only

    at(48.5); // a day after the decline
    await save(staff, undefined);
    await save(staff, manager);
    expect(await requestNoticesFor(manager)).toHaveLength(2);
  });

  it('when the named manager has never used Cefnogi, then nothing is queued for them, the staff member is told in Welsh, and the request waits in their my team', async () => {
    const stranger = teamsUser({ name: 'Heb Gyrraedd' });
    const staff = await member('Elin Williams', 'cy-GB');
    const saved = await save(staff, stranger);
    expect(cardProblems(saved)).toEqual([]);
    expect(cardText(saved)).toContain("Mae eich proffil wedi'i gadw.");
    expect(cardText(saved)).toContain('Nid yw eich rheolwr llinell wedi agor Cefnogi eto');
    expect(await requestNoticesFor(stranger)).toEqual([]);
    expect(await deliveredTo(stranger)).toEqual([]);

    await harness.post(message(stranger, harness.serviceUrl, 'help'));
    expect(cardText(await act(stranger, 'team.show'))).toContain('Elin Williams');
    expect(cardText(await act(stranger, 'team.accept', { reportId: staff.aadObjectId }))).toContain('Accepted');
  });
});

/** Prints measured figures when asked (CEFNOGI_FIGURES=1), for the README and reports. */
function figures(what: string, values: Record<string, number>): void {
  if (process.env.CEFNOGI_FIGURES) process.stdout.write(`[figures] ${what}: ${JSON.stringify(values)}\n`);
}
