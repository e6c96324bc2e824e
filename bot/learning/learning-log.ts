import { randomUUID } from 'node:crypto';
import type { Store } from '../storage/store';
import type { DocumentCollection, Stored } from '../storage/document-collection';
import { learningEntries, type LearningEntry, type LearningFields } from './learning-entry';

/**
 * A person's learning log in the `learning` container. Every call names the owner's user key
 * as the partition, so an id from card data can only ever reach the acting person's own entries.
 */
export interface LearningLog {
  /** Every entry of the person, newest date first (one partition query). */
  list(owner: string): Promise<LearningEntry[]>;
  read(owner: string, id: string): Promise<Stored<LearningEntry> | undefined>;
  add(owner: string, fields: LearningFields, now: Date): Promise<LearningEntry>;
  /** Replaces the entry as read (its eTag): a change made meanwhile on another device is not lost silently. */
  replace(stored: Stored<LearningEntry>, fields: Partial<LearningFields>, now: Date): Promise<LearningEntry>;
  remove(owner: string, id: string): Promise<void>;
}

/** The log's order: newest date first, then newest logged. */
export function newestFirst(a: LearningEntry, b: LearningEntry): number {
  return b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);
}

/** Opens the log on the store's `learning` collection. */
export function learningLog(store: Pick<Store, 'collection'>): LearningLog {
  const entries: DocumentCollection<LearningEntry> = store.collection(learningEntries);
  return {
    async list(owner) {
      const found = await entries.findInPartition(owner, { kind: 'learning-entry' });
      return found.map((s) => s.value).sort(newestFirst);
    },
    read: (owner, id) => entries.read(id, owner),
    async add(owner, fields, now) {
      const at = now.toISOString();
      const entry: LearningEntry = { ...fields, id: randomUUID(), pk: owner, kind: 'learning-entry', createdAt: at, updatedAt: at };
      return (await entries.create(entry)).value;
    },
    async replace(stored, fields, now) {
      const next: LearningEntry = { ...stored.value, ...fields, updatedAt: now.toISOString() };
      return (await entries.replace(next, stored.etag)).value;
    },
    remove: (owner, id) => entries.delete(id, owner),
  };
}
