import type { Stored } from '../storage/document-collection';
import type { OutboxRecord } from './outbox-record';

/** With nothing waiting but records in progress, how often to look again (a finishing record wakes us sooner). */
const IDLE_CHECK_MS = 1000;

/** A record in one drain's hands: as last read or written, with where its recipient is once looked up. */
export interface DrainItem<U> {
  stored: Stored<OutboxRecord>;
  target?: U | undefined;
}

/** What a drain queue needs: how to read what is due, and its time limits. */
export interface DrainQueueOptions {
  /** Reads the records due now (every shard, one bounded page each). */
  readDue: () => Promise<Stored<OutboxRecord>[]>;
  /** While records wait here for their turn, what is due is read again this often, so new work is not left behind them. */
  refreshMs: number;
  /** A record whose turn is later than this (on `clock`) is not kept: a later drain finds it. */
  keepUntil: number;
  /** Monotonic milliseconds. */
  clock: () => number;
}

/**
 * The work of one drain: records as read (oldest first), and records sent back to the
 * outbox to wait for their conversation's window, kept here until their turn comes. A
 * waiting record holds none of the sender's slots: a slot only ever works on a record
 * that can go now. While any record waits, what is due is read again every `refreshMs`,
 * so a notice enqueued meanwhile goes within about that long, however big someone else's
 * backlog is.
 */
export class DrainQueue<U> {
  private readonly fresh: DrainItem<U>[] = [];
  /** In order of `readyAt`. */
  private readonly waiting: { item: DrainItem<U>; readyAt: number }[] = [];
  private readonly seen = new Set<string>();
  private busy = 0;
  private lastRead = -Infinity;
  private reading = false;
  private wake: () => void = () => undefined;
  private woken: Promise<void> = this.nextWake();

  constructor(private readonly o: DrainQueueOptions) {}

  /** Reads what is due and adds what this drain has not seen; resolves with how many were new. */
  async read(): Promise<number> {
    this.reading = true;
    try {
      this.lastRead = this.o.clock();
      const found = await this.o.readDue();
      const added = found.filter((f) => !this.seen.has(f.value.id));
      for (const f of added) {
        this.seen.add(f.value.id);
        this.fresh.push({ stored: f });
      }
      this.fresh.sort((a, b) => (a.stored.value.dueAt < b.stored.value.dueAt ? -1 : a.stored.value.dueAt > b.stored.value.dueAt ? 1 : 0));
      return added.length;
    } finally {
      this.reading = false;
      this.wakeAll();
    }
  }

  /** Keeps `item` (already written back to the outbox) until `readyAt`, if that is within this drain; false if not kept. */
  keep(item: DrainItem<U>, readyAt: number): boolean {
    if (readyAt > this.o.keepUntil) return false;
    const at = this.waiting.findIndex((w) => w.readyAt > readyAt);
    this.waiting.splice(at === -1 ? this.waiting.length : at, 0, { item, readyAt });
    return true;
  }

  /**
   * The next record to work on: a waiting one whose turn has come, else the oldest read one.
   * Waits (holding nothing) while records wait for their turn or others are being worked
   * on, re-reading what is due meanwhile; undefined when nothing is left, or on `signal`.
   * Call `done()` after each record returned.
   */
  async next(onRead: (count: number) => void, signal?: AbortSignal): Promise<DrainItem<U> | undefined> {
    for (;;) {
      if (signal?.aborted) return undefined;
      const now = this.o.clock();
      const first = this.waiting[0];
      const item = first && first.readyAt <= now ? this.waiting.shift()?.item : this.fresh.shift();
      if (item) {
        this.busy += 1;
        return item;
      }
      if (this.waiting.length === 0 && this.busy === 0 && !this.reading) return undefined;
      if (this.waiting.length > 0 && !this.reading && now >= this.lastRead + this.o.refreshMs) {
        onRead(await this.read());
        continue;
      }
      const until = Math.min(first?.readyAt ?? Infinity, this.waiting.length > 0 ? this.lastRead + this.o.refreshMs : Infinity);
      await this.pause(Number.isFinite(until) ? Math.max(1, until - now) : IDLE_CHECK_MS, signal);
    }
  }

  /** The record last returned by `next` is finished with (sent, settled, or kept again). */
  done(): void {
    this.busy -= 1;
    this.wakeAll();
  }

  /** Records still waiting for their turn (a drain cut short sends them back to be due at once). */
  takeWaiting(): DrainItem<U>[] {
    return this.waiting.splice(0).map((w) => w.item);
  }

  /** Sleeps `ms`, or less if woken (new work, a record finished) or stopped. The timer never keeps the process alive. */
  private pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      timer.unref();
      signal?.addEventListener('abort', finish, { once: true });
      void this.woken.then(finish);
    });
  }

  private wakeAll(): void {
    const wake = this.wake;
    this.woken = this.nextWake();
    wake();
  }

  private nextWake(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }
}
