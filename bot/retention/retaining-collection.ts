import type { DocumentCollection, Keyed, PageRequest, Stored } from '../storage/document-collection';

/** How many days a document is kept once finished, or undefined while it is live (it never expires). */
export type RetentionRule<T> = (doc: T) => number | undefined;

/** Documents of the same partition that leave with a finished one (a bulk message's recipient pages). */
export type Companions<T> = (doc: T) => { pk: string; fields: Record<string, string> } | undefined;

const DAY_MS = 86_400_000;

/** The fields retention adds to a finished document: Cosmos's own `ttl` (seconds) and the instant the purge reads. */
export interface Expiry {
  ttl: number;
  expiresAt: string;
}

/** The expiry of a document finished at `now` and kept `days` days. */
export function expiryOf(days: number, now: Date): Expiry {
  return { ttl: days * 86_400, expiresAt: new Date(now.getTime() + days * DAY_MS).toISOString() };
}

/**
 * A collection whose documents get an expiry on the write that finishes them, and never
 * before: a live job, outbox record or draft has no `ttl`, and Cosmos (with `defaultTtl: -1`
 * on the container) keeps it for ever. Writers do not know about retention; the rule, given
 * per collection, decides from the document alone. Where the store has no TTL (the embedded
 * server) the purge job removes what `findExpired` returns.
 */
export class RetainingCollection<T extends Keyed> implements DocumentCollection<T> {
  constructor(
    private readonly inner: DocumentCollection<T>,
    private readonly rule: RetentionRule<T>,
    private readonly now: () => Date,
    private readonly companions?: Companions<T>,
  ) {}

  async create(doc: T): Promise<Stored<T>> {
    const written = await this.inner.create(this.stamp(doc));
    await this.expireCompanions(doc);
    return written;
  }

  async replace(doc: T, etag: string): Promise<Stored<T>> {
    const written = await this.inner.replace(this.stamp(doc), etag);
    await this.expireCompanions(doc);
    return written;
  }

  read(id: string, pk: string): Promise<Stored<T> | undefined> {
    return this.inner.read(id, pk);
  }

  delete(id: string, pk: string, etag?: string): Promise<void> {
    return this.inner.delete(id, pk, etag);
  }

  findInPartition(pk: string, fields: Partial<Record<keyof T & string, string | number | boolean>>): Promise<Stored<T>[]> {
    return this.inner.findInPartition(pk, fields);
  }

  scanAllPartitions(fields: Partial<Record<keyof T & string, string | number | boolean>>): Promise<Stored<T>[]> {
    return this.inner.scanAllPartitions(fields);
  }

  findPageDescending(pk: string, fields: Partial<Record<keyof T & string, string | number | boolean>>, page: PageRequest<T>): Promise<Stored<T>[]> {
    return this.inner.findPageDescending(pk, fields, page);
  }

  findExpired(now: string, limit: number): Promise<Stored<T>[]> {
    return this.inner.findExpired(now, limit);
  }

  /** The document as it must be written: with an expiry if finished, without one (whatever it carried) if live. */
  private stamp(doc: T): T {
    const { ttl: _ttl, expiresAt: _expiresAt, ...rest } = doc as T & Partial<Expiry>;
    const days = this.rule(doc);
    return (days === undefined ? rest : { ...rest, ...expiryOf(days, this.now()) }) as T;
  }

  /** Once a document finishes, the documents that belong to it get the same expiry (each written once more). */
  private async expireCompanions(doc: T): Promise<void> {
    const days = this.rule(doc);
    const group = days === undefined ? undefined : this.companions?.(doc);
    if (days === undefined || !group) return;
    const expiry = expiryOf(days, this.now());
    for (const found of await this.inner.findInPartition(group.pk, group.fields as Partial<Record<keyof T & string, string>>)) {
      await this.inner.replace({ ...found.value, ...expiry }, found.etag);
    }
  }
}
