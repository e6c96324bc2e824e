/*
 * The proactive engine at national scale, on the embedded store through the real SDK and a
 * loopback connector that enforces Teams' limits (50/s per tenant, the per-conversation
 * windows). Prints figures; asserts nothing. Run after `npm run build`:
 *   node dist/test/bench/engine-bench.js [people=31000] [finished=100000] [twoInstancePeople=10000]
 */
import type { JSONObject, OperationInput } from '@azure/cosmos';
import { createHttpConnectorTransport } from '../../bot/edge/http-connector-transport';
import { TEAMS_CONVERSATION_WINDOWS } from '../../bot/proactive/rate-window';
import { shardOf } from '../../bot/proactive/shard-key';
import type { ProactiveEngine } from '../../bot/proactive/proactive-engine';
import { meterRoundTrips } from '../../bot/storage/round-trip-meter';
import { newUserRecord } from '../../bot/users/user-record';
import { conversationRef, countDocuments, engineOn, LOCAL, ProactiveFixture, type ProactiveTestStore } from '../support/proactive-store-fixture';
import { busiestSecond, ThrottlingConnector } from '../support/throttling-connector';
import { median } from './statistics';

const [PEOPLE, FINISHED, TWO_PEOPLE] = [31_000, 100_000, 10_000].map((d, i) => Number(process.argv[2 + i] ?? d)) as [number, number, number];
const RATE = 50;
const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const content = { en: { text: 'The new behaviour policy is on the staff site' }, cy: { text: "Mae'r polisi ymddygiad newydd ar wefan y staff" } };

async function bulkCreate(container: ProactiveTestStore['jobsContainer'], docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 100) {
    const operations = docs.slice(i, i + 100).map((doc): OperationInput => ({ operationType: 'Create', resourceBody: JSON.parse(JSON.stringify(doc)) as JSONObject }));
    await container.items.bulk(operations);
  }
}

