import { mkdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { captureMutations } from './capture-mutations';
import { lockDataDir } from './data-dir-lock';
import { dataFiles, syncDirectory, type DataFiles } from './data-files';
import { createEmbeddedClient, type EmbeddedEndpoint } from './embedded-client';
import { loadDataDir } from './load-data-dir';
import { MutationJournal } from './mutation-journal';
import { restoreStore } from './restore-store';
import { writeSnapshot } from './snapshot-file';
import type { StoreMirror } from './store-mirror';

/** What persistence needs to know. */
export interface PersistenceOptions {
  dataDir: string;
  server: Server;
  endpoint: EmbeddedEndpoint;
  flushIntervalMs: number;
  compactJournalAtBytes: number;
  log: (message: string) => void;
}

/** A running persistence: flush on demand, stop at shutdown (after the server has closed). */
export interface Persistence {
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Makes the embedded server durable: restores the data folder into it, then journals every
 * write it acknowledges and flushes the journal every `flushIntervalMs`. When the journal
 * outgrows `compactJournalAtBytes`, a compaction folds it into a new snapshot in the
 * background while requests go on.
 */
export async function startPersistence(options: PersistenceOptions): Promise<Persistence> {
  const { dataDir, log } = options;
  const files = dataFiles(dataDir);
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir, files.lock);
  try {
    const started = Date.now();
    const mirror = await loadDataDir(files, log);
    const client = createEmbeddedClient(options.endpoint);
    try {
      await restoreStore(client, mirror.contents());
    } finally {
      client.dispose();
    }
    await compactAtStart(files, mirror);
    const journal = await MutationJournal.create(files.journal);
    const { databases, containers, documents } = mirror.counts();
    log(`restored ${databases} databases, ${containers} containers, ${documents} documents from ${dataDir} in ${Date.now() - started} ms`);
    return persistWrites(options, files, mirror, journal, unlock);
  } catch (err) {
    await unlock();
    throw err;
  }
}

/** Everything restored is now in one fresh snapshot; the journals it came from can go. */
async function compactAtStart(files: DataFiles, mirror: StoreMirror): Promise<void> {
  await writeSnapshot(files.snapshot, mirror.entries());
  await rm(files.compactingJournal, { force: true });
  await syncDirectory(files.dir);
}

/** Journals every captured write, flushes on a timer, compacts when the journal grows. */
function persistWrites(options: PersistenceOptions, files: DataFiles, mirror: StoreMirror, journal: MutationJournal, unlock: () => Promise<void>): Persistence {
  const { log } = options;
  const stopCapture = captureMutations(
    options.server,
    (entry) => {
      mirror.apply(entry);
      journal.append(entry);
    },
    log,
  );
  let compaction: Promise<void> | undefined;
  let compactionFailed = false;

  const compact = async (): Promise<void> => {
    const frozen = await journal.rotate(files.compactingJournal, () => mirror.copy());
    await writeSnapshot(files.snapshot, frozen.entries());
    await rm(files.compactingJournal);
    await syncDirectory(files.dir);
  };
  const flush = async (): Promise<void> => {
    await journal.flush();
    if (journal.size < options.compactJournalAtBytes || compaction || compactionFailed) return;
    compaction = compact()
      .catch((err: unknown) => {
        // The set-aside journal stays and is replayed at the next start: nothing is lost,
        // but the journal now only grows, so say so.
        compactionFailed = true;
        log(`error: compaction failed, the journal will grow until restart: ${(err as Error).message}`);
      })
      .finally(() => {
        compaction = undefined;
      });
  };

  const timer = setInterval(() => {
    flush().catch((err: unknown) => log(`error: journal flush failed, will retry: ${(err as Error).message}`));
  }, options.flushIntervalMs);
  timer.unref();

  let stopped: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    clearInterval(timer);
    stopCapture();
    await compaction;
    try {
      await journal.close();
    } finally {
      await unlock();
    }
  };
  return { flush, stop: () => (stopped ??= stop()) };
}
