import { basename } from 'node:path';
import type { DataFiles } from './data-files';
import type { JournalEntry } from './journal-entry';
import { readJournalFile } from './read-journal-file';
import { readSnapshot } from './snapshot-file';
import { StoreMirror } from './store-mirror';

/**
 * Rebuilds the saved state from a data folder: the snapshot, then the journal a compaction
 * set aside (if one was interrupted), then the live journal. Each file is streamed line by
 * line into the mirror, so no file is ever held whole. Files that do not exist are simply
 * empty; a damaged one throws an EmbeddedStoreError naming it.
 */
export async function loadDataDir(files: DataFiles, log: (message: string) => void): Promise<StoreMirror> {
  const mirror = new StoreMirror();
  let skipped = 0;
  const apply = (entry: JournalEntry): void => {
    if (!mirror.apply(entry)) skipped += 1;
  };
  await readSnapshot(files.snapshot, apply);
  for (const path of [files.compactingJournal, files.journal]) {
    const journal = await readJournalFile(path, apply);
    if (journal?.tornTail) log(`the last line of ${basename(path)} was cut off by a crash; the writes before it are restored`);
  }
  if (skipped > 0) log(`${skipped} saved changes named a database or container deleted later, and were skipped`);
  return mirror;
}
