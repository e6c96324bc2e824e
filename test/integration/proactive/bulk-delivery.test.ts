import { createHttpConnectorTransport } from '../../../bot/edge/http-connector-transport';
import { bulkDeliveryKey } from '../../../bot/proactive/bulk-message';
import { TEAMS_CONVERSATION_WINDOWS } from '../../../bot/proactive/rate-window';
import { meterRoundTrips } from '../../../bot/storage/round-trip-meter';
import { busiestSecond, type ThrottlingConnector } from '../../support/throttling-connector';
import { countDocuments } from '../../support/proactive-store-fixture';
import { addPerson, engineOn, LOCAL, proactiveTestBed, type ProactiveTestStore } from './proactive-fixture';

let connector: ThrottlingConnector;
let serviceUrl: string;
let store: ProactiveTestStore;
const bed = proactiveTestBed('bulk', (b) => ({ store, connector, serviceUrl } = b), { conversationWindows: TEAMS_CONVERSATION_WINDOWS, perSecond: 50 });

const news = { en: { text: 'The new behaviour policy is on the staff site' }, cy: { text: "Mae'r polisi ymddygiad newydd ar wefan y staff" } };

async function people(count: number, from = 1, options: { reachable?: boolean } = {}): Promise<string[]> {
  const keys: string[] = [];
  for (let i = from; i < from + count; i += 1) {
    const user = await addPerson(store, i, { ...(options.reachable === false ? {} : { serviceUrl }), language: i % 3 === 0 ? 'cy' : 'en' });
    keys.push(user.id);
  }
  return keys;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('bulk messages: stored once, sent by cursor, finished work leaves the live outbox', () => {
  it('when a message goes to 240 people (10 never installed), then each reachable person gets one copy in their language and nothing stays live', async () => {
    const reachable = await people(230);
    const never = await people(10, 1000, { reachable: false });
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), config: { TEAMS_TENANT_RATE_PER_SECOND: 50 } });
    await engine.bulkOutbox.enqueue({ key: 'policy:behaviour-2026', recipients: [...reachable, ...never, ...reachable.slice(0, 5)], content: news, quietHours: false });
    // While it waits, the live outbox holds its cursors only (never a document per person).
    expect(await countDocuments(store.outboxContainer)).toBeLessThanOrEqual(4);
    const sending = await meterRoundTrips(async () => {
      await engine.bulkSender.pump();
      await engine.bulkSender.idle();
    });
    const conversations = connector.delivered.map((r) => r.conversationId);
    expect(conversations).toHaveLength(230);
    expect(new Set(conversations).size).toBe(230);
    const welsh = connector.delivered.filter((r) => r.activity.locale === 'cy-GB');
    expect(welsh.every((r) => r.activity.text === news.cy.text)).toBe(true);
    expect(welsh.length).toBe(reachable.filter((_, i) => (i + 1) % 3 === 0).length);
    expect(await engine.bulkOutbox.get('policy:behaviour-2026')).toMatchObject({ recipients: 240, figures: { sent: 230, unreachable: 10, failed: 0, retrying: 0 } });
    expect(await countDocuments(store.outboxContainer)).toBe(0);
    expect(await countDocuments(store.deliveriesContainer)).toBe(240);
    expect(await engine.outbox.get(bulkDeliveryKey('policy:behaviour-2026', reachable[0] as string))).toMatchObject({ status: 'sent', language: 'en' });
    expect(await engine.outbox.get(bulkDeliveryKey('policy:behaviour-2026', never[0] as string))).toMatchObject({ status: 'unreachable', unreachable: 'no-conversation' });
    expect(connector.violations).toBe(0);
    // Per person: their document, the delivery record, and once the note that they are reachable; the budget and cursor add a fraction.
    const perMessage = sending.requests / 240;
    expect(perMessage).toBeLessThan(4);
    figures('bulk of 240', { storeRequests: sending.requests, perDelivery: Number(perMessage.toFixed(2)) });
    // The same key again is the same message: nothing more is sent.
    expect(await engine.bulkOutbox.enqueue({ key: 'policy:behaviour-2026', recipients: reachable, content: news, quietHours: false })).toBe('duplicate');
  });

  it('when Teams refuses some copies with 503, then only those wait in the outbox, without content, and the drain delivers them', async () => {
    const everyone = await people(40);
    const engine = engineOn(store, {
      transport: createHttpConnectorTransport(LOCAL),
      intervalMs: 50,
      sender: { retry: { maxAttempts: 4, baseDelayMs: 300, maxDelayMs: 300 } },
    });
    connector.refuseNext(3, { status: 503 });
    await engine.bulkOutbox.enqueue({ key: 'digest:w48', recipients: everyone, content: news, quietHours: false });
    await engine.bulkSender.pump();
    await engine.bulkSender.idle();
    const waiting = await store.outbox.scanAllPartitions({ kind: 'outbox-message' });
    expect(waiting).toHaveLength(3);
    expect(waiting.map((w) => ({ content: w.value.content, lane: w.value.lane, status: w.value.status }))).toEqual(Array(3).fill({ content: undefined, lane: 'bulk', status: 'pending' }));
    engine.start();
    await until(() => connector.delivered.length === 40, 20_000);
    await until(async () => (await countDocuments(store.outboxContainer)) === 0, 10_000);
    await engine.stop();
    expect(new Set(connector.delivered.map((r) => r.conversationId)).size).toBe(40);
    // The retried copies were rendered from the one stored content, in each person's language.
    expect(connector.delivered.every((r) => r.activity.text === (r.activity.locale === 'cy-GB' ? news.cy.text : news.en.text))).toBe(true);
  });

  it('when the instance sending a bulk message stops half way, then another finishes it and nobody gets two copies', async () => {
    const everyone = await people(150);
    const first = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), owner: 'first', intervalMs: 50, bulk: { checkpointEvery: 20 } });
    await first.bulkOutbox.enqueue({ key: 'policy:uniform', recipients: everyone, content: news, quietHours: false });
    first.start();
    await until(() => connector.delivered.length >= 40, 20_000);
    await first.stop();
    const before = connector.delivered.length;
    expect(before).toBeLessThan(150);
    const second = engineOn(await bed.reconnect(), { transport: createHttpConnectorTransport(LOCAL), owner: 'second', intervalMs: 50 });
    second.start();
    await until(async () => (await second.bulkOutbox.get('policy:uniform'))?.finishedParts === 1, 30_000);
    await second.stop();
    const conversations = connector.delivered.map((r) => r.conversationId);
    expect(conversations).toHaveLength(150);
    expect(new Set(conversations).size).toBe(150);
  });

  it('when two instances share one message and one tenant budget, then together they never exceed the rate in any second', async () => {
    const everyone = await people(400);
    const options = { transport: createHttpConnectorTransport(LOCAL), config: { TEAMS_TENANT_RATE_PER_SECOND: 40 }, intervalMs: 50 };
    const a = engineOn(store, { ...options, owner: 'a' });
    const b = engineOn(await bed.reconnect(), { ...options, owner: 'b' });
    await a.bulkOutbox.enqueue({ key: 'policy:trips', recipients: everyone, content: news, quietHours: false });
    a.start();
    b.start();
    await until(async () => (await a.bulkOutbox.get('policy:trips'))?.finishedParts === 1, 60_000);
    await Promise.all([a.stop(), b.stop()]);
    expect(new Set(connector.delivered.map((r) => r.conversationId)).size).toBe(400);
    expect(connector.delivered).toHaveLength(400);
    const times = connector.delivered.map((r) => r.at).sort((x, y) => x - y);
    expect(busiestSecond(times)).toBeLessThanOrEqual(40);
    expect(connector.violations).toBe(0);
    figures('two instances, 400 people at 40/s', { busiestSecond: busiestSecond(times), seconds: Number(((times[399]! - times[0]!) / 1000).toFixed(1)) });
  });

  it('when a personal notice is enqueued while a bulk message is going out, then it goes before the bulk message has finished', async () => {
    const everyone = await people(300);
    const [someone] = await people(1, 5000);
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), config: { TEAMS_TENANT_RATE_PER_SECOND: 40 } });
    await engine.bulkOutbox.enqueue({ key: 'policy:phones', recipients: everyone, content: news, quietHours: false });
    engine.start();
    await until(() => connector.delivered.length >= 60, 20_000);
    await engine.outbox.enqueue({ key: 'sign-off:1', recipient: someone as string, content: { en: { text: 'Rhys signed off 2 items' }, cy: { text: 'Mae Rhys wedi cymeradwyo 2 eitem' } }, quietHours: false });
    await until(async () => (await engine.bulkOutbox.get('policy:phones'))?.finishedParts === 1, 30_000);
    await engine.stop();
    const order = connector.delivered.map((r) => r.conversationId);
    const personal = order.indexOf('a:personal-5000');
    expect(personal).toBeGreaterThan(0);
    // At 40/s the bulk has about 6 s left when the notice is enqueued; the notice goes within the next few dozen sends.
    expect(personal).toBeLessThan(order.length - 100);
  });
});

function figures(label: string, values: Record<string, number>): void {
  if (process.env.CEFNOGI_FIGURES === '1') console.log(`[figures] ${label}: ${JSON.stringify(values)}`);
}
