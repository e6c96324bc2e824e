/**
 * What the benchmark and a bot it forked say to each other over the IPC channel. The
 * figures come from inside the bot's process because only it can count its own storage
 * requests and memory; the timings are taken outside, as Teams would see them.
 */

/** One bot's counters at a moment, read inside its process. */
export interface ChildStats {
  /** Turns the bot has run since it started. */
  turns: number;
  /** Storage requests made by the last turn (counted around that turn only). */
  lastTurnRoundTrips: number;
  /** Storage requests made by the process since start (turns and anything else). */
  totalRoundTrips: number;
  /** process.memoryUsage().rss as it stood, before any forced collection. */
  rssBytes: number;
  /** Right after a forced full GC: what is really still held, and where. */
  rssAfterGcBytes: number;
  heapUsedAfterGcBytes: number;
  /** V8's committed heap: RSS that the heap holds on to even when it is mostly empty. */
  heapTotalAfterGcBytes: number;
  /** Memory outside the JS heap (Buffers and other native allocations V8 knows of). */
  externalAfterGcBytes: number;
}

/** Sent by the benchmark. */
export type ParentMessage = { type: 'stats' } | { type: 'stop' };

/** Sent by the bot's process. */
export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'stats'; stats: ChildStats }
  | { type: 'stopped' }
  | { type: 'failed'; error: string };

/** A bot started inside a forked process, as the IPC server needs to see it. */
export interface ServedBot {
  port: number;
  turns(): number;
  lastTurnRoundTrips(): number;
  stop(): Promise<void>;
}

function hasType(value: unknown): value is { type: unknown } {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/** Narrows an IPC payload from the benchmark; anything else is ignored by the child. */
export function isParentMessage(value: unknown): value is ParentMessage {
  return hasType(value) && (value.type === 'stats' || value.type === 'stop');
}

/** Narrows an IPC payload from a child; the parent trusts only these shapes. */
export function isChildMessage(value: unknown): value is ChildMessage {
  return hasType(value) && ['ready', 'stats', 'stopped', 'failed'].includes(String(value.type));
}
