import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { readIfExists, syncDirectory } from './data-files';
import { EmbeddedStoreError } from './embedded-store-error';
import { describeIssue, journalEntrySchema, type JournalEntry } from './journal-entry';

const FORMAT = 'cefnogi-embedded-cosmos';
const snapshotSchema = z.object({ format: z.literal(FORMAT), version: z.literal(1), entries: z.array(journalEntrySchema) });

/** Bytes gathered before each write: big enough to be quick, small enough not to stall requests. */
const CHUNK_CHARS = 1 << 20;

/**
 * Writes the whole state atomically: to `snapshot.json.tmp`, fsync, rename over the old
 * snapshot, fsync the folder. A crash at any point leaves either the old snapshot or the new
 * one, never half of one. It is one JSON object with an entry per line, written in chunks
 * so a large store does not hold up requests while it is written.
 */
export async function writeSnapshot(path: string, entries: Iterable<JournalEntry>): Promise<void> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    let chunk = `{"format":"${FORMAT}","version":1,"entries":[`;
    let separator = '\n';
    for (const entry of entries) {
      chunk += separator + JSON.stringify(entry);
      separator = ',\n';
      if (chunk.length >= CHUNK_CHARS) {
        await handle.writeFile(chunk);
        chunk = '';
      }
    }
    await handle.writeFile(`${chunk}\n]}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

/** The snapshot's entries, or undefined when there is none yet. A damaged one stops start-up. */
export async function readSnapshot(path: string): Promise<JournalEntry[] | undefined> {
  const text = await readIfExists(path);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw damaged(path, `it is not valid JSON (${(err as Error).message})`);
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) throw damaged(path, `it is not an embedded-store snapshot (${describeIssue(parsed.error)})`);
  return parsed.data.entries;
}

function damaged(path: string, why: string): EmbeddedStoreError {
  return new EmbeddedStoreError(
    `The embedded store cannot start: ${path} is damaged: ${why}. It is written atomically, so this ` +
      'is not a crash; restore the data folder from a backup, or move it aside to start empty.',
  );
}
