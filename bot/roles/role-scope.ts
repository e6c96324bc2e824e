import type { AuditAction } from '../audit/audit-action';
import type { Content } from '../content/content';
import type { SchoolEntry } from '../register/school-entry';
import type { Language } from '../users/user-record';
import { laName } from './la-options';
import type { StoredRole } from './role-record';

/** Where an appointment applies, as read from the store: an authority, or a registered school. */
export type RoleScope = { kind: 'la'; laId: string } | { kind: 'school'; school: SchoolEntry };

/** The role an appointment over this scope gives. */
export function roleOf(scope: RoleScope): StoredRole {
  return scope.kind === 'la' ? 'la-admin' : 'school-admin';
}

/** The scope's id as role records keep it. */
export function scopeIdOf(scope: RoleScope): string {
  return scope.kind === 'la' ? scope.laId : scope.school.id;
}

/** The local authority a scope belongs to, for the audit's per-authority view. */
export function laIdOf(scope: RoleScope): string {
  return scope.kind === 'la' ? scope.laId : scope.school.laId;
}

/** The scope by name in `language`: the authority's name from the content, or the school's. */
export function scopeName(content: Content, scope: RoleScope, language: Language): string {
  return scope.kind === 'la' ? laName(content, scope.laId, language) : scope.school.name;
}

/** The audit's name for acting on a role, e.g. `roles.appointSchoolAdmin`. */
export function roleAction(act: 'appoint' | 'remove', role: StoredRole): AuditAction {
  return `roles.${act}${role === 'la-admin' ? 'LaAdmin' : 'SchoolAdmin'}`;
}
