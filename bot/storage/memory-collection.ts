import { randomUUID } from 'node:crypto';
import type { DocumentCollection, Keyed, PageRequest, Stored } from './document-collection';
import { itemBytes, MAX_ITEM_BYTES, TOO_LARGE_MESSAGE } from './item-size-limit';

/** Errors shaped like the Cosmos SDK's, so callers handle both stores the same way. */
function storeError(code: number, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * An in-memory DocumentCollection for unit tests of use cases. It passes the same
 * contract suite as the Cosmos one, so behaviour learnt on it holds in production.
 */
export class MemoryCollection<T extends Keyed> implements DocumentCollection<T> {
  private readonly docs = new Map<string, Stored<T>>();

  async read(id: string, pk: string): Promise<Stored<T> | undefined> {
    const found = this.docs.get(key(id, pk));
    return found && copy(found);
  }

  async create(doc: T): Promise<Stored<T>> {
    const k = key(doc.id, doc.pk);
    if (this.docs.has(k)) throw storeError(409, 'Entity with the specified id already exists in the system.');
    return this.put(k, doc);
  }

  async replace(doc: T, etag: string): Promise<Stored<T>> {
    const k = key(doc.id, doc.pk);
    const current = this.docs.get(k);
    if (!current) throw storeError(404, 'Entity with the specified id does not exist in the system.');
    if (current.etag !== etag) throw storeError(412, 'Operation cannot be performed because one of the specified precondition is not met.');
    return this.put(k, doc);
  }

  async delete(id: string, pk: string, etag?: string): Promise<void> {
    const current = this.docs.get(key(id, pk));
    if (current && etag !== undefined && current.etag !== etag) throw storeError(412, 'Operation cannot be performed because one of the specified precondition is not met.');
    this.docs.delete(key(id, pk));
  }

  async findInPartition(pk: string, fields: Partial<Record<string, string | number | boolean>>): Promise<Stored<T>[]> {
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
    return [...this.docs.values()]
      .filter((s) => s.value.pk === pk && entries.every(([f, v]) => (s.value as Record<string, unknown>)[f] === v))
      .map(copy);
  }

  async scanAllPartitions(fields: Partial<Record<string, string | number | boolean>>): Promise<Stored<T>[]> {
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
    return [...this.docs.values()].filter((s) => entries.every(([f, v]) => (s.value as Record<string, unknown>)[f] === v)).map(copy);
  }

  async findPageDescending(pk: string, fields: Partial<Record<string, string | number | boolean>>, page: PageRequest<T>): Promise<Stored<T>[]> {
    const field = (s: Stored<T>) => String((s.value as Record<string, unknown>)[page.orderBy]);
    return (await this.findInPartition(pk, fields))
      .filter((s) => page.before === undefined || field(s) < page.before)
      .sort((a, b) => (field(a) < field(b) ? 1 : field(a) > field(b) ? -1 : 0))
      .slice(0, page.limit);
  }

  async findExpired(now: string, limit: number): Promise<Stored<T>[]> {
    const expiry = (s: Stored<T>) => (s.value as Record<string, unknown>)['expiresAt'];
    return [...this.docs.values()]
      .filter((s) => { const at = expiry(s); return typeof at === 'string' && at <= now; })
      .slice(0, limit)
      .map(copy);
  }

  private put(k: string, doc: T): Stored<T> {
    // Checked before anything changes, as Cosmos refuses the request whole.
    if (itemBytes(doc) > MAX_ITEM_BYTES) throw storeError(413, TOO_LARGE_MESSAGE);
    const stored = { value: structuredClone(doc), etag: `"${randomUUID()}"` };
    this.docs.set(k, stored);
    return copy(stored);
  }
}

function key(id: string, pk: string): string {
  return JSON.stringify([pk, id]);
}

function copy<T>(s: Stored<T>): Stored<T> {
  return { value: structuredClone(s.value), etag: s.etag };
}
