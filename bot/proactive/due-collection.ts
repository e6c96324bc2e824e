import type { DocumentCollection, Keyed, Stored } from '../storage/document-collection';

/** A document that waits in a queue: its state, and when someone should next act on it. */
export interface DueDocument extends Keyed {
  status: string;
  /** ISO instant (always `toISOString()`, so strings sort as times). */
  dueAt: string;
  kind: string;
}

/** One partition's due documents, earliest first. */
export interface DueQuery {
  pk: string;
  /** Only documents in one of these states. */
  statuses: readonly string[];
  /** Only documents with `dueAt <= dueBy` (ISO instant). */
  dueBy: string;
  /** At most this many (a bounded page: a tick never reads a whole backlog at once). */
  limit: number;
  /** Only documents of these kinds (a scheduler skips kinds it has no handler for). */
  kinds?: readonly string[];
}

/**
 * A collection the proactive engine can ask "what is due?". The query reads one partition
 * and, through the index on `status` and `dueAt`, only the documents it returns: so the cost
 * of a tick grows with what is due, not with how many documents wait.
 */
export interface DueCollection<T extends DueDocument> extends DocumentCollection<T> {
  findDue(query: DueQuery): Promise<Stored<T>[]>;
}

/** Sort order for documents from several partitions: the longest-waiting first. */
export function earliestDueFirst(a: Stored<DueDocument>, b: Stored<DueDocument>): number {
  return a.value.dueAt < b.value.dueAt ? -1 : a.value.dueAt > b.value.dueAt ? 1 : 0;
}
