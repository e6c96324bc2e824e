import { open, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDirectory } from './data-files';
import type { JournalEntry } from './journal-entry';

/**
 * The append-only file of changes since the last snapshot, one JSON line each. Captured
 * changes wait in memory and are written together by `flush()` with one append and one
 * fdatasync, so the cost of durability is paid once per flush interval, not per write.
 * File operations run one at a time, in order.
 */
export class MutationJournal {
  private pending: string[] = [];
  private bytesOnDisk = 0;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private file: FileHandle,
  ) {}

  /** Starts an empty journal at `path`, replacing any old one (its entries are in the snapshot). */
  static async create(path: string): Promise<MutationJournal> {
    await writeFile(path, '');
    const journal = new MutationJournal(path, await open(path, 'a'));
    await syncDirectory(dirname(path));
    return journal;
  }

  /** Queues an entry for the next flush. */
  append(entry: JournalEntry): void {
    this.pending.push(`${JSON.stringify(entry)}\n`);
  }

  /** Size of the journal on disk, which decides when to compact. */
  get size(): number {
    return this.bytesOnDisk;
  }

  /** Writes the queued entries and waits until the disk has them. */
  flush(): Promise<void> {
    return this.serially(() => this.writePending());
  }

  /**
   * Starts a new journal for a compaction. At one instant it calls `cut` (which copies the
   * state) and takes the queued entries, so the copy holds exactly what the old journal
   * holds; then it writes them, moves the old journal to `asidePath` and opens a new one.
   * Writes after the cut go to the new journal while the copy is written out.
   */
  rotate<T>(asidePath: string, cut: () => T): Promise<T> {
    return this.serially(async () => {
      const state = cut();
      await this.writePending();
      await this.file.close();
      try {
        await rename(this.path, asidePath);
        this.bytesOnDisk = 0;
      } finally {
        this.file = await open(this.path, 'a');
      }
      await syncDirectory(dirname(this.path));
      return state;
    });
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    return this.serially(async () => {
      await this.writePending();
      await this.file.close();
    });
  }

  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return;
    const lines = this.pending;
    this.pending = [];
    const text = lines.join('');
    try {
      await this.file.appendFile(text);
      await this.file.datasync();
      this.bytesOnDisk += Buffer.byteLength(text);
    } catch (err) {
      // Cut off whatever part was written, so a retry cannot leave a broken line in the
      // middle of the file, and keep the entries for the next flush.
      await this.file.truncate(this.bytesOnDisk).catch(() => undefined);
      this.pending = lines.concat(this.pending);
      throw err;
    }
  }

  private serially<T>(step: () => Promise<T>): Promise<T> {
    const result = this.queue.then(step);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
