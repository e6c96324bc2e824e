import { EmbeddedStoreError } from './embedded-store-error';
import { describeIssue, journalEntrySchema, type JournalEntry } from './journal-entry';
import { LineTooLongError, MAX_LINE_BYTES, readLines } from './read-lines';

/** What replaying a journal found beyond its entries. */
export interface JournalReplay {
  /** The process died while appending: the unreadable last line was left out. */
  tornTail: boolean;
}

/**
 * Replays a journal's entries through `apply`, one line at a time (it is never held as one
 * string), or returns undefined when the file does not exist. A last line that is not JSON
 * is what a `kill -9` in the middle of an append leaves, so it is dropped (that write was
 * never acknowledged as flushed). Any other bad line means the file was damaged: start-up
 * stops with the file and line named rather than silently lose what comes after it.
 */
export async function readJournalFile(path: string, apply: (entry: JournalEntry) => void, maxLineBytes = MAX_LINE_BYTES): Promise<JournalReplay | undefined> {
  const lines = await readLines(path, maxLineBytes);
  if (!lines) return undefined;
  // A line that is not JSON is only known to be harmless once no other line follows it.
  let unreadable: number | undefined;
  try {
    for await (const { text, number } of lines) {
      if (text.trim() === '') continue;
      if (unreadable !== undefined) throw damaged(path, unreadable, 'it is not JSON');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        unreadable = number;
        continue;
      }
      const parsed = journalEntrySchema.safeParse(json);
      if (!parsed.success) throw damaged(path, number, `it is not a journal entry (${describeIssue(parsed.error)})`);
      apply(parsed.data);
    }
  } catch (err) {
    if (err instanceof LineTooLongError) throw damaged(path, err.lineNumber, `it is longer than ${err.limitBytes} bytes, the most one entry may take`);
    throw err;
  }
  return { tornTail: unreadable !== undefined };
}

function damaged(path: string, line: number, why: string): EmbeddedStoreError {
  return new EmbeddedStoreError(
    `The embedded store cannot start: ${path} line ${line} is damaged: ${why}. A crash can only cut ` +
      'off the last line, so something else changed this file. Repair that line, or delete it to lose ' +
      'only that one write, or move the data folder aside to start empty.',
  );
}
