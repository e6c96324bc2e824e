/*
 * Broadcasts at national scale: the proactive engine on the embedded store through the real
 * SDK, sending to a loopback connector that enforces Teams' limits (50/s per tenant, the
 * per-conversation windows) by answering 429 with Retry-After. Prints figures; asserts nothing.
 * Compile with `npx tsc -p tsconfig.json --outDir .benchdist`, then
 *   node .benchdist/test/bench/broadcast-bench.js full [people=31000]  send (a personal notice every 2 s meanwhile), then an edit and a withdrawal of every copy
 *   node .benchdist/test/bench/broadcast-bench.js kill [people=31000]  send from a worker process killed (SIGKILL) a third of the way in, then a fresh one
 *   node .benchdist/test/bench/broadcast-bench.js two  [people=10000]  send from two worker processes on one store
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { JSONObject, OperationInput } from '@azure/cosmos';
import { createHttpConnectorTransport } from '../../bot/edge/http-connector-transport';
import { BULK_MAX_PARTS } from '../../bot/proactive/bulk-outbox';
import type { ProactiveEngine } from '../../bot/proactive/proactive-engine';
import { TEAMS_CONVERSATION_WINDOWS } from '../../bot/proactive/rate-window';
import { totalRoundTrips } from '../../bot/storage/round-trip-meter';
import { newUserRecord } from '../../bot/users/user-record';
import { conversationRef, countDocuments, engineOn, LOCAL, ProactiveFixture, type ProactiveTestStore } from '../support/proactive-store-fixture';
import { busiestSecond, ThrottlingConnector, type ConnectorRequest } from '../support/throttling-connector';
import { quantile } from './statistics';

const MODE = process.argv[2] ?? 'full';
const PEOPLE = Number(process.argv[3] ?? (MODE === 'two' ? 10_000 : 31_000));
const RATE = 50;
const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const news = { en: { text: 'The new behaviour policy is on the staff site' }, cy: { text: "Mae'r polisi ymddygiad newydd ar wefan y staff" } };
const edited = { en: { text: 'The new behaviour policy starts in January' }, cy: { text: "Mae'r polisi ymddygiad newydd yn dechrau ym mis Ionawr" } };
const withdrawn = { en: { text: 'This message was withdrawn' }, cy: { text: 'Tynnwyd y neges hon yn ôl' } };

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

async function bulkCreate(container: ProactiveTestStore['usersContainer'], docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 100) {
    const operations = docs.slice(i, i + 100).map((doc): OperationInput => ({ operationType: 'Create', resourceBody: JSON.parse(JSON.stringify(doc)) as JSONObject }));
    await container.items.bulk(operations);
  }
}

/** People numbered from `from`, each in their own personal conversation; every third in Welsh. */
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

/** Resolves once every cursor of `key` has finished and nothing (a retry) is left live. */
async function finished(store: ProactiveTestStore, engine: ProactiveEngine, key: string, people: number): Promise<void> {
  const parts = Math.min(BULK_MAX_PARTS, Math.ceil(people / 1000));
  for (;;) {
    if (((await engine.bulkOutbox.get(key))?.finishedParts ?? 0) >= parts && (await countDocuments(store.outboxContainer)) === 0) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Peak RSS of this process, sampled every 500 ms while `work` runs. */
async function sampled<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number; cpuSeconds: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 500);
  const cpu = process.cpuUsage();
  try {
    const result = await work();
    const used = process.cpuUsage(cpu);
    return { result, peakRssMb: Math.round(peak / 1e6), cpuSeconds: round((used.user + used.system) / 1e6) };
  } finally {
    clearInterval(timer);
  }
}

/** What reached the connector in one phase: copies, distinct targets, duplicates, 429s, pace. */
function arrivals(requests: readonly ConnectorRequest[], method: 'POST' | 'PUT', keep: (r: ConnectorRequest) => boolean, startedAt: number, people: number) {
  const mine = requests.filter((r) => r.method === method && keep(r));
  const accepted = mine.filter((r) => r.status === 200);
  const targets = accepted.map((r) => (method === 'PUT' ? (r.activityId as string) : r.conversationId));
  const times = accepted.map((r) => r.at).sort((a, b) => a - b);
  const seconds = ((times[times.length - 1] ?? startedAt) - startedAt) / 1000;
  return {
    accepted: accepted.length,
    distinct: new Set(targets).size,
    duplicates: accepted.length - new Set(targets).size,
    missed: people - new Set(targets).size,
    refused429: mine.filter((r) => r.status === 429).length,
    secondsEnqueueToLast: round(seconds),
    ratioToFloor: round(seconds / (people / RATE), 3),
    perSecond: round(accepted.length / seconds),
    busiestSecond: busiestSecond(times),
    firstArrivalSeconds: round(((times[0] ?? startedAt) - startedAt) / 1000, 2),
  };
}

