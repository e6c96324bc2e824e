import type { DocumentCollection, Keyed } from '../storage/document-collection';
import { isPreconditionFailed } from '../storage/storage-errors';

/** What one purge run did, and whether expired documents remain for the next run. */
export interface PurgeReport {
  removed: number;
  more: boolean;
}

/** Bounds on one run, so it never holds an instance for long: pages of `pageSize`, at most `maxPages` per collection. */
export interface PurgeBounds {
  pageSize: number;
  maxPages: number;
}

export const DEFAULT_PURGE_BOUNDS: PurgeBounds = { pageSize: 100, maxPages: 20 };

/**
 * Removes documents whose expiry has passed, page by page: what Cosmos's TTL does on its
 * own, for the embedded store, which has none. Each removal is conditional on the eTag read,
 * so a record rewritten meanwhile (with a new expiry, or none) stays.
 */
export async function purgeExpired(collections: DocumentCollection<Keyed>[], now: Date, bounds: PurgeBounds = DEFAULT_PURGE_BOUNDS): Promise<PurgeReport> {
  const at = now.toISOString();
  let removed = 0;
  let more = false;
  for (const collection of collections) {
    for (let page = 0; ; page += 1) {
      const expired = await collection.findExpired(at, bounds.pageSize);
      if (expired.length === 0) break;
      if (page === bounds.maxPages) {
        more = true;
        break;
      }
      for (const found of expired) {
        try {
          await collection.delete(found.value.id, found.value.pk, found.etag);
          removed += 1;
        } catch (err) {
          if (!isPreconditionFailed(err)) throw err;
        }
      }
      if (expired.length < bounds.pageSize) break;
    }
  }
  return { removed, more };
}
