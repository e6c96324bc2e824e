import type { ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/** One line of a data file, without its newline, and its 1-based number for messages. */
export interface FileLine {
  text: string;
  number: number;
}

/** A line longer than the reader allows: the file is damaged, or not one of ours. */
export class LineTooLongError extends Error {
  override readonly name = 'LineTooLongError';
  constructor(
    readonly lineNumber: number,
    readonly limitBytes: number,
  ) {
    super(`line ${lineNumber} is longer than ${limitBytes} bytes`);
  }
}

/**
 * The longest line a data file may hold: 32 times the 2 MB a Cosmos DB document may be, and
 * far below the ~512 MB V8 can hold as one string, so no file, however large, is ever turned
 * into one string.
 */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** Bytes read from disk at a time. */
const READ_CHUNK_BYTES = 1 << 20;

/**
 * The lines of a file, read as a stream of bytes and decoded one line at a time, or
 * undefined when the file does not exist. Splitting bytes at `\n` is safe in UTF-8 (no
 * multi-byte character contains that byte). A line past `maxLineBytes` throws
 * LineTooLongError before it is decoded, so memory stays bounded by the longest line.
 * (`readline` would build such a line in full first, and fail at V8's string limit.)
 */
export async function readLines(path: string, maxLineBytes = MAX_LINE_BYTES): Promise<AsyncGenerator<FileLine> | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return linesOf(handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES }), maxLineBytes);
}

async function* linesOf(stream: ReadStream, maxLineBytes: number): AsyncGenerator<FileLine> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let number = 0;
  const take = (last: Buffer): FileLine => {
    number += 1;
    const text = parts.length === 0 ? last.toString('utf8') : Buffer.concat([...parts, last]).toString('utf8');
    parts = [];
    partBytes = 0;
    return { text, number };
  };
  try {
    for await (const read of stream) {
      const chunk = read as Buffer;
      let start = 0;
      for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
        if (partBytes + end - start > maxLineBytes) throw new LineTooLongError(number + 1, maxLineBytes);
        yield take(chunk.subarray(start, end));
        start = end + 1;
      }
      if (start < chunk.length) {
        partBytes += chunk.length - start;
        if (partBytes > maxLineBytes) throw new LineTooLongError(number + 1, maxLineBytes);
        parts.push(chunk.subarray(start));
      }
    }
    if (partBytes > 0) yield take(Buffer.alloc(0));
  } finally {
    // Closes the file also when the reader stops early (a damaged line, an error).
    stream.destroy();
  }
}
