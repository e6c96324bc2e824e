import { open } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The files of a data folder. Start-up replays them in this order: the snapshot, then a
 * journal set aside by a compaction that did not finish, then the live journal.
 */
export interface DataFiles {
  dir: string;
  snapshot: string;
  /** The live journal was moved here when a compaction began; deleted when it ends. */
  compactingJournal: string;
  journal: string;
  lock: string;
}

/** The paths of the data files under `dir`. */
export function dataFiles(dir: string): DataFiles {
  return {
    dir,
    snapshot: join(dir, 'snapshot.json'),
    compactingJournal: join(dir, 'journal.compacting.ndjson'),
    journal: join(dir, 'journal.ndjson'),
    lock: join(dir, 'lock'),
  };
}

/**
 * Makes a rename, creation or deletion in `dir` durable: on Linux a new name survives a
 * crash only once its directory is synced. Windows cannot open directories; there it is
 * skipped (NTFS journals its metadata).
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
