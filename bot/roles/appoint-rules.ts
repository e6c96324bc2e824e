import type { RefusalReason } from './admin-guard';
import type { ActingRole, HeldRoles } from './admin-scope';
import type { StoredRole } from './role-record';

/** Appointing someone to a role, or taking it away. */
export type RoleAct = 'appoint' | 'remove';

/** One change to one appointment, as the rules see it: every field comes from the server. */
export interface RoleChange {
  act: RoleAct;
  /** The role given or taken: over a local authority or over a school. */
  role: StoredRole;
  /** What the actor is over the target's stored scope (from the guard, or `actingRoleOver`). */
  acting: ActingRole;
  actorId: string;
  personId: string;
  /** For removing a school administrator: how many administrators the school has now. */
  holders?: number;
}

/**
 * Who may appoint and remove whom. A tenant administrator (from configuration) does both for
 * any local authority and any school; only they give or take local-authority roles. An LA
 * administrator does so for the schools of their authorities; a school administrator for
 * their own schools. Nobody appoints themselves, and a school's last administrator is
 * removed only from above, so a school is never left without one by its own staff. Answers
 * the refusal, or undefined when the change may go ahead.
 */
export function decideRoleChange(change: RoleChange): RefusalReason | undefined {
  if (change.acting === 'none') return 'not-an-admin';
  if (change.role === 'la-admin' && change.acting !== 'tenant-admin') return 'not-tenant-admin';
  const self = change.personId.toLowerCase() === change.actorId.toLowerCase();
  if (change.act === 'appoint') return self ? 'self' : undefined;
  if (change.role === 'school-admin' && change.acting === 'school-admin') {
    if ((change.holders ?? 0) <= 1) return 'last-admin';
    if (self) return 'self';
  }
  return undefined;
}

/** Where an appointment applies: a local authority, or a school with its stored authority. */
export type RolePlace = { kind: 'la'; laId: string } | { kind: 'school'; schoolId: string; laId: string };

/**
 * The strongest role `held` gives over `place`, as `AdminScope` decides it one place at a
 * time; used to draw many rows of the roles card from one read.
 */
export function actingRoleOver(held: HeldRoles, place: RolePlace): ActingRole {
  if (held.tenant) return 'tenant-admin';
  if (held.las.includes(place.laId)) return 'la-admin';
  if (place.kind === 'school' && held.schools.includes(place.schoolId)) return 'school-admin';
  return 'none';
}