async function addPeople(store: ProactiveTestStore, serviceUrl: string, from: number, count: number): Promise<string[]> {
  const docs = [];
  for (let n = from; n < from + count; n += 1) {
    const user = newUserRecord({ tenantId: TENANT, aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` }, new Date('2025-01-01T00:00:00Z'));
    user.conversation = conversationRef(serviceUrl, `a:personal-${n}`);
    if (n % 3 === 0) user.language = 'cy';
    docs.push(user);
  }
  await bulkCreate(store.usersContainer, docs);
  return docs.map((d) => d.id);
}

async function addFinished(store: ProactiveTestStore, count: number): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  const docs = Array.from({ length: count }, (_, i) => {
    const key = `old-notice:${i}`;
    return { id: key, pk: shardOf(key), kind: 'delivery', key, recipient: `${TENANT}:person-${i % 5000}`, status: 'sent', attempts: 1, activityId: `a-${i}`, sentAt: at, language: 'en', createdAt: at, finishedAt: at };
  });
  await bulkCreate(store.deliveriesContainer, docs);
}

async function idleCycle(store: ProactiveTestStore): Promise<{ ms: number; requests: number }> {
  const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
  engine.scheduler.register('digest', async () => undefined);
  const samples: { ms: number; requests: number }[] = [];
  for (let i = 0; i < 10; i += 1) {
    const start = performance.now();
    const { requests } = await meterRoundTrips(async () => {
      await engine.bulkSender.pump();
      await engine.scheduler.tick(new Date());
      await engine.sender.drain(new Date());
    });
    samples.push({ ms: performance.now() - start, requests });
  }
  return { ms: median(samples.map((s) => s.ms)), requests: Math.max(...samples.map((s) => s.requests)) };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function bulkRun(label: string, fixture: ProactiveFixture, database: string, people: number, instances: number, finished: number): Promise<void> {
  const connector = new ThrottlingConnector({ conversationWindows: TEAMS_CONVERSATION_WINDOWS, perSecond: RATE });
  const serviceUrl = await connector.start();
  const store = await fixture.connect(database);
  const idleEmpty = await idleCycle(store);
  if (finished > 0) await addFinished(store, finished);
  const idleFull = await idleCycle(store);
  const recipients = await addPeople(store, serviceUrl, 1, people);
  const personal = await addPeople(store, serviceUrl, 900_000, 200);
  const engines: ProactiveEngine[] = [];
  for (let i = 0; i < instances; i += 1) {
    engines.push(engineOn(i === 0 ? store : await fixture.connect(database), { transport: createHttpConnectorTransport(LOCAL), config: { TEAMS_TENANT_RATE_PER_SECOND: RATE }, owner: `instance-${i}` }));
  }
  const first = engines[0]!;
  const cpu = process.cpuUsage();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 500);
  // The engines run already, as in a live deployment; the clock starts when the message is enqueued.
  for (const e of engines) e.start();
  const start = performance.now();
  await first.bulkOutbox.enqueue({ key: `policy:${label}`, recipients, content, quietHours: false });
  const enqueueMs = performance.now() - start;
  // A personal notice every 2 s while the bulk goes out; its delay is enqueue → arrival at the connector.
  const enqueuedAt = new Map<string, number>();
  let n = 0;
  const notices = setInterval(() => {
    const who = personal[n % personal.length] as string;
    const conversation = `a:personal-${900_000 + (n % personal.length)}`;
    n += 1;
    enqueuedAt.set(conversation, performance.now());
    void engines[n % engines.length]!.outbox.enqueue({ key: `notice:${label}:${n}`, recipient: who, content: { en: { text: 'Rhys signed off 2 items' }, cy: { text: 'Mae Rhys wedi cymeradwyo 2 eitem' } }, quietHours: false });
  }, 2000);
  const parts = Math.min(4, Math.ceil(people / 1000));
  while (((await first.bulkOutbox.get(`policy:${label}`))?.finishedParts ?? 0) < parts) await new Promise((r) => setTimeout(r, 1000));
  const seconds = (performance.now() - start) / 1000;
  clearInterval(notices);
  await new Promise((r) => setTimeout(r, 3000));
  await Promise.all(engines.map((e) => e.stop()));
  clearInterval(sampler);
  const used = process.cpuUsage(cpu);
  const personalConversations = new Set(Array.from({ length: personal.length }, (_, i) => `a:personal-${900_000 + i}`));
  const bulkArrivals = connector.delivered.filter((r) => !personalConversations.has(r.conversationId));
  const delays = connector.delivered.filter((r) => enqueuedAt.has(r.conversationId)).map((r) => (r.at - (enqueuedAt.get(r.conversationId) as number)) / 1000);
  const times = connector.delivered.map((r) => r.at).sort((a, b) => a - b);
  const floor = people / RATE;
  console.log(
    JSON.stringify(
      {
        scenario: label,
        instances,
        people,
        finishedRecordsPresent: finished,
        idleCycleEmpty: { ms: Number(idleEmpty.ms.toFixed(1)), storeRequests: idleEmpty.requests },
        idleCycleWithFinished: { ms: Number(idleFull.ms.toFixed(1)), storeRequests: idleFull.requests },
        enqueueSeconds: Number((enqueueMs / 1000).toFixed(1)),
        bulkDelivered: bulkArrivals.length,
        distinctConversations: new Set(bulkArrivals.map((r) => r.conversationId)).size,
        seconds: Number(seconds.toFixed(1)),
        perSecond: Number((bulkArrivals.length / seconds).toFixed(1)),
        ratioToFloor: Number((seconds / floor).toFixed(3)),
        busiestSecond: busiestSecond(times),
        connector429: connector.violations,
        personalNotices: delays.length,
        personalDelaySeconds: { p50: Number(percentile(delays, 50).toFixed(2)), p95: Number(percentile(delays, 95).toFixed(2)), max: Number(Math.max(...delays).toFixed(2)) },
        liveOutboxAfter: await countDocuments(store.outboxContainer),
        cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(1)),
        peakRssMb: Math.round(peakRss / 1e6),
      },
      null,
      2,
    ),
  );
  await connector.stop();
}

async function main(): Promise<void> {
  const fixture = await new ProactiveFixture().start();
  try {
    await bulkRun('one-instance', fixture, 'bench-one', PEOPLE, 1, FINISHED);
    if (TWO_PEOPLE > 0) await bulkRun('two-instances', fixture, 'bench-two', TWO_PEOPLE, 2, 0);
  } finally {
    await fixture.stop();
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
