import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { createEmbeddedClient, startEmbeddedCosmos } from '../../bot/storage/embedded/start-embedded-cosmos';
import { meterRoundTrips, roundTripPlugin } from '../../bot/storage/round-trip-meter';
import { CosmosStateStorage } from './cosmos-state-storage';
import type { ServedBot } from './ipc-protocol';

/**
 * The baseline Cefnogi is measured against: a bare teams-ai app that echoes the text,
 * keeping its teams-ai turn state in the same kind of embedded Cosmos server (persisted
 * the same way), behind restify on a free loopback port, in local mode like Cefnogi.
 */
export async function startEchoBot(dataDir: string): Promise<ServedBot> {
  const embedded = await startEmbeddedCosmos({ dataDir });
  const client = createEmbeddedClient(embedded, { plugins: [roundTripPlugin] });
  const { database } = await client.databases.createIfNotExists({ id: 'echo' });
  const { container } = await database.containers.createIfNotExists({ id: 'state', partitionKey: { paths: ['/id'] } });

  const adapter = new TeamsAdapter({});
  const app = new Application({ storage: new CosmosStateStorage(container), adapter, startTypingTimer: false });
  app.message(/.*/, async (context) => {
    await context.sendActivity(context.activity.text);
  });

  const stats = { turns: 0, lastTurnRoundTrips: 0 };
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, mapFiles: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      // Counted the way Cefnogi counts its turns, around the whole turn.
      const { requests } = await meterRoundTrips(() => app.run(context));
      stats.turns += 1;
      stats.lastTurnRoundTrips = requests;
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    turns: () => stats.turns,
    lastTurnRoundTrips: () => stats.lastTurnRoundTrips,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      client.dispose();
      await embedded.stop();
    },
  };
}
