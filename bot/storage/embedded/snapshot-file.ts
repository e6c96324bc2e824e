import { open, readFile, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { syncDirectory } from './data-files';
import { EmbeddedStoreError } from './embedded-store-error';
import { describeIssue, journalEntrySchema, type JournalEntry } from './journal-entry';
import { LineTooLongError, MAX_LINE_BYTES, readLines, type FileLine } from './read-lines';

const FORMAT = 'cefnogi-embedded-cosmos';
/** First line of a snapshot: the format and its version, then one entry per line. */
const HEADER = `{"format":"${FORMAT}","version":2}`;
/** First line of a version 1 snapshot: one JSON object whose entries array has one entry per line. */
const HEADER_V1 = `{"format":"${FORMAT}","version":1,"entries":[`;
/** Last line of a version 1 snapshot. */
const FOOTER_V1 = ']}';

/** Last line of a snapshot: proves it was not cut short, and how many entries came before. */
const endSchema = z.object({ end: z.literal(true), entries: z.number().int().nonnegative() }).strict();
/** A version 1 snapshot read as one document (only ever a small one, see readSnapshot). */
const snapshotV1Schema = z.object({ format: z.literal(FORMAT), version: z.literal(1), entries: z.array(journalEntrySchema) });

/** Bytes gathered before each write: big enough to be quick, small enough not to stall requests. */
const CHUNK_CHARS = 1 << 20;

/** How much a snapshot reader may hold as one string. */
export interface SnapshotLimits {
  /** The longest line read. */
  maxLineBytes: number;
  /** The largest snapshot not in the line-by-line layout that is still read whole (as one string). */
  maxWholeFileBytes: number;
}

const DEFAULT_LIMITS: SnapshotLimits = { maxLineBytes: MAX_LINE_BYTES, maxWholeFileBytes: MAX_LINE_BYTES };

/**
 * Writes the whole state atomically: to `snapshot.json.tmp`, fsync, rename over the old
 * snapshot, fsync the folder. A crash at any point leaves either the old snapshot or the new
 * one, never half of one. It is JSON lines (a header, one entry per line, an end line with
 * the count), written in chunks so a large store does not hold up requests while it is
 * written, and read back line by line so its size is not bounded by V8's longest string.
 */
export async function writeSnapshot(path: string, entries: Iterable<JournalEntry>): Promise<void> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    let chunk = `${HEADER}\n`;
    let count = 0;
    for (const entry of entries) {
      chunk += `${JSON.stringify(entry)}\n`;
      count += 1;
      if (chunk.length >= CHUNK_CHARS) {
        await handle.writeFile(chunk);
        chunk = '';
      }
    }
    await handle.writeFile(`${chunk}${JSON.stringify({ end: true, entries: count })}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

/**
 * Replays the snapshot's entries through `apply`, one line at a time; false when there is
 * none yet. A damaged one stops start-up. Version 1 snapshots (one JSON object) are read
 * line by line too when laid out as Cefnogi wrote them, whatever their size; one laid out
 * otherwise (edited by hand) is read whole, as before, if it is at most
 * `limits.maxWholeFileBytes`.
 */
export async function readSnapshot(path: string, apply: (entry: JournalEntry) => void, limits: SnapshotLimits = DEFAULT_LIMITS): Promise<boolean> {
  const lines = await readLines(path, limits.maxLineBytes);
  if (!lines) return false;
  let first: IteratorResult<FileLine>;
  try {
    first = await lines.next();
  } catch (err) {
    if (!(err instanceof LineTooLongError)) throw err;
    first = { done: true, value: undefined };
  }
  const header = first.done ? undefined : first.value.text.trimEnd();
  try {
    if (header === HEADER) await readLinesV2(path, lines, apply);
    else if (header === HEADER_V1) await readLinesV1(path, lines, apply);
    else await readWholeV1(path, apply, limits.maxWholeFileBytes);
  } catch (err) {
    if (err instanceof LineTooLongError) throw damaged(path, `line ${err.lineNumber} is longer than ${err.limitBytes} bytes, the most one entry may take`);
    throw err;
  } finally {
    await lines.return(undefined);
  }
  return true;
}

async function readLinesV2(path: string, lines: AsyncGenerator<FileLine>, apply: (entry: JournalEntry) => void): Promise<void> {
  let count = 0;
  let ended = false;
  for await (const { text, number } of lines) {
    if (text.trim() === '') continue;
    if (ended) throw damaged(path, `line ${number} comes after the end line`);
    const json = parseLine(path, text, number);
    if (typeof json === 'object' && json !== null && 'end' in json) {
      const end = endSchema.safeParse(json);
      if (!end.success) throw damaged(path, `line ${number} is not an end line (${describeIssue(end.error)})`);
      if (end.data.entries !== count) throw damaged(path, `its end line counts ${end.data.entries} entries, but ${count} came before it`);
      ended = true;
      continue;
    }
    apply(parseEntry(path, json, number));
    count += 1;
  }
  if (!ended) throw damaged(path, 'it stops before its end line: it was cut short');
}

async function readLinesV1(path: string, lines: AsyncGenerator<FileLine>, apply: (entry: JournalEntry) => void): Promise<void> {
  let ended = false;
  for await (const { text, number } of lines) {
    const line = text.trim();
    if (line === '') continue;
    if (ended) throw damaged(path, `line ${number} comes after the end of the snapshot`);
    if (line === FOOTER_V1) {
      ended = true;
      continue;
    }
    apply(parseEntry(path, parseLine(path, line.endsWith(',') ? line.slice(0, -1) : line, number), number));
  }
  if (!ended) throw damaged(path, 'it is not valid JSON: it stops before its end');
}

/** A version 1 snapshot not in Cefnogi's own layout: parsed whole, as it always was, while small. */
async function readWholeV1(path: string, apply: (entry: JournalEntry) => void, maxBytes: number): Promise<void> {
  const { size } = await stat(path);
  if (size > maxBytes) {
    throw damaged(path, `it does not start with a snapshot header, and at ${size} bytes it is too large to read as one piece (the most is ${maxBytes})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw damaged(path, `it is not valid JSON (${(err as Error).message})`);
  }
  const parsed = snapshotV1Schema.safeParse(json);
  if (!parsed.success) throw damaged(path, `it is not an embedded-store snapshot (${describeIssue(parsed.error)})`);
  parsed.data.entries.forEach(apply);
}

function parseLine(path: string, text: string, number: number): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw damaged(path, `line ${number} is not valid JSON (${(err as Error).message})`);
  }
}

function parseEntry(path: string, json: unknown, number: number): JournalEntry {
  const parsed = journalEntrySchema.safeParse(json);
  if (!parsed.success) throw damaged(path, `line ${number} is not an embedded-store entry (${describeIssue(parsed.error)})`);
  return parsed.data;
}

function damaged(path: string, why: string): EmbeddedStoreError {
  return new EmbeddedStoreError(
    `The embedded store cannot start: ${path} is damaged: ${why}. It is written atomically, so this ` +
      'is not a crash; restore the data folder from a backup, or move it aside to start empty.',
  );
}
