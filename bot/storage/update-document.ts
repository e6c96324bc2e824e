import type { DocumentCollection, Keyed, Stored } from './document-collection';
import { ConcurrencyError, isConflict, isPreconditionFailed } from './storage-errors';

const DEFAULT_ATTEMPTS = 6;

/**
 * Read-change-write with optimistic concurrency. `change` gets the current document (or
 * undefined) and returns the new one, or undefined to leave it as it is; when another
 * writer got there first (412 or 409) it runs again on the fresh document, so no update
 * is lost. `change` must therefore be free of side effects.
 */
export async function updateDocument<T extends Keyed>(
  collection: DocumentCollection<T>,
  id: string,
  pk: string,
  change: (current: T | undefined) => T | undefined,
  known?: { stored: Stored<T> | undefined },
  attempts = DEFAULT_ATTEMPTS,
): Promise<Stored<T> | undefined> {
  // `known` is the result of a read the caller has just made: the first attempt uses it.
  let current = known?.stored;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    if (attempt > 1 || known === undefined) current = await collection.read(id, pk);
    const next = change(current ? structuredClone(current.value) : undefined);
    if (next === undefined) return current;
    try {
      return current ? await collection.replace(next, current.etag) : await collection.create(next);
    } catch (err) {
      if (!isPreconditionFailed(err) && !isConflict(err)) throw err;
    }
  }
  throw new ConcurrencyError(attempts);
}
