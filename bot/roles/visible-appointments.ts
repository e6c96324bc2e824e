import type { SchoolEntry } from '../register/school-entry';
import type { HeldRoles } from './admin-scope';
import { actingRoleOver, decideRoleChange, type RolePlace } from './appoint-rules';
import type { RoleRecord } from './role-record';

/** One appointment the reader may see, with whether the rules let them end it. */
export interface VisibleAppointment {
  record: RoleRecord;
  /** The authority's or the school's name in the reader's language (the id if unknown). */
  scopeName: string;
  removable: boolean;
}

/** How the listing finds a school's authority and an authority's name. */
export interface Places {
  school(schoolId: string): SchoolEntry | undefined;
  laName(laId: string): string;
}

/**
 * From every appointment of the tenant (one partition read), those within the reader's
 * scope: all for an organisation administrator; their authorities and those authorities'
 * schools for an LA administrator; their own schools for a school administrator. Ordered
 * by scope, authorities before schools, then by name. A school no longer in the register
 * is seen only from the organisation.
 */
export function visibleAppointments(records: readonly RoleRecord[], held: HeldRoles, actorId: string, places: Places): VisibleAppointment[] {
  const schoolAdmins = new Map<string, number>();
  for (const r of records) if (r.role === 'school-admin') schoolAdmins.set(r.scopeId, (schoolAdmins.get(r.scopeId) ?? 0) + 1);
  const seen: VisibleAppointment[] = [];
  for (const record of records) {
    const school = record.role === 'school-admin' ? places.school(record.scopeId) : undefined;
    const place: RolePlace =
      record.role === 'la-admin' ? { kind: 'la', laId: record.scopeId } : { kind: 'school', schoolId: record.scopeId, laId: school?.laId ?? '' };
    const acting = actingRoleOver(held, place);
    if (acting === 'none') continue;
    const refusal = decideRoleChange({ act: 'remove', role: record.role, acting, actorId, personId: record.aadObjectId, holders: schoolAdmins.get(record.scopeId) });
    const scopeName = record.role === 'la-admin' ? places.laName(record.scopeId) : (school?.name ?? record.scopeId);
    seen.push({ record, scopeName, removable: refusal === undefined });
  }
  const collator = new Intl.Collator('en-GB', { sensitivity: 'base' });
  return seen.sort(
    (a, b) =>
      collator.compare(a.scopeName, b.scopeName) ||
      a.record.role.localeCompare(b.record.role) ||
      collator.compare(a.record.name ?? '\uffff', b.record.name ?? '\uffff') ||
      a.record.aadObjectId.localeCompare(b.record.aadObjectId),
  );
}
