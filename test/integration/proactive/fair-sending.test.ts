import { createHttpConnectorTransport } from '../../../bot/edge/http-connector-transport';
import { TEAMS_CONVERSATION_WINDOWS } from '../../../bot/proactive/rate-window';
import type { ThrottlingConnector } from '../../support/throttling-connector';
import { addPerson, content, engineOn, LOCAL, proactiveTestBed, type ProactiveTestStore } from './proactive-fixture';

let connector: ThrottlingConnector;
let serviceUrl: string;
let store: ProactiveTestStore;
proactiveTestBed('fair', (b) => ({ store, connector, serviceUrl } = b), { conversationWindows: TEAMS_CONVERSATION_WINDOWS, perSecond: 50 });

const BACKLOG = 300;
/** When, after the backlog starts going, each other person's notice is enqueued: in the first burst, while the backlog's 30 s window is full, and later on. */
const OTHERS_AT_MS = [3000, 22_000, 70_000];

/** The shortest span of `n + 1` consecutive arrivals. */
function minSpan(times: number[], n: number): number {
  let min = Infinity;
  for (let i = 0; i + n < times.length; i += 1) min = Math.min(min, (times[i + n] as number) - (times[i] as number));
  return min;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the arrival time (connector's clock) of the first accepted request to `conversationId`. */
async function arrival(conversationId: string, timeoutMs: number): Promise<number> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const found = connector.delivered.find((r) => r.conversationId === conversationId);
    if (found) return found.at;
    if (performance.now() > end) throw new Error(`nothing reached ${conversationId} in ${timeoutMs} ms`);
    await sleep(20);
  }
}

describe('fairness between people', () => {
  it(`when ${BACKLOG} notices wait for one person, then another person's notice still arrives within 5 s, and the ${BACKLOG} all arrive within Teams' limits`, async () => {
    const busy = await addPerson(store, 1, { serviceUrl });
    const others = await Promise.all(OTHERS_AT_MS.map((_, i) => addPerson(store, 100 + i, { serviceUrl })));
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), intervalMs: 1000 });
    for (let i = 0; i < BACKLOG; i += 1) await engine.outbox.enqueue({ key: `digest:${i}`, recipient: busy.id, content: content(i), quietHours: false });

    const started = performance.now();
    engine.start();
    const latencies: number[] = [];
    try {
      for (const [i, atMs] of OTHERS_AT_MS.entries()) {
        await sleep(Math.max(0, started + atMs - performance.now()));
        const person = others[i]!;
        await engine.outbox.enqueue({ key: `review-7d:${i}`, recipient: person.id, content: content(1000 + i), quietHours: false });
        const enqueued = performance.now();
        latencies.push((await arrival(person.conversation!.conversationId, 30_000)) - enqueued);
      }
      await connector.waitForDelivered(BACKLOG + OTHERS_AT_MS.length, 240_000);
    } finally {
      await engine.stop();
    }

    const backlog = connector.delivered.filter((r) => r.conversationId === busy.conversation!.conversationId).map((r) => r.at);
    figures(`${BACKLOG} queued for one person, another person's notice`, {
      otherNoticeSeconds: latencies.map((ms) => round(ms / 1000)),
      backlogSeconds: round(((backlog[backlog.length - 1] as number) - started) / 1000),
    });
    // Every other person's notice went within 5 s of being enqueued…
    for (const ms of latencies) expect(ms).toBeLessThan(5000);
    // …and the backlog all arrived, each once, inside Teams' per-conversation limits, with no 429.
    expect(new Set(connector.delivered.map((r) => r.activity.text)).size).toBe(BACKLOG + OTHERS_AT_MS.length);
    expect(backlog).toHaveLength(BACKLOG);
    expect(connector.violations).toBe(0);
    expect(connector.requests.every((r) => r.status === 200)).toBe(true);
    expect(minSpan(backlog, 7)).toBeGreaterThanOrEqual(1000);
    expect(minSpan(backlog, 8)).toBeGreaterThanOrEqual(2000);
    expect(minSpan(backlog, 60)).toBeGreaterThanOrEqual(30_000);
    for (let i = 0; i < BACKLOG; i += 1) expect(await engine.outbox.get(`digest:${i}`)).toMatchObject({ status: 'sent', attempts: 1 });
  }, 300_000);
});

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Prints measured figures when asked (CEFNOGI_FIGURES=1), for the README and reports. */
function figures(what: string, values: Record<string, unknown>): void {
  if (process.env.CEFNOGI_FIGURES) process.stdout.write(`[figures] ${what}: ${JSON.stringify(values)}\n`);
}
