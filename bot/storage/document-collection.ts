/** Every stored document has an id and a partition key value, both strings. */
export interface Keyed {
  id: string;
  pk: string;
}

/** A document as read, with the eTag that a later conditional write must present. */
export interface Stored<T> {
  value: T;
  etag: string;
}

/**
 * The few operations the rest of Cefnogi needs from a container. Writes are conditional:
 * `create` fails with 409 when the document exists, `replace` with 412 when the eTag is
 * stale, so two writers can never silently overwrite each other.
 */
export interface DocumentCollection<T extends Keyed> {
  read(id: string, pk: string): Promise<Stored<T> | undefined>;
  create(doc: T): Promise<Stored<T>>;
  replace(doc: T, etag: string): Promise<Stored<T>>;
  /**
   * Removes the document; nothing happens when it is absent. With `etag`, only if it is still
   * as read (412 otherwise), so a finished job leaves only if nobody moved it meanwhile.
   */
  delete(id: string, pk: string, etag?: string): Promise<void>;
  /** Documents of one partition matching every given field (equality only). */
  findInPartition(pk: string, fields: Partial<Record<keyof T & string, string | number | boolean>>): Promise<Stored<T>[]>;
  /**
   * Newest first: up to `limit` documents of one partition matching `fields`, ordered by the
   * string field `orderBy` descending, only those strictly before `before` when given (the
   * last value of the previous page), so a reader pages back without continuation tokens.
   */
  /**
   * Every document of every partition matching `fields`: a scan of the whole container, for
   * one-off migrations at start only, never on a turn's path.
   */
  scanAllPartitions(fields: Partial<Record<keyof T & string, string | number | boolean>>): Promise<Stored<T>[]>;
  findPageDescending(pk: string, fields: Partial<Record<keyof T & string, string | number | boolean>>, page: PageRequest<T>): Promise<Stored<T>[]>;
  /**
   * Up to `limit` documents of any partition whose `expiresAt` (an ISO instant set when a
   * record finishes, see bot/retention/) is at or before `now`: the page a purge removes
   * where the store has no TTL of its own. A daily job's query, never a turn's.
   */
  findExpired(now: string, limit: number): Promise<Stored<T>[]>;
}

/** Which page `findPageDescending` reads. */
export interface PageRequest<T> {
  orderBy: keyof T & string;
  before?: string;
  limit: number;
}

/** Cosmos forbids / \ ? # in ids; Teams ids may hold them, so they are escaped. */
export function safeId(raw: string): string {
  return raw.replace(/[/\\?#%]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
