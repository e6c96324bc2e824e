import { z } from 'zod';
import { isConflict } from '../storage/storage-errors';
import { userKey } from '../users/user-record';
import type { Actor, RefusalReason, Verdict } from './admin-guard';
import { decideRoleChange } from './appoint-rules';
import { laIdInput } from './la-options';
import type { RoleDeps } from './role-deps';
import { tellRoleChange } from './role-notices';
import { roleId, rolesCollection, rolesPartition, type StoredRole } from './role-record';
import { laIdOf, roleAction, scopeIdOf, type RoleScope } from './role-scope';
import { readTypedSchool, schoolByName } from './school-lookup';

/** An Entra object id, as Teams' people picker gives it. */
export const objectIdInput = z.string().trim().toLowerCase().pipe(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));

/** An appointment as the form sends it (shapes only; the rules decide the rest). */
export interface AppointRequest {
  person: string;
  role: StoredRole;
  laId: string;
  school: string;
}

/** What an appointment did. */
export type AppointOutcome =
  | { kind: 'appointed' | 'already'; personName?: string; scope: RoleScope }
  | { kind: 'refused'; reason: RefusalReason }
  | { kind: 'invalid'; field: 'person' | 'la' | 'school' | 'school-no-match' | 'school-several' };

/**
 * Appoints a person to administer an authority or a school. The scope is read from the
 * store (the guard refuses and audits an unknown or foreign one), the rules refuse
 * appointing oneself or an LA role below the organisation, and only then is one record
 * created; the act is audited and the appointee told. A person Cefnogi has not met can be
 * appointed: their name is filled in when they come.
 */
export async function appointAdmin(deps: RoleDeps, actor: Actor, request: AppointRequest, now: Date): Promise<AppointOutcome> {
  const { guard, register } = deps.schools;
  const tenantId = actor.identity.tenantId;
  const person = objectIdInput.safeParse(request.person);
  if (!person.success) return { kind: 'invalid', field: 'person' };
  const personId = person.data;
  const action = roleAction('appoint', request.role);

  let verdict: Verdict<RoleScope>;
  if (request.role === 'la-admin') {
    const laId = laIdInput.safeParse(request.laId);
    if (!laId.success) return { kind: 'invalid', field: 'la' };
    const v = await guard.forLa(actor, action, laId.data, now);
    verdict = v.ok ? { ...v, target: { kind: 'la', laId: v.target } } : v;
  } else {
    const catalogue = await register.catalogue(tenantId);
    const typed = readTypedSchool(request.school, catalogue);
    if (typed.kind === 'unreadable') return { kind: 'invalid', field: 'school' };
    const named = typed.kind === 'name' ? schoolByName(typed.text, catalogue, await deps.schools.scope.held(actor.identity)) : typed;
    if (named.kind !== 'id') return { kind: 'invalid', field: named.kind === 'no-match' ? 'school-no-match' : 'school-several' };
    const v = await guard.forSchool(actor, action, named.schoolId, now);
    verdict = v.ok ? { ...v, target: { kind: 'school', school: v.target } } : v;
  }
  if (!verdict.ok) return { kind: 'refused', reason: verdict.reason };
  const scope = verdict.target;
  const key = userKey({ tenantId, aadObjectId: personId });
  const personName = (await deps.store.users.read(key, key))?.value.name?.slice(0, 100);
  const label = `${personName ?? personId}, ${scope.kind === 'la' ? scope.laId : scope.school.name}`.slice(0, 200);
  const target = { kind: 'person' as const, id: personId, label };
  const reason = decideRoleChange({ act: 'appoint', role: request.role, acting: verdict.role, actorId: actor.identity.aadObjectId, personId });
  if (reason) {
    await guard.refuse(actor, action, target, reason, now, laIdOf(scope));
    return { kind: 'refused', reason };
  }

  try {
    await deps.store.collection(rolesCollection).create({
      id: roleId(request.role, scopeIdOf(scope), personId),
      pk: rolesPartition(tenantId),
      kind: 'role',
      tenantId: tenantId.toLowerCase(),
      role: request.role,
      scopeId: scopeIdOf(scope),
      aadObjectId: personId,
      ...(personName ? { name: personName } : {}),
      appointedBy: actor.identity.aadObjectId.toLowerCase(),
      appointedAt: now.toISOString(),
    });
  } catch (err) {
    if (isConflict(err)) return { kind: 'already', personName, scope };
    throw err;
  }
  await guard.done(actor, verdict.role, action, target, now, laIdOf(scope));
  await tellRoleChange(deps.outbox, deps.content, { act: 'appointed', tenantId, personId, scope, byName: actor.name }, now);
  return { kind: 'appointed', personName, scope };
}
