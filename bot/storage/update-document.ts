import { conflictDelayMs, DEFAULT_CONFLICT_BACKOFF, type ConflictBackoff } from './conflict-backoff';
import type { DocumentCollection, Keyed, Stored } from './document-collection';
import { ConcurrencyError, isConflict, isPreconditionFailed } from './storage-errors';

/**
 * Read-change-write with optimistic concurrency. `change` gets the current document (or
 * undefined) and returns the new one, or undefined to leave it as it is; when another
 * writer got there first (412 or 409) it waits a little (jittered, growing, bounded in
 * total: see ConflictBackoff) and runs again on the fresh document, so no update is lost
 * and many writers on one document get through one after another. `change` must
 * therefore be free of side effects.
 */
export async function updateDocument<T extends Keyed>(
  collection: DocumentCollection<T>,
  id: string,
  pk: string,
  change: (current: T | undefined) => T | undefined,
  known?: { stored: Stored<T> | undefined },
  attempts: number = DEFAULT_CONFLICT_BACKOFF.attempts,
  backoff: Partial<Omit<ConflictBackoff, 'attempts'>> = {},
): Promise<Stored<T> | undefined> {
  const policy = { ...DEFAULT_CONFLICT_BACKOFF, ...backoff };
  // `known` is the result of a read the caller has just made: the first attempt uses it.
  let current = known?.stored;
  let waited = 0;
  let attempt = 1;
  for (; attempt <= attempts; attempt += 1) {
    if (attempt > 1 || known === undefined) current = await collection.read(id, pk);
    const next = change(current ? structuredClone(current.value) : undefined);
    if (next === undefined) return current;
    try {
      return current ? await collection.replace(next, current.etag) : await collection.create(next);
    } catch (err) {
      if (!isPreconditionFailed(err) && !isConflict(err)) throw err;
    }
    if (attempt === attempts) break;
    const delay = conflictDelayMs(attempt, policy);
    if (waited + delay > policy.maxTotalWaitMs) break;
    waited += delay;
    if (delay > 0) await policy.sleep(delay);
  }
  throw new ConcurrencyError(Math.min(attempt, attempts));
}
