import { renderRolesCard, type RolesCardData, type RolesCardRow } from '../../cards/roles-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { fill, strings } from '../i18n/strings';
import { userKey, type Language, type UserIdentity } from '../users/user-record';
import type { HeldRoles } from './admin-scope';
import { laChoices, laName } from './la-options';
import type { RoleDeps } from './role-deps';
import { rolesCollection, rolesPartition, type RoleRecord } from './role-record';
import { visibleAppointments } from './visible-appointments';

/** Appointments per page of the roles card: keeps it far under what Teams delivers. */
export const ROLES_PAGE_SIZE = 20;

/** Every appointment of the tenant and what the reader holds among them: one partition read. */
export async function readRoles(deps: RoleDeps, identity: UserIdentity): Promise<{ records: RoleRecord[]; held: HeldRoles }> {
  const found = await deps.store.collection(rolesCollection).findInPartition(rolesPartition(identity.tenantId), { kind: 'role' });
  const records = found.map((r) => r.value);
  const mine = records.filter((r) => r.aadObjectId === identity.aadObjectId.toLowerCase());
  return {
    records,
    held: {
      tenant: deps.schools.scope.overTenant(identity) === 'tenant-admin',
      las: mine.filter((r) => r.role === 'la-admin').map((r) => r.scopeId),
      schools: mine.filter((r) => r.role === 'school-admin').map((r) => r.scopeId),
    },
  };
}

/** What the card shows besides the list: a message and what was typed into the form. */
export type RolesExtras = Pick<RolesCardData, 'lead' | 'leadTone' | 'person' | 'role' | 'laId' | 'school' | 'personError' | 'laError' | 'schoolError'>;

/**
 * The roles card for one reader and one page: the appointments within their scope (names of
 * people Cefnogi has since met are read for that page only), a Remove button where the rules
 * allow, and the appointment form.
 */
export async function rolesCard(deps: RoleDeps, identity: UserIdentity, roles: { records: RoleRecord[]; held: HeldRoles }, language: Language, page: number, extras: RolesExtras = {}): Promise<AdaptiveCardJson> {
  const s = strings(language).roles;
  const catalogue = await deps.schools.register.catalogue(identity.tenantId);
  const byId = new Map(catalogue.map((school) => [school.id, school]));
  const visible = visibleAppointments(roles.records, roles.held, identity.aadObjectId, {
    school: (id) => byId.get(id),
    laName: (id) => laName(deps.content, id, language),
  });
  const pages = Math.max(1, Math.ceil(visible.length / ROLES_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const shown = visible.slice((current - 1) * ROLES_PAGE_SIZE, current * ROLES_PAGE_SIZE);
  const names = await namesOf(deps, identity.tenantId, shown.filter((v) => !v.record.name).map((v) => v.record.aadObjectId));
  const rows: RolesCardRow[] = shown.map(({ record, scopeName, removable }) => {
    const name = record.name ?? names.get(record.aadObjectId) ?? s.unknownName;
    const roleName = s.roleNames[record.role];
    const scope = scopeName.slice(0, 160);
    return { name, roleName, scope, role: record.role, scopeId: record.scopeId, personId: record.aadObjectId, removable, removeLabel: fill(s.removeLabel, { name, role: roleName, scope }) };
  });
  const onlyFromAbove = roles.held.tenant || roles.held.las.length > 0;
  const fromCard = extras.school ?? (roles.held.schools.length === 1 && !onlyFromAbove ? roles.held.schools[0] : '');
  return renderRolesCard(language, {
    ...extras,
    school: fromCard,
    rows,
    page: current,
    pageText: fill(s.page, { page: String(current), pages: String(pages), count: String(visible.length) }),
    hasPrevious: current > 1,
    hasNext: current < pages,
    canAppointLa: roles.held.tenant,
    laChoices: laChoices(deps.content, language),
    showAudit: onlyFromAbove,
  });
}

/** Names of people Cefnogi has met since they were appointed: a point read each, for one page. */
async function namesOf(deps: RoleDeps, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const found = await Promise.all(
    ids.map(async (aadObjectId) => {
      const key = userKey({ tenantId, aadObjectId });
      return [aadObjectId, (await deps.store.users.read(key, key))?.value.name?.slice(0, 100)] as const;
    }),
  );
  return new Map(found.filter((f): f is readonly [string, string] => f[1] !== undefined && f[1] !== ''));
}
