import type { Config } from '../config';
import type { Store } from '../storage/store';
import type { UserIdentity } from '../users/user-record';
import { roleId, rolesCollection, rolesPartition, type RoleRecord } from './role-record';
import { isTenantAdmin } from './tenant-admins';

/** The role that allowed an act (or, for a refusal, the strongest the actor holds). */
export type ActingRole = 'tenant-admin' | 'la-admin' | 'school-admin' | 'none';

/** A school as far as authority goes: its id and its local authority, both from the store. */
export interface SchoolPlace {
  schoolId: string;
  laId: string;
}

/** Everything a person administers in their tenant. */
export interface HeldRoles {
  tenant: boolean;
  las: string[];
  schools: string[];
}

/** What someone holds, with the appointments behind it. */
export type HeldRolesWithRecords = HeldRoles & { records: RoleRecord[] };

/**
 * Who may act where, decided on the server from the actor's identity (from the activity)
 * and the target's stored school or local authority; card data confers nothing. Each
 * answer is one or two point reads.
 */
export interface AdminScope {
  overTenant(actor: UserIdentity): ActingRole;
  overLa(actor: UserIdentity, laId: string): Promise<ActingRole>;
  overSchool(actor: UserIdentity, school: SchoolPlace): Promise<ActingRole>;
  /** What the actor holds: one partition read (tenant administrators from configuration). */
  held(actor: UserIdentity): Promise<HeldRolesWithRecords>;
}

export function createAdminScope(config: Config, store: Store): AdminScope {
  const roles = store.collection(rolesCollection);
  const holds = async (actor: UserIdentity, role: RoleRecord['role'], scopeId: string) =>
    (await roles.read(roleId(role, scopeId, actor.aadObjectId), rolesPartition(actor.tenantId))) !== undefined;
  const overTenant = (actor: UserIdentity): ActingRole => (isTenantAdmin(config, actor) ? 'tenant-admin' : 'none');
  return {
    overTenant,
    async overLa(actor, laId) {
      if (isTenantAdmin(config, actor)) return 'tenant-admin';
      return (await holds(actor, 'la-admin', laId)) ? 'la-admin' : 'none';
    },
    async overSchool(actor, school) {
      if (isTenantAdmin(config, actor)) return 'tenant-admin';
      const [la, own] = await Promise.all([holds(actor, 'la-admin', school.laId), holds(actor, 'school-admin', school.schoolId)]);
      return la ? 'la-admin' : own ? 'school-admin' : 'none';
    },
    async held(actor) {
      const found = await roles.findInPartition(rolesPartition(actor.tenantId), { kind: 'role', aadObjectId: actor.aadObjectId.toLowerCase() });
      const records = found.map((r) => r.value);
      return {
        tenant: isTenantAdmin(config, actor),
        las: records.filter((r) => r.role === 'la-admin').map((r) => r.scopeId),
        schools: records.filter((r) => r.role === 'school-admin').map((r) => r.scopeId),
        records,
      };
    },
  };
}

/** The strongest role someone holds, for the audit of a refusal. */
export function strongestRole(held: HeldRoles): ActingRole {
  return held.tenant ? 'tenant-admin' : held.las.length > 0 ? 'la-admin' : held.schools.length > 0 ? 'school-admin' : 'none';
}
