import type { Store } from '../storage/store';
import type { Stored } from '../storage/document-collection';
import { isConflict, isPreconditionFailed } from '../storage/storage-errors';
import {
  broadcastReadsCollection,
  broadcastsCollection,
  broadcastsPartition,
  readsPartition,
  type BroadcastRead,
  type BroadcastRecord,
} from './broadcast-record';

/**
 * The broadcasts of a tenant and who confirmed reading them. Every lookup is inside the
 * acting person's tenant partition, so an id from another tenant is simply not found.
 */
export interface BroadcastStore {
  get(tenantId: string, id: string): Promise<Stored<BroadcastRecord> | undefined>;
  create(record: BroadcastRecord): Promise<Stored<BroadcastRecord>>;
  /** Replaces a draft as read; false when someone (a second Send) changed it meanwhile. */
  replace(record: BroadcastRecord, etag: string): Promise<boolean>;
  /** The tenant's broadcasts, or one author's, newest first. */
  list(tenantId: string, authorId?: string): Promise<BroadcastRecord[]>;
  /** Records the person's confirmation once: a second press answers the first one's record and writes nothing. */
  confirmRead(tenantId: string, broadcastId: string, person: string, now: Date, version: number): Promise<BroadcastRead>;
  readOf(tenantId: string, broadcastId: string, person: string): Promise<BroadcastRead | undefined>;
  /** Everyone who confirmed: one partition read. */
  reads(tenantId: string, broadcastId: string): Promise<BroadcastRead[]>;
}

export function createBroadcastStore(store: Store): BroadcastStore {
  const broadcasts = store.collection(broadcastsCollection);
  const reads = store.collection(broadcastReadsCollection);
  return {
    get: (tenantId, id) => broadcasts.read(id, broadcastsPartition(tenantId)),
    create: (record) => broadcasts.create(record),
    async replace(record, etag) {
      try {
        await broadcasts.replace(record, etag);
        return true;
      } catch (err) {
        if (isPreconditionFailed(err)) return false;
        throw err;
      }
    },
    async list(tenantId, authorId) {
      const found = await broadcasts.findInPartition(broadcastsPartition(tenantId), authorId ? { kind: 'broadcast', authorId } : { kind: 'broadcast' });
      return found.map((f) => f.value).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    async confirmRead(tenantId, broadcastId, person, now, version) {
      const record: BroadcastRead = { id: person, pk: readsPartition(tenantId, broadcastId), kind: 'broadcast-read', broadcastId, readAt: now.toISOString(), version };
      try {
        return (await reads.create(record)).value;
      } catch (err) {
        if (!isConflict(err)) throw err;
        return (await reads.read(record.id, record.pk))?.value ?? record;
      }
    },
    async readOf(tenantId, broadcastId, person) {
      return (await reads.read(person, readsPartition(tenantId, broadcastId)))?.value;
    },
    async reads(tenantId, broadcastId) {
      return (await reads.findInPartition(readsPartition(tenantId, broadcastId), { kind: 'broadcast-read' })).map((r) => r.value);
    },
  };
}
