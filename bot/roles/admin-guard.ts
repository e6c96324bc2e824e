import type { AuditLog } from '../audit/audit-log';
import type { AuditRecord } from '../audit/audit-record';
import type { AuditAction } from '../audit/audit-action';
import type { SchoolRegister } from '../register/school-register';
import type { SchoolEntry } from '../register/school-entry';
import type { UserIdentity } from '../users/user-record';
import type { Stored } from '../storage/document-collection';
import type { SchoolSettings } from '../school/school-settings';
import { strongestRole, type ActingRole, type AdminScope, type HeldRolesWithRecords } from './admin-scope';

/** Why an administrative act was refused; each has a message in both languages. */
export type RefusalReason =
  | 'unknown-school'
  | 'not-your-school'
  | 'not-your-la'
  | 'not-tenant-admin'
  | 'not-an-admin'
  | 'self'
  | 'last-admin'
  | 'unknown-la';

/** The act may go ahead in `role`; or it was refused (and audited) for `reason`. */
export type Verdict<T> = { ok: true; role: ActingRole; target: T } | { ok: false; reason: RefusalReason };

/** A school act may go ahead: with the school's document as the guard just read it, so the route need not read it again. */
export type SchoolVerdict = { ok: true; role: ActingRole; target: SchoolEntry; stored: Stored<SchoolSettings> } | { ok: false; reason: RefusalReason };

/** The actor as an act records them. */
export interface Actor {
  identity: UserIdentity;
  name?: string;
}

/**
 * Every administrative route asks here before it writes: the decision comes from the
 * actor (from the activity) and the target's stored school or authority, never from card
 * data, and every refusal is audited on the spot. The caller audits what it did with
 * `done` once the act has succeeded.
 */
export interface AdminGuard {
  forSchool(actor: Actor, action: AuditAction, schoolId: string, now: Date): Promise<SchoolVerdict>;
  forLa(actor: Actor, action: AuditAction, laId: string, now: Date): Promise<Verdict<string>>;
  forTenant(actor: Actor, action: AuditAction, now: Date): Promise<Verdict<string>>;
  /** Any administrator at all (to open an admin card that then lists only their own scope). */
  anyRole(actor: Actor, action: AuditAction, now: Date): Promise<Verdict<HeldRolesWithRecords>>;
  refuse(actor: Actor, action: AuditAction, target: AuditRecord['target'], reason: RefusalReason, now: Date, laId?: string): Promise<{ ok: false; reason: RefusalReason }>;
  done(actor: Actor, role: ActingRole, action: AuditAction, target: AuditRecord['target'], now: Date, laId?: string, note?: string): Promise<void>;
}

export function createAdminGuard(scope: AdminScope, register: SchoolRegister, audit: AuditLog, knownLa: (laId: string) => boolean): AdminGuard {
  const refuse: AdminGuard['refuse'] = async (actor, action, target, reason, now, laId) => {
    const role = strongestRole(await scope.held(actor.identity));
    await audit.record({ actor: actor.identity, actorName: actor.name, role, action, target, laId, outcome: 'refused', reason }, now);
    return { ok: false, reason };
  };
  return {
    refuse,
    async forSchool(actor, action, schoolId, now) {
      const target = { kind: 'school' as const, id: schoolId.slice(0, 200) };
      const stored = await register.school(actor.identity.tenantId, schoolId);
      const school = stored?.value.entry;
      if (!stored || !school) return refuse(actor, action, target, 'unknown-school', now);
      const role = await scope.overSchool(actor.identity, { schoolId: school.id, laId: school.laId });
      if (role === 'none') return refuse(actor, action, { ...target, label: school.name }, 'not-your-school', now, school.laId);
      return { ok: true, role, target: school, stored };
    },
    async forLa(actor, action, laId, now) {
      const target = { kind: 'la' as const, id: laId.slice(0, 200) };
      if (!knownLa(laId)) return refuse(actor, action, target, 'unknown-la', now);
      const role = await scope.overLa(actor.identity, laId);
      if (role === 'none') return refuse(actor, action, target, 'not-your-la', now, laId);
      return { ok: true, role, target: laId };
    },
    async forTenant(actor, action, now) {
      const role = scope.overTenant(actor.identity);
      const target = { kind: 'tenant' as const, id: actor.identity.tenantId.toLowerCase() };
      if (role === 'none') return refuse(actor, action, target, 'not-tenant-admin', now);
      return { ok: true, role, target: target.id };
    },
    async anyRole(actor, action, now) {
      const held = await scope.held(actor.identity);
      const role = strongestRole(held);
      if (role === 'none') return refuse(actor, action, { kind: 'tenant', id: actor.identity.tenantId.toLowerCase() }, 'not-an-admin', now);
      return { ok: true, role, target: held };
    },
    async done(actor, role, action, target, now, laId, note) {
      await audit.record({ actor: actor.identity, actorName: actor.name, role, action, target, laId, outcome: 'done', ...(note ? { reason: note } : {}) }, now);
    },
  };
}
