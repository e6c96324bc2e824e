import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { EMBEDDED_COSMOS_KEY } from './embedded-client';
import { startPersistence, type Persistence } from './embedded-persistence';
import { refuseOversizedItems } from './refuse-oversized-items';

export { createEmbeddedClient, EMBEDDED_COSMOS_KEY, type EmbeddedClientOptions, type EmbeddedEndpoint } from './embedded-client';
export { EmbeddedStoreError } from './embedded-store-error';

/** A running embedded Cosmos-compatible server. */
export interface EmbeddedCosmos {
  /** `http://127.0.0.1:PORT`; build clients with `createEmbeddedClient`. */
  endpoint: string;
  key: string;
  /** Writes pending journal entries and fsyncs (nothing to do without a data folder). */
  flush(): Promise<void>;
  /**
   * Closes the server (in-flight requests finish), then flushes the journal and releases
   * the data folder. Closing first means every write acknowledged before stop is on disk.
   */
  stop(): Promise<void>;
}

/** How to start the embedded server. */
export interface EmbeddedCosmosOptions {
  /** Folder for the snapshot and journal; created if missing. Without it, memory only. */
  dataDir?: string;
  /** How often journaled writes are made durable: what a `kill -9` can lose. Default 200. */
  flushIntervalMs?: number;
  /** Journal size that starts a compaction into the snapshot. Default 8 MiB. */
  compactJournalAtBytes?: number;
  /** Where start-up, warning and error lines go. Default: console.warn. */
  log?: (message: string) => void;
}

const DEFAULT_FLUSH_INTERVAL_MS = 200;
const DEFAULT_COMPACT_AT_BYTES = 8 * 1024 * 1024;

/**
 * Starts @vercel/cosmosdb-server in this process on a free loopback port, so that with no
 * COSMOS_ENDPOINT configured the bot runs the same Cosmos SDK code it runs in production.
 * Plain HTTP: about 4x faster than the server's HTTPS, whose certificate expired. With a
 * `dataDir` its contents survive restarts (see embedded-persistence.ts); a `kill -9` loses
 * at most the writes of the last `flushIntervalMs`.
 */
export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions = {}): Promise<EmbeddedCosmos> {
  const log = options.log ?? ((message: string) => console.warn(`[embedded-cosmos] ${message}`));
  const flushIntervalMs = positive(options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS, 'flushIntervalMs');
  const compactJournalAtBytes = positive(options.compactJournalAtBytes ?? DEFAULT_COMPACT_AT_BYTES, 'compactJournalAtBytes');
  const server = createHttpServer();
  // Before persistence hooks in, so a refused write reaches neither the server nor the journal.
  refuseOversizedItems(server);
  const port = await listen(server);
  const endpoint = { endpoint: `http://127.0.0.1:${port}`, key: EMBEDDED_COSMOS_KEY };
  let persistence: Persistence | undefined;
  if (options.dataDir !== undefined) {
    try {
      persistence = await startPersistence({ dataDir: options.dataDir, server, endpoint, flushIntervalMs, compactJournalAtBytes, log });
    } catch (err) {
      await close(server);
      throw err;
    }
  }
  let stopped: Promise<void> | undefined;
  return {
    ...endpoint,
    flush: async () => {
      await persistence?.flush();
    },
    stop: () =>
      (stopped ??= (async () => {
        try {
          await close(server);
        } finally {
          await persistence?.stop();
        }
      })()),
  };
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}
