import { createHttpConnectorTransport } from '../../../bot/edge/http-connector-transport';
import { TEAMS_CONVERSATION_WINDOWS } from '../../../bot/proactive/rate-window';
import { meterRoundTrips } from '../../../bot/storage/round-trip-meter';
import { ThrottlingConnector } from '../../support/throttling-connector';
import { addPerson, content, engineOn, LOCAL, proactiveTestBed, type ProactiveTestStore, userKey } from './proactive-fixture';


let connector: ThrottlingConnector;
let serviceUrl: string;
let store: ProactiveTestStore;
proactiveTestBed('delivery', (b) => ({ store, connector, serviceUrl } = b), { conversationWindows: TEAMS_CONVERSATION_WINDOWS, perSecond: 50 });

/** Polls until `check` holds (the engine's loop runs on real timers here). */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The shortest span of `n + 1` consecutive arrivals. */
function minSpan(times: number[], n: number): number {
  let min = Infinity;
  for (let i = 0; i + n < times.length; i += 1) min = Math.min(min, (times[i + n] as number) - (times[i] as number));
  return min;
}

describe('delivering proactive messages through the connector', () => {
  it('when the connector answers 429 with Retry-After: 1, then the retry comes at least 1 s later and the message arrives once', async () => {
    const person = await addPerson(store, 1, { serviceUrl, language: 'cy' });
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), intervalMs: 50 });
    connector.refuseNext(1, { status: 429, retryAfter: '1' });
    await engine.outbox.enqueue({ key: 'review-7d:1', recipient: person.id, content: content(1), quietHours: false });
    engine.start();
    try {
      await connector.waitForDelivered(1);
    } finally {
      await engine.stop();
    }
    const [refused, accepted] = connector.requests;
    expect(connector.requests.map((r) => r.status)).toEqual([429, 200]);
    expect((accepted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(accepted?.activity).toMatchObject({
      type: 'message',
      text: 'Nodyn atgoffa 1',
      locale: 'cy-GB',
      from: { id: '28:cefnogi', name: 'Cefnogi' },
      conversation: { id: 'a:personal-1', tenantId: 'aaaaaaaa-0000-4000-8000-000000000001', conversationType: 'personal' },
    });
    expect(accepted?.authorization).toBeUndefined();
    expect(await engine.outbox.get('review-7d:1')).toMatchObject({ status: 'sent', activityId: 'activity-1', attempts: 2, language: 'cy' });
  });

  it('when the connector keeps answering 503, then the sender gives up after its bounded tries and records why', async () => {
    const person = await addPerson(store, 1, { serviceUrl });
    const engine = engineOn(store, {
      transport: createHttpConnectorTransport(LOCAL),
      intervalMs: 20,
      sender: { retry: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 100 } },
    });
    connector.refuseNext(10, { status: 503 });
    await engine.outbox.enqueue({ key: 'k', recipient: person.id, content: content(1), quietHours: false });
    engine.start();
    try {
      await until(async () => (await engine.outbox.get('k'))?.status === 'failed');
    } finally {
      await engine.stop();
    }
    expect(connector.requests.map((r) => r.status)).toEqual([503, 503, 503, 503]);
    expect(await engine.outbox.get('k')).toMatchObject({ status: 'failed', attempts: 4, reason: expect.stringMatching(/^gave up after 4 attempts; last answer HTTP 503/) });
    expect((await store.users.read(person.id, person.id))?.value.reachability).toMatchObject({ status: 'failing' });
  });

  it('when Teams answers 403, then the person is marked blocked on their user record for their manager to see', async () => {
    const person = await addPerson(store, 1, { serviceUrl });
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    connector.refuseNext(1, { status: 403 });
    await engine.outbox.enqueue({ key: 'k', recipient: person.id, content: content(1), quietHours: false });
    expect(await engine.sender.drain()).toMatchObject({ unreachable: 1 });
    expect(await engine.outbox.get('k')).toMatchObject({ status: 'unreachable', unreachable: 'blocked' });
    expect((await store.users.read(person.id, person.id))?.value.reachability).toMatchObject({ status: 'blocked' });
  });

  it('when a person was never reached, then their message is unreachable with the reason, and nothing goes to the connector', async () => {
    const person = await addPerson(store, 1);
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    await engine.outbox.enqueue({ key: 'k', recipient: userKey({ tenantId: person.tenantId, aadObjectId: person.aadObjectId }), content: content(1), quietHours: false });
    expect(await engine.sender.drain()).toMatchObject({ unreachable: 1 });
    expect(connector.requests).toHaveLength(0);
    expect((await store.users.read(person.id, person.id))?.value.reachability).toMatchObject({ status: 'no-conversation' });
  });

  it('when 20 messages go to one person, then they arrive no faster than 7 a second and 8 in 2 seconds, each once', async () => {
    const person = await addPerson(store, 1, { serviceUrl });
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    for (let i = 0; i < 20; i += 1) await engine.outbox.enqueue({ key: `k${i}`, recipient: person.id, content: content(i), quietHours: false });
    const report = await engine.sender.drain();
    expect(report).toMatchObject({ read: 20, sent: 20 });
    const times = connector.requests.map((r) => r.at);
    expect(connector.violations).toBe(0);
    expect(connector.requests.every((r) => r.status === 200)).toBe(true);
    expect(minSpan(times, 7)).toBeGreaterThanOrEqual(1000);
    expect(minSpan(times, 8)).toBeGreaterThanOrEqual(2000);
    expect(new Set(connector.requests.map((r) => r.activity.text)).size).toBe(20);
    figures('20 messages to one conversation', { seconds: round(((times[19] as number) - (times[0] as number)) / 1000) });
  });

  it('when 120 people get a message at a tenant rate of 40/s, then no more than 40 arrive in any second, as a steady stream close to 40/s', async () => {
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), sender: { pageSize: 50 } });
    for (let i = 0; i < 120; i += 1) {
      const person = await addPerson(store, i, { serviceUrl });
      await engine.outbox.enqueue({ key: `broadcast-1:${i}`, recipient: person.id, content: content(i), quietHours: false });
    }
    const { requests } = await meterRoundTrips(async () => {
      let sent = 0;
      while (sent < 120) sent += (await engine.sender.drain()).sent;
    });
    const times = connector.requests.map((r) => r.at);
    expect(connector.requests).toHaveLength(120);
    expect(connector.violations).toBe(0);
    expect(minSpan(times, 40)).toBeGreaterThanOrEqual(1000);
    const seconds = ((times[119] as number) - (times[0] as number)) / 1000;
    // No burst either: the pacer allows a fifth of the budget (8) per 210 ms; arrival jitter on a busy loop is a few ms.
    expect(minSpan(times, 8)).toBeGreaterThanOrEqual(150);
    const perSecond = 120 / seconds;
    expect(perSecond).toBeGreaterThan(30);
    const maxInAnySecond = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    figures('120 people at TEAMS_TENANT_RATE_PER_SECOND=40', { perSecond: round(perSecond), seconds: round(seconds), maxInAnySecond, storeRequestsPerMessage: round(requests / 120) });
  });
});

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Prints measured figures when asked (CEFNOGI_FIGURES=1), for the README and reports. */
function figures(what: string, values: Record<string, number>): void {
  if (process.env.CEFNOGI_FIGURES) process.stdout.write(`[figures] ${what}: ${JSON.stringify(values)}\n`);
}