/** Send, then edit every copy, then withdraw every copy; one instance in this process. */
async function full(fixture: ProactiveFixture, connector: ThrottlingConnector, serviceUrl: string): Promise<void> {
  const store = await fixture.connect('broadcast-full');
  const recipients = await addPeople(store, serviceUrl, 1, PEOPLE);
  const personal = await addPeople(store, serviceUrl, 900_000, 200);
  const isPersonal = (r: ConnectorRequest) => Number(r.conversationId.slice('a:personal-'.length)) >= 900_000;
  const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), config: { TEAMS_TENANT_RATE_PER_SECOND: RATE }, owner: 'bench' });
  engine.start();
  const phase = async (label: string, method: 'POST' | 'PUT', key: string, enqueue: () => Promise<unknown>, during?: () => () => void) => {
    const from = connector.requests.length;
    const requestsBefore = totalRoundTrips();
    const { result, peakRssMb, cpuSeconds } = await sampled(async () => {
      const startedAt = performance.now();
      await enqueue();
      const enqueueMs = performance.now() - startedAt;
      const stop = during?.();
      await finished(store, engine, key, PEOPLE);
      stop?.();
      return { startedAt, enqueueMs };
    });
    const mine = connector.requests.slice(from);
    const figures = {
      phase: label,
      people: PEOPLE,
      fanOutSeconds: round(result.enqueueMs / 1000, 2),
      ...arrivals(mine, method, (r) => !isPersonal(r), result.startedAt, PEOPLE),
      storeRequestsPerRecipient: round((totalRoundTrips() - requestsBefore) / PEOPLE, 2),
      peakRssMb,
      cpuSeconds,
      bulkFigures: (await engine.bulkOutbox.get(key))?.figures,
    };
    console.log(JSON.stringify(figures));
    return mine;
  };
  // A personal notice every 2 s while the broadcast goes out; its delay is enqueue → arrival.
  const enqueuedAt = new Map<string, number>();
  const notices = () => {
    let n = 0;
    const timer = setInterval(() => {
      const i = n % personal.length;
      n += 1;
      enqueuedAt.set(`a:personal-${900_000 + i}`, performance.now());
      void engine.outbox.enqueue({ key: `notice:${n}`, recipient: personal[i] as string, content: { en: { text: 'Rhys signed off 2 items' }, cy: { text: 'Mae Rhys wedi cymeradwyo 2 eitem' } }, quietHours: false });
    }, 2000);
    return () => clearInterval(timer);
  };
  const sent = await phase('send', 'POST', 'policy', () => engine.bulkOutbox.enqueue({ key: 'policy', recipients, content: news, quietHours: false }), notices);
  await new Promise((r) => setTimeout(r, 3000));
  const delays = connector.requests.filter((r) => r.status === 200 && enqueuedAt.has(r.conversationId)).map((r) => (r.at - (enqueuedAt.get(r.conversationId) as number)) / 1000);
  console.log(JSON.stringify({ phase: 'personal notices during the send', notices: delays.length, delaySeconds: { p50: round(quantile(delays, 0.5), 2), p95: round(quantile(delays, 0.95), 2), max: round(Math.max(...delays), 2) }, sentInPhase: sent.length }));
  await phase('edit (revision of every copy)', 'PUT', 'policy:edit', () => engine.bulkOutbox.enqueueRevision({ key: 'policy:edit', of: 'policy', content: edited }));
  await phase('withdraw (revision to a short notice)', 'PUT', 'policy:withdraw', () => engine.bulkOutbox.enqueueRevision({ key: 'policy:withdraw', of: 'policy:edit', content: withdrawn }));
  await engine.stop();
}

/** A worker process running one engine on the parent's store; resolves once its loop runs. */
function worker(fixture: ProactiveFixture, database: string, owner: string): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'broadcast-bench-worker.js'), [fixture.endpoint.endpoint, fixture.endpoint.key, database, owner], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker ${owner} exited with ${code}`)));
  });
}

/** Sends from worker processes: `kill` kills the first a third of the way in and starts another; `two` runs two throughout. */
async function workers(fixture: ProactiveFixture, connector: ThrottlingConnector, serviceUrl: string, kill: boolean): Promise<void> {
  const database = `broadcast-${MODE}`;
  const store = await fixture.connect(database);
  const recipients = await addPeople(store, serviceUrl, 1, PEOPLE);
  // This process only enqueues (as a turn would) and watches; the workers send.
  const front = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), config: { TEAMS_TENANT_RATE_PER_SECOND: RATE }, owner: 'front' });
  const running = [await worker(fixture, database, 'worker-1')];
  if (!kill) running.push(await worker(fixture, database, 'worker-2'));
  const startedAt = performance.now();
  await front.bulkOutbox.enqueue({ key: 'policy', recipients, content: news, quietHours: false });
  const extra: Record<string, number> = {};
  if (kill) {
    while (connector.delivered.length < PEOPLE / 3) await new Promise((r) => setTimeout(r, 100));
    const killedAt = performance.now();
    const deliveredAtKill = connector.delivered.length;
    running[0]?.kill('SIGKILL');
    running.push(await worker(fixture, database, 'worker-2'));
    extra.restartedWorkerReadySeconds = round((performance.now() - killedAt) / 1000, 2);
    while (connector.delivered.length === deliveredAtKill) await new Promise((r) => setTimeout(r, 20));
    extra.killedAfterDeliveries = deliveredAtKill;
    extra.secondsFromKillToNextDelivery = round((performance.now() - killedAt) / 1000, 2);
  }
  await finished(store, front, 'policy', PEOPLE);
  console.log(JSON.stringify({ scenario: kill ? 'kill -9 a third of the way in, then a fresh instance' : 'two instances on one store', people: PEOPLE, ...extra, ...arrivals(connector.requests, 'POST', () => true, startedAt, PEOPLE), bulkFigures: (await front.bulkOutbox.get('policy'))?.figures }));
  for (const child of running) child.kill('SIGKILL');
}

async function main(): Promise<void> {
  const fixture = await new ProactiveFixture().start();
  const connector = new ThrottlingConnector({ conversationWindows: TEAMS_CONVERSATION_WINDOWS, perSecond: RATE });
  const serviceUrl = await connector.start();
  try {
    if (MODE === 'full') await full(fixture, connector, serviceUrl);
    else if (MODE === 'kill' || MODE === 'two') await workers(fixture, connector, serviceUrl, MODE === 'kill');
    else throw new Error(`unknown mode ${MODE}: full, kill or two`);
  } finally {
    await connector.stop();
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
