import type { Actor, RefusalReason, Verdict } from './admin-guard';
import { decideRoleChange } from './appoint-rules';
import type { RoleDeps } from './role-deps';
import { tellRoleChange } from './role-notices';
import { roleId, rolesCollection, rolesPartition, type StoredRole } from './role-record';
import { laIdOf, roleAction, type RoleScope } from './role-scope';

/** An appointment to end, as the Remove button names it (a claim the server checks). */
export interface RemoveRequest {
  role: StoredRole;
  scopeId: string;
  personId: string;
}

/** What a removal did. */
export type RemoveOutcome =
  | { kind: 'removed'; personName?: string; scope: RoleScope }
  | { kind: 'gone' }
  | { kind: 'refused'; reason: RefusalReason };

/**
 * Ends one appointment. The scope is read from the store by the guard, the appointment
 * itself by key, and for a school the number of its administrators from the tenant's
 * partition, so the rules (only from above for the last one) see what is stored, not what
 * the card said. The act is audited and the person told.
 */
export async function removeAdmin(deps: RoleDeps, actor: Actor, request: RemoveRequest, now: Date): Promise<RemoveOutcome> {
  const { guard } = deps.schools;
  const tenantId = actor.identity.tenantId;
  const action = roleAction('remove', request.role);
  let verdict: Verdict<RoleScope>;
  if (request.role === 'la-admin') {
    const v = await guard.forLa(actor, action, request.scopeId, now);
    verdict = v.ok ? { ...v, target: { kind: 'la', laId: v.target } } : v;
  } else {
    const v = await guard.forSchool(actor, action, request.scopeId, now);
    verdict = v.ok ? { ...v, target: { kind: 'school', school: v.target } } : v;
  }
  if (!verdict.ok) return { kind: 'refused', reason: verdict.reason };
  const scope = verdict.target;

  const roles = deps.store.collection(rolesCollection);
  const pk = rolesPartition(tenantId);
  const id = roleId(request.role, request.scopeId, request.personId);
  const record = (await roles.read(id, pk))?.value;
  if (!record) return { kind: 'gone' };
  const holders = request.role === 'school-admin' ? (await roles.findInPartition(pk, { kind: 'role', role: 'school-admin', scopeId: request.scopeId })).length : undefined;
  const target = { kind: 'person' as const, id: record.aadObjectId, label: `${record.name ?? record.aadObjectId}, ${scope.kind === 'la' ? scope.laId : scope.school.name}`.slice(0, 200) };
  const reason = decideRoleChange({ act: 'remove', role: request.role, acting: verdict.role, actorId: actor.identity.aadObjectId, personId: record.aadObjectId, holders });
  if (reason) {
    await guard.refuse(actor, action, target, reason, now, laIdOf(scope));
    return { kind: 'refused', reason };
  }
  await roles.delete(id, pk);
  await guard.done(actor, verdict.role, action, target, now, laIdOf(scope));
  await tellRoleChange(deps.outbox, deps.content, { act: 'removed', tenantId, personId: record.aadObjectId, scope, byName: actor.name }, now);
  return { kind: 'removed', personName: record.name, scope };
}
