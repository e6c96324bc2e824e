import type { JSONObject, OperationInput } from '@azure/cosmos';
import { londonTime, londonInstant, addDays } from '../../../bot/time/london-clock';
import { newJobRecord } from '../../../bot/proactive/scheduler-job-record';
import { Scheduler } from '../../../bot/proactive/scheduler-service';
import { meterRoundTrips } from '../../../bot/storage/round-trip-meter';
import { recordingLog, testClock } from '../../unit/proactive/proactive-test-kit';
import { ProactiveFixture, type ProactiveTestStore } from './proactive-fixture';

const fixture = new ProactiveFixture();
beforeAll(() => fixture.start());
afterAll(() => fixture.stop());

/** Each test on its own database: the embedded server scans a whole container per query. */
let store: ProactiveTestStore;
let databases = 0;
beforeEach(async () => {
  store = await fixture.connect(`scheduler-${(databases += 1)}`);
});

describe('the scheduler on the Cosmos protocol', () => {
  it('when 10,000 jobs wait and 50 are due, then a tick reads about 50 documents and its round trips follow the 50', async () => {
    const now = new Date('2025-06-02T09:00:00Z');
    const jobs = Array.from({ length: 10_000 }, (_, i) => {
      // 50 due in the last hour; the rest spread over the next year.
      const runAt = i < 50 ? new Date(now.getTime() - (i + 1) * 60_000) : new Date(now.getTime() + (i + 1) * 3_000_000);
      return newJobRecord({ key: `review-reminder:${i}`, kind: 'review-reminder', runAt, payload: { person: i } }, now);
    });
    for (let i = 0; i < jobs.length; i += 100) {
      const operations = jobs.slice(i, i + 100).map((doc): OperationInput => ({ operationType: 'Create', resourceBody: JSON.parse(JSON.stringify(doc)) as JSONObject }));
      await store.jobsContainer.items.bulk(operations);
    }
    const scheduler = new Scheduler({ jobs: store.jobs, history: store.jobHistory, now: () => now, owner: 'a', log: recordingLog() });
    const ran: string[] = [];
    scheduler.register('review-reminder', async (job) => void ran.push(job.key));

    const first = await meterRoundTrips(() => scheduler.tick(now));
    const idle = await meterRoundTrips(() => scheduler.tick(now));

    expect(first.result).toMatchObject({ read: 50, done: 50 });
    expect(ran).toHaveLength(50);
    // 8 shard queries, then per due job one claim and its completion: written to the history, removed from the live jobs.
    expect(first.requests).toBeLessThanOrEqual(8 + 3 * 50 + 8);
    expect(idle.result.read).toBe(0);
    expect(idle.requests).toBeLessThanOrEqual(8 + 8);
    figures('tick with 10,000 jobs, 50 due', { documentsRead: first.result.read, roundTrips: first.requests, idleTickRoundTrips: idle.requests });
    // The embedded server scans a whole container per query (real Cosmos uses the index), so this one is slow here.
  }, 60_000);

  it('when a daily job reschedules itself for 09:00 each day, then over a simulated month across the October clock change it runs once on each day at 09:00 in Wales', async () => {
    const clock = testClock('2025-10-01T00:00:00Z');
    const scheduler = new Scheduler({ jobs: store.jobs, history: store.jobHistory, now: clock.now, owner: 'a', log: recordingLog() });
    const runs: string[] = [];
    scheduler.register('daily-digest', async (_job, { now }) => {
      const wall = londonTime(now);
      runs.push(`${wall.date} ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`);
      return { next: londonInstant(addDays(wall.date, 1), 9) };
    });
    await scheduler.schedule({ key: 'digest:plc-1', kind: 'daily-digest', runAt: londonInstant('2025-10-01', 9) });
    const started = performance.now();
    let reads = 0;
    let ticks = 0;
    // Each day: a minute before 09:00 in Wales (nothing yet), at 09:00 (it runs), and at 15:00 and 23:30 (not again).
    for (let date = '2025-10-01'; date <= '2025-10-31'; date = addDays(date, 1)) {
      for (const [hour, minute, expected] of [[8, 59, 0], [9, 0, 1], [15, 0, 0], [23, 30, 0]] as const) {
        const before = runs.length;
        clock.set(londonInstant(date, hour, minute).toISOString());
        reads += (await scheduler.tick()).read;
        ticks += 1;
        expect(runs.length - before).toBe(expected);
      }
    }
    const elapsedMs = performance.now() - started;
    expect(runs).toHaveLength(31);
    expect(runs[0]).toBe('2025-10-01 09:00');
    expect(runs[25]).toBe('2025-10-26 09:00');
    expect(runs[30]).toBe('2025-10-31 09:00');
    expect(runs.every((r) => r.endsWith(' 09:00'))).toBe(true);
    expect(new Set(runs.map((r) => r.slice(0, 10))).size).toBe(31);
    expect(reads).toBe(31);
    // Alone this takes under 2 s; the bound leaves room for a machine busy with other suites.
    expect(elapsedMs).toBeLessThan(8000);
    figures('a month of ticks on a test clock', { ticks, elapsedMs: Math.round(elapsedMs) });
  });

  it('when two instances tick at the same moment, then each due job runs exactly once', async () => {
    const now = new Date('2026-01-05T09:00:00Z');
    const a = new Scheduler({ jobs: store.jobs, history: store.jobHistory, now: () => now, owner: 'a', log: recordingLog() });
    const other = await fixture.connect(`scheduler-${databases}`);
    const b = new Scheduler({ jobs: other.jobs, history: other.jobHistory, now: () => now, owner: 'b', log: recordingLog() });
    const runs = new Map<string, number>();
    const handler = async (job: { key: string }) => {
      runs.set(job.key, (runs.get(job.key) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 1));
    };
    a.register('nudge', handler);
    b.register('nudge', handler);
    for (let i = 0; i < 100; i += 1) await a.schedule({ key: `nudge:${i}`, kind: 'nudge', runAt: new Date(now.getTime() - 1000) });
    const [ra, rb] = await Promise.all([a.tick(now), b.tick(now)]);
    expect(runs.size).toBe(100);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(ra.done + rb.done).toBe(100);
    expect(ra.skipped + rb.skipped).toBe(100);
  });
});

/** Prints measured figures when asked (CEFNOGI_FIGURES=1), for the README and reports. */
function figures(what: string, values: Record<string, number>): void {
  if (process.env.CEFNOGI_FIGURES) process.stdout.write(`[figures] ${what}: ${JSON.stringify(values)}\n`);
}
