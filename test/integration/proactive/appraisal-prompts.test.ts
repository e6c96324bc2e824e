import type { JSONObject, OperationInput } from '@azure/cosmos';
import { APPRAISAL_PROMPTS_JOB, appraisalJobKey, createAppraisalPrompts } from '../../../bot/appraisal/appraisal-prompts';
import { newAppraisal, type AppraisalState } from '../../../bot/appraisal/appraisal-state';
import { createHttpConnectorTransport } from '../../../bot/edge/http-connector-transport';
import type { ConnectorTransport } from '../../../bot/proactive/connector-transport';
import type { ProactiveEngine } from '../../../bot/proactive/proactive-engine';
import { newJobRecord } from '../../../bot/proactive/scheduler-job-record';
import { meterRoundTrips } from '../../../bot/storage/round-trip-meter';
import { newSchoolDocument, schoolKey } from '../../../bot/school/school-settings';
import { teamLinkFor } from '../../../bot/users/team-link';
import { newUserRecord, userKey, type UserIdentity, type UserRecord } from '../../../bot/users/user-record';
import { testClock } from '../../unit/proactive/proactive-test-kit';
import { ThrottlingConnector } from '../../support/throttling-connector';
import { conversationRef, engineOn, LOCAL, proactiveTestBed, type ProactiveTestStore } from './proactive-fixture';

/*
 * Appraisal prompts on the proactive engine, against the embedded Cosmos server and a
 * connector on loopback: Retry-After, a crash between claiming and sending, two instances,
 * and the cost of a tick with 10,000 people waiting.
 */

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
/** Wednesday 3 March 2027, 10:00 in Wales: a week before a mid-year review on the 10th. */
const WEEK_BEFORE = '2027-03-03T10:00:00Z';

let connector: ThrottlingConnector;
let serviceUrl: string;
let store: ProactiveTestStore;
const bed = proactiveTestBed('appraisal', (b) => ({ store, connector, serviceUrl } = b));

