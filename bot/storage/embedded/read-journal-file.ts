import { readIfExists } from './data-files';
import { EmbeddedStoreError } from './embedded-store-error';
import { describeIssue, journalEntrySchema, type JournalEntry } from './journal-entry';

/** A journal's entries, and whether its last line was cut short. */
export interface JournalContents {
  entries: JournalEntry[];
  /** The process died while appending: the unreadable last line was left out. */
  tornTail: boolean;
}

/**
 * Reads a journal, or undefined when the file does not exist. A last line that is not JSON
 * is what a `kill -9` in the middle of an append leaves, so it is dropped (that write was
 * never acknowledged as flushed). Any other bad line means the file was damaged: start-up
 * stops with the file and line named rather than silently lose what comes after it.
 */
export async function readJournalFile(path: string): Promise<JournalContents | undefined> {
  const text = await readIfExists(path);
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && lines[last]?.trim() === '') last -= 1;
  const entries: JournalEntry[] = [];
  for (let i = 0; i <= last; i += 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      if (i === last) return { entries, tornTail: true };
      throw damaged(path, i + 1, 'it is not JSON');
    }
    const parsed = journalEntrySchema.safeParse(json);
    if (!parsed.success) throw damaged(path, i + 1, `it is not a journal entry (${describeIssue(parsed.error)})`);
    entries.push(parsed.data);
  }
  return { entries, tornTail: false };
}

function damaged(path: string, line: number, why: string): EmbeddedStoreError {
  return new EmbeddedStoreError(
    `The embedded store cannot start: ${path} line ${line} is damaged: ${why}. A crash can only cut ` +
      'off the last line, so something else changed this file. Repair that line, or delete it to lose ' +
      'only that one write, or move the data folder aside to start empty.',
  );
}
