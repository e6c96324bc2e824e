import type { Actor } from '../roles/admin-guard';
import type { HeldRoles } from '../roles/admin-scope';
import type { BroadcastStore } from './broadcast-store';

/**
 * A broadcast the actor may work on: in their own tenant's partition (so another tenant's id
 * is not found), and their own unless they administer the whole tenant.
 */
export async function ownBroadcast(broadcasts: BroadcastStore, actor: Actor, held: HeldRoles, id: string) {
  const stored = await broadcasts.get(actor.identity.tenantId, id);
  if (!stored) return undefined;
  if (!held.tenant && stored.value.authorId !== actor.identity.aadObjectId.toLowerCase()) return undefined;
  return stored;
}
