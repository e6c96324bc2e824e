/*
 * One bot instance for the broadcast benchmark, in its own process so the benchmark can
 * `kill -9` it mid-broadcast: the proactive engine on the embedded store served by the parent
 * (which keeps the data, as Cosmos would), sending to the parent's connector. It says "ready"
 * over IPC once its loop runs, and runs until killed.
 *   node broadcast-bench-worker.js <endpoint> <key> <database> <owner>
 */
import { createHttpConnectorTransport } from '../../bot/edge/http-connector-transport';
import { connectProactiveStore, engineOn, LOCAL } from '../support/proactive-store-fixture';

async function main(): Promise<void> {
  const [endpoint, key, database, owner] = process.argv.slice(2);
  if (!endpoint || !key || !database || !owner) throw new Error('usage: broadcast-bench-worker <endpoint> <key> <database> <owner>');
  const store = await connectProactiveStore({ endpoint, key }, database);
  const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), config: { TEAMS_TENANT_RATE_PER_SECOND: 50 }, owner, intervalMs: 1000 });
  engine.start();
  // The engine's loop does not keep a process alive on its own (a bot's server does): this one runs until killed.
  setInterval(() => undefined, 60_000);
  process.send?.('ready');
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
