import type { HeldRoles } from '../roles/admin-scope';
import { strings } from '../i18n/strings';
import type { Language } from '../users/user-record';

type AdminCommand = keyof ReturnType<typeof strings>['help']['adminCommands'];
type HeldRole = 'tenant-admin' | 'la-admin' | 'school-admin';

/** Which administrator commands each role may use; a route still decides every act itself. */
const COMMANDS_BY_ROLE: Record<HeldRole, AdminCommand[]> = {
  'tenant-admin': ['schools', 'school', 'members', 'importManagers', 'roles', 'audit', 'linkSchool', 'admin'],
  'la-admin': ['schools', 'school', 'members', 'importManagers', 'roles', 'audit', 'linkSchool', 'admin'],
  'school-admin': ['school', 'members', 'importManagers', 'roles', 'linkSchool', 'admin'],
};

/** The roles someone holds, as the help hint on their document remembers them. */
export function heldRoleNames(held: HeldRoles): HeldRole[] {
  return [...(held.tenant ? ['tenant-admin' as const] : []), ...(held.las.length > 0 ? ['la-admin' as const] : []), ...(held.schools.length > 0 ? ['school-admin' as const] : [])];
}

/** The commands, in the reader's language, that the roles give; none for someone with none. */
export function adminCommandsFor(language: Language, roles: readonly HeldRole[]): { command: string; text: string }[] {
  const allowed = new Set(roles.flatMap((role) => COMMANDS_BY_ROLE[role]));
  const s = strings(language).help.adminCommands;
  return (Object.keys(s) as AdminCommand[]).filter((c) => allowed.has(c)).map((c) => s[c]);
}