const identityOf = (n: number): UserIdentity => ({ tenantId: TENANT, aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` });

const SCHOOL = 'Ysgol y Castell';
const SINCE = new Date('2026-09-01T00:00:00Z');

/** The register id of a test school, from its name. */
const schoolIdOf = (name: string) => `s-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/** A registered school's document, with its holidays. */
async function school(name: string, holidays: { from: string; to: string }[] = []): Promise<void> {
  const entry = { id: schoolIdOf(name), name, laId: 'ceredigion', sector: 'primary' as const, languageCategory: 'welsh-medium' as const, open: true };
  await store.schools.create({ ...newSchoolDocument(TENANT, entry, 'admin', SINCE), holidays });
}

/** A person confirmed by their school, as their own document mirrors it. */
const confirmedAt = (name: string) => [{ schoolId: schoolIdOf(name), status: 'confirmed' as const, since: SINCE.toISOString() }];

/** Person `n`, reachable, at `schoolName`, with a mid-year review on Wednesday 10 March 2027. */
async function appraisee(n: number, schoolName = SCHOOL, manager?: number): Promise<{ user: UserRecord; state: AppraisalState }> {
  const user = newUserRecord(identityOf(n), SINCE);
  user.language = 'cy';
  user.conversation = conversationRef(serviceUrl, `a:personal-${n}`);
  user.schools = confirmedAt(schoolName);
  user.profile = { roleId: 'teaching-assistant-2', welshLevelId: 'entry', updatedAt: SINCE.toISOString(), ...(manager !== undefined ? { lineManagerAadObjectId: identityOf(manager).aadObjectId } : {}) };
  const state = newAppraisal('2026-09', new Date('2026-09-01T00:00:00Z'));
  state.meetings['mid-year'] = { date: '2027-03-10', confirmed: {}, snoozedUntil: {} };
  user.appraisal = state;
  await store.users.create(user);
  return { user, state };
}

/** An engine on `on` with the appraisal prompts' handler registered, as the bot builds it. */
function appraisalEngine(on: ProactiveTestStore, transport: ConnectorTransport, options: { now?: () => Date; owner?: string; intervalMs?: number } = {}) {
  const engine: ProactiveEngine = engineOn(on, { transport, ...options });
  const prompts = createAppraisalPrompts({ store: on, scheduler: engine.scheduler, outbox: engine.outbox });
  return { engine, prompts };
}

const promptKey = (user: UserRecord) => `appraisal:${user.id}:2026-09:mid-year:2027-03-10:before-7:${user.id}`;

/** Person `n` as a line manager who has accepted `reports`: reachable, English, at `schoolName`. */
async function lineManager(n: number, reports: number[], schoolName = SCHOOL): Promise<UserRecord> {
  const user = newUserRecord(identityOf(n), SINCE);
  user.language = 'en';
  user.name = `Manager ${n}`;
  user.conversation = conversationRef(serviceUrl, `a:personal-${n}`);
  user.schools = confirmedAt(schoolName);
  user.profile = { roleId: 'teaching-assistant-3', welshLevelId: 'entry', updatedAt: SINCE.toISOString() };
  await store.users.create(user);
  for (const r of reports) await store.teamLinks.create({ ...teamLinkFor(identityOf(r), user.aadObjectId, SINCE), status: 'accepted', acceptedAt: SINCE.toISOString() });
  return user;
}

/** Changes person `n`'s stored document. */
async function edit(n: number, change: (user: UserRecord) => void): Promise<void> {
  const key = userKey(identityOf(n));
  const stored = (await store.users.read(key, key))!;
  change(stored.value);
  await store.users.replace(stored.value, stored.etag);
}

/** The clock of the engines `clockedEngine` makes; `tickAndDrain` sets it. */
let clockAt = new Date(WEEK_BEFORE);
const clockedEngine = () => appraisalEngine(store, createHttpConnectorTransport(LOCAL), { now: () => clockAt });

/** Sets the clock to `at`, ticks and drains; the conversations sent to, with each card's title. */
async function tickAndDrain(engine: ProactiveEngine, at: Date): Promise<string[]> {
  clockAt = at;
  const before = connector.delivered.length;
  await engine.scheduler.tick(at);
  await engine.sender.drain(at);
  return connector.delivered.slice(before).map((r) => `${r.conversationId} ${JSON.stringify(r.activity).match(/"text":"((?:Ar y gorwel|Yn hwyr|Nodyn atgoffa|Coming up|Overdue|Reminder)[^"]*)"/)?.[1] ?? '?'}`);
}
const titleOf = (activity: Record<string, unknown>) => JSON.stringify(activity).match(/"text":"(Ar y gorwel[^"]*)"/)?.[1];

describe('appraisal prompts through the proactive engine', () => {
  it('when the connector answers an appraisal prompt with 429 and Retry-After: 1, then the prompt is sent again at least a second later, once, in Welsh', async () => {
    // A clock that runs, from a school-day morning, so the Retry-After wait passes on it too.
    const start = Date.now();
    const now = () => new Date(Date.parse(WEEK_BEFORE) + (Date.now() - start));
    const { user, state } = await appraisee(1);
    const { engine, prompts } = appraisalEngine(store, createHttpConnectorTransport(LOCAL), { now, intervalMs: 50 });
    await prompts.follow(identityOf(1), state, [], now());
    connector.refuseNext(1, { status: 429, retryAfter: '1' });
    engine.start();
    try {
      await connector.waitForDelivered(1);
    } finally {
      await engine.stop();
    }
    const [refused, accepted] = connector.requests;
    expect(connector.requests.map((r) => r.status)).toEqual([429, 200]);
    expect((accepted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(titleOf(accepted!.activity)).toMatch(/^Ar y gorwel: Adolygiad canol blwyddyn ar 10 Mawrth 2027/);
    expect(await engine.outbox.get(promptKey(user))).toMatchObject({ status: 'sent', attempts: 2, language: 'cy' });
  });

  it('when the bot dies between claiming an appraisal prompt and sending it, then after a restart it is sent exactly once', async () => {
    const clock = testClock(WEEK_BEFORE);
    const { user, state } = await appraisee(1);
    const never: ConnectorTransport = { send: () => new Promise(() => undefined), update: () => new Promise(() => undefined) };
    const dying = appraisalEngine(store, never, { now: clock.now, owner: 'dying' });
    await dying.prompts.follow(identityOf(1), state, [], clock.now());
    expect(await dying.engine.scheduler.tick()).toMatchObject({ read: 1, rescheduled: 1 });
    void dying.engine.sender.drain();
    const claimed = async () => (await dying.engine.outbox.get(promptKey(user)))?.status === 'sending';
    for (let i = 0; i < 200 && !(await claimed()); i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(await claimed()).toBe(true);

    const restarted = appraisalEngine(await bed.reconnect(), createHttpConnectorTransport(LOCAL), { now: clock.now, owner: 'restarted' });
    // The restarted instance's tick finds the job already moved on: no second prompt is made.
    expect(await restarted.engine.scheduler.tick()).toMatchObject({ read: 0 });
    expect(await restarted.engine.sender.drain()).toMatchObject({ read: 0 });
    clock.advance(120_001);
    expect(await restarted.engine.sender.drain()).toMatchObject({ read: 1, sent: 1 });
    clock.advance(24 * 3_600_000);
    expect(await restarted.engine.sender.drain()).toMatchObject({ read: 0 });
    expect(connector.delivered).toHaveLength(1);
    expect(await restarted.engine.outbox.get(promptKey(user))).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('when two instances tick and drain one store at the same moment, then each person gets their prompt exactly once', async () => {
    const clock = testClock(WEEK_BEFORE);
    const a = appraisalEngine(store, createHttpConnectorTransport(LOCAL), { now: clock.now, owner: 'a' });
    const b = appraisalEngine(await bed.reconnect(), createHttpConnectorTransport(LOCAL), { now: clock.now, owner: 'b' });
    for (let n = 1; n <= 20; n += 1) {
      const { state } = await appraisee(n);
      await a.prompts.follow(identityOf(n), state, [], clock.now());
    }
    const ticks = await Promise.all([a.engine.scheduler.tick(), b.engine.scheduler.tick()]);
    expect(ticks[0]!.rescheduled + ticks[1]!.rescheduled).toBe(20);
    for (let round = 0; round < 2; round += 1) await Promise.all([a.engine.sender.drain(), b.engine.sender.drain()]);
    const conversations = connector.delivered.map((r) => r.conversationId);
    expect(conversations).toHaveLength(20);
    expect(new Set(conversations).size).toBe(20);
    expect(connector.delivered.every((r) => titleOf(r.activity) !== undefined)).toBe(true);
  });

  it('when a person snoozes the same meeting twice, then a reminder comes at the end of each snooze', async () => {
    const { engine, prompts } = clockedEngine();
    const { state } = await appraisee(1);
    await edit(1, (u) => (u.appraisal!.meetings['mid-year'].snoozedUntil = { staff: '2027-03-04' }));
    await prompts.follow(identityOf(1), { ...state, meetings: { ...state.meetings, 'mid-year': { ...state.meetings['mid-year'], snoozedUntil: { staff: '2027-03-04' } } } }, [], new Date('2027-03-04T10:00:00Z'));
    expect(await tickAndDrain(engine, new Date('2027-03-04T10:00:00Z'))).toEqual(['a:personal-1 Nodyn atgoffa: Adolygiad canol blwyddyn ar 10 Mawrth 2027']);
    // Snoozed again from that reminder, to Monday.
    await edit(1, (u) => (u.appraisal!.meetings['mid-year'].snoozedUntil = { staff: '2027-03-08' }));
    const key = userKey(identityOf(1));
    await prompts.follow(identityOf(1), (await store.users.read(key, key))!.value.appraisal!, [], new Date('2027-03-08T10:00:00Z'));
    expect(await tickAndDrain(engine, new Date('2027-03-08T10:00:00Z'))).toEqual(['a:personal-1 Nodyn atgoffa: Adolygiad canol blwyddyn ar 10 Mawrth 2027']);
  });

  it('when an import gives a person a new line manager after the day’s prompt went to the old one, then the new manager gets it too, and the person once', async () => {
    const { engine, prompts } = clockedEngine();
    const { state } = await appraisee(1, SCHOOL, 2);
    await lineManager(2, [1]);
    await lineManager(3, [1]);
    const now = new Date(WEEK_BEFORE);
    await prompts.follow(identityOf(1), state, [], now);
    expect((await tickAndDrain(engine, now)).sort()).toEqual([
      'a:personal-1 Ar y gorwel: Adolygiad canol blwyddyn ar 10 Mawrth 2027',
      'a:personal-2 Coming up: Mid-year review on Wednesday, 10 March 2027',
    ]);
    await edit(1, (u) => (u.profile!.lineManagerAadObjectId = identityOf(3).aadObjectId));
    await prompts.follow(identityOf(1), state, [], now);
    expect(await tickAndDrain(engine, now)).toEqual(['a:personal-3 Coming up: Mid-year review on Wednesday, 10 March 2027']);
  });

  it('when the line manager’s school is on holiday on a prompt day and the staff member’s is not, then the staff member is prompted that day and the manager on their first day back', async () => {
    const { engine, prompts } = clockedEngine();
    await school(SCHOOL);
    await school('Ysgol y Bryn', [{ from: '2027-03-01', to: '2027-03-05' }]);
    const { state } = await appraisee(1, SCHOOL, 2);
    await lineManager(2, [1], 'Ysgol y Bryn');
    const now = new Date(WEEK_BEFORE);
    await prompts.follow(identityOf(1), state, [], now);
    expect(await tickAndDrain(engine, now)).toEqual(['a:personal-1 Ar y gorwel: Adolygiad canol blwyddyn ar 10 Mawrth 2027']);
    expect(await tickAndDrain(engine, new Date('2027-03-05T15:00:00Z'))).toEqual([]);
    expect(await tickAndDrain(engine, new Date('2027-03-08T08:00:00Z'))).toEqual(['a:personal-2 Coming up: Mid-year review on Wednesday, 10 March 2027']);
  });

  it('when 10,000 people have appraisal jobs and 50 are due, then a tick reads 50 documents and its round trips follow the 50', async () => {
    const now = new Date(WEEK_BEFORE);
    // The people are at a school with settings, so each run reads its calendar too.
    await school(SCHOOL, [{ from: '2027-04-05', to: '2027-04-16' }]);
    for (let n = 0; n < 50; n += 1) await appraisee(n);
    // 50 due this morning; 9,950 more people's jobs spread over the coming months.
    const jobs = Array.from({ length: 10_000 }, (_, n) =>
      newJobRecord(
        { key: appraisalJobKey(identityOf(n), '2026-09'), kind: APPRAISAL_PROMPTS_JOB, runAt: n < 50 ? new Date('2027-03-03T09:00:00Z') : new Date(now.getTime() + n * 1_500_000), payload: { ...identityOf(n), cycleId: '2026-09' } },
        now,
      ),
    );
    for (let i = 0; i < jobs.length; i += 100) {
      const operations = jobs.slice(i, i + 100).map((doc): OperationInput => ({ operationType: 'Create', resourceBody: JSON.parse(JSON.stringify(doc)) as JSONObject }));
      await store.jobsContainer.items.bulk(operations);
    }
    const { engine } = appraisalEngine(store, createHttpConnectorTransport(LOCAL), { now: () => now });
    const first = await meterRoundTrips(() => engine.scheduler.tick(now));
    const idle = await meterRoundTrips(() => engine.scheduler.tick(now));
    expect(first.result).toMatchObject({ read: 50, rescheduled: 50 });
    // 8 shard queries (and their query plans); per due person: claim, their document, their school,
    // the prompt (a look among finished deliveries, so a key never goes twice, and its write), the reschedule.
    expect(first.requests).toBeLessThanOrEqual(16 + 6 * 50 + 8);
    expect(first.requests).toBeGreaterThanOrEqual(5 * 50);
    expect(idle.result.read).toBe(0);
    expect(await engine.sender.drain(now)).toMatchObject({ sent: 50 });
    if (process.env.CEFNOGI_FIGURES) process.stdout.write(`[figures] appraisal tick, 10,000 jobs, 50 due: ${JSON.stringify({ documentsRead: first.result.read, roundTrips: first.requests, idleTickRoundTrips: idle.requests })}\n`);
  }, 60_000);
});
