import type { HeldRoles } from '../roles/admin-scope';
import { strings } from '../i18n/strings';
import { Verbs, type Verb } from '../../cards/verbs';
import type { CardAction } from '../../cards/card-kit';
import type { Language } from '../users/user-record';

type AdminCommand = keyof ReturnType<typeof strings>['help']['adminCommands'];
type AdminButton = keyof ReturnType<typeof strings>['helpCards']['adminButtons'];
/** An administrator role, as a person's document remembers it for their help card. */
export type HeldRole = 'tenant-admin' | 'la-admin' | 'school-admin';

/** Which administrator commands each role may use; a route still decides every act itself. */
const COMMANDS_BY_ROLE: Record<HeldRole, AdminCommand[]> = {
  'tenant-admin': ['schools', 'school', 'members', 'importManagers', 'roles', 'audit', 'figures', 'linkSchool', 'broadcast', 'admin'],
  'la-admin': ['schools', 'school', 'members', 'importManagers', 'roles', 'audit', 'figures', 'linkSchool', 'broadcast', 'admin'],
  'school-admin': ['school', 'members', 'importManagers', 'roles', 'figures', 'linkSchool', 'broadcast', 'admin'],
};

/** The card each administrator command opens, for its button on the help card. */
const BUTTON_VERBS: Record<AdminButton, Verb> = {
  schools: Verbs.showRegister,
  school: Verbs.showSchoolAdmin,
  members: Verbs.showMembers,
  importManagers: Verbs.showManagerImport,
  roles: Verbs.showRoles,
  audit: Verbs.showAudit,
};

/** The roles someone holds, as the help hint on their document remembers them. */
export function heldRoleNames(held: HeldRoles): HeldRole[] {
  return [...(held.tenant ? ['tenant-admin' as const] : []), ...(held.las.length > 0 ? ['la-admin' as const] : []), ...(held.schools.length > 0 ? ['school-admin' as const] : [])];
}

function allowedFor(roles: readonly HeldRole[]): Set<AdminCommand> {
  return new Set(roles.flatMap((role) => COMMANDS_BY_ROLE[role]));
}

/** The commands, in the reader's language, that the roles give; none for someone with none. */
export function adminCommandsFor(language: Language, roles: readonly HeldRole[]): { command: string; text: string }[] {
  const allowed = allowedFor(roles);
  const s = strings(language).help.adminCommands;
  return (Object.keys(s) as AdminCommand[]).filter((c) => allowed.has(c)).map((c) => s[c]);
}

/** A button for each of those commands that opens a card (typed-only ones, like `link school`, have none). */
export function adminButtonsFor(language: Language, roles: readonly HeldRole[]): CardAction[] {
  const allowed = allowedFor(roles);
  const titles = strings(language).helpCards.adminButtons;
  return (Object.keys(BUTTON_VERBS) as AdminButton[]).filter((b) => allowed.has(b)).map((b) => ({ title: titles[b], verb: BUTTON_VERBS[b], data: {} }));
}
