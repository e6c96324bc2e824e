import type { DocumentCollection, Stored } from '../storage/document-collection';
import type { Store } from '../storage/store';
import { isConflict } from '../storage/storage-errors';
import { userKey, type UserIdentity } from '../users/user-record';
import {
  channelIndexKey,
  memberId,
  plcCollection,
  plcIdSchema,
  plcPeopleCollection,
  resourceIdSchema,
  type Plc,
  type PlcDocument,
  type PlcPersonDocument,
  type PlcResource,
} from './plc-record';

/** The two collections PLCs live in. */
export interface PlcStore {
  plcs: DocumentCollection<PlcDocument>;
  people: DocumentCollection<PlcPersonDocument>;
}

/** Opens the PLC collections on the bot's store. */
export function plcStoreOf(store: Store): PlcStore {
  return { plcs: store.collection(plcCollection), people: store.collection(plcPeopleCollection) };
}

/** A PLC by id (one point read); undefined for an id that is malformed, unknown or of another tenant. */
export async function readPlc(s: PlcStore, tenantId: string, plcId: string): Promise<Stored<Plc> | undefined> {
  if (!plcIdSchema.safeParse(plcId).success) return undefined;
  const found = await s.plcs.read('plc', plcId);
  return found && found.value.kind === 'plc' && found.value.tenantId === tenantId ? (found as Stored<Plc>) : undefined;
}

/** The PLC a channel is part of (two point reads), if any. */
export async function plcOfChannel(s: PlcStore, tenantId: string, channelId: string): Promise<Stored<Plc> | undefined> {
  const index = (await s.plcs.read('channel', channelIndexKey(tenantId, channelId)))?.value;
  return index?.kind === 'plc-channel' ? readPlc(s, tenantId, index.plcId) : undefined;
}

/** A resource of a PLC (one point read); undefined for a malformed or unknown id. */
export async function readResource(s: PlcStore, plcId: string, resourceId: string): Promise<PlcResource | undefined> {
  if (!resourceIdSchema.safeParse(resourceId).success || !plcIdSchema.safeParse(plcId).success) return undefined;
  const found = (await s.plcs.read(resourceId, plcId))?.value;
  return found?.kind === 'plc-resource' ? found : undefined;
}

/** Whether the person is a member of the PLC (one point read in their own partition). */
export async function isPlcMember(s: PlcStore, identity: UserIdentity, plcId: string): Promise<boolean> {
  const found = (await s.people.read(memberId(plcId), userKey(identity)))?.value;
  return found?.kind === 'plc-member';
}

/** Every resource of a PLC: one partition read. */
export async function resourcesOf(s: PlcStore, plcId: string): Promise<PlcResource[]> {
  return (await s.plcs.findInPartition(plcId, { kind: 'plc-resource' })).map((r) => r.value).filter((r): r is PlcResource => r.kind === 'plc-resource');
}

/** Creates a document unless it exists; true when this call created it. */
export async function createOnce<T extends PlcDocument | PlcPersonDocument>(collection: DocumentCollection<T>, doc: T): Promise<boolean> {
  try {
    await collection.create(doc);
    return true;
  } catch (err) {
    if (isConflict(err)) return false;
    throw err;
  }
}
