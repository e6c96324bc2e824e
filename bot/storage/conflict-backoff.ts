/**
 * How long to wait before writing again after another writer got to a document first.
 * Retrying at once lets every loser of a race read and write again together and collide
 * again (40 parallel turns of one person ended in 27 error cards that way); waits that grow
 * and are spread at random let them through one after another.
 */
export interface ConflictBackoff {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first retry waits up to this long; each later one up to twice the one before. */
  baseDelayMs: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
  /** The waits of one update add up to at most this; past it, the update gives up. */
  maxTotalWaitMs: number;
  /** In [0, 1): spreads the waits ("full jitter"); tests may fix it. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Twelve attempts, waiting at most eight seconds in all (about half that on average):
 * measured with 40 parallel turns of one person on the embedded store, the last writer
 * got through by its ninth attempt. Two writers meeting (the usual case) cost one wait of
 * at most 50 ms.
 */
export const DEFAULT_CONFLICT_BACKOFF: ConflictBackoff = {
  attempts: 12,
  baseDelayMs: 50,
  maxDelayMs: 1500,
  maxTotalWaitMs: 8000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The wait before retry number `retry` (1 for the first retry): random up to the capped exponential bound. */
export function conflictDelayMs(retry: number, backoff: Pick<ConflictBackoff, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const bound = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(backoff.random() * bound);
}
