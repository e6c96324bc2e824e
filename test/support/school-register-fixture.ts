import { createSchoolRegister } from '../../bot/register/school-register';
import type { SchoolEntry } from '../../bot/register/school-entry';
import type { SchoolInput } from '../../bot/register/school-register';
import type { Store } from '../../bot/storage/store';
import { membershipsCollection } from '../../bot/membership/membership-record';
import { rolesCollection, rolesPartition, roleId } from '../../bot/roles/role-record';
import { schoolKey } from '../../bot/school/school-settings';
import { updateDocument } from '../../bot/storage/update-document';
import { userKey } from '../../bot/users/user-record';
import type { SchoolSettings } from '../../bot/school/school-settings';

/** An open school of the register, named as a test needs it. */
export function school(name: string, extra: Partial<SchoolInput> = {}): SchoolInput {
  return { name, laId: 'ceredigion', sector: 'primary', languageCategory: 'welsh-medium', open: true, ...extra };
}

/** Puts schools in a tenant's register (the way the register's own card will) and answers their entries by name. */
export async function registerSchools(store: Store, tenantId: string, inputs: SchoolInput[], now = new Date()): Promise<Map<string, SchoolEntry>> {
  const saved = await createSchoolRegister(store).save(tenantId, inputs, 'test-setup', now);
  if (saved.kind !== 'saved') throw new Error('register refused the test schools');
  return new Map([...saved.added, ...saved.updated].map((e) => [e.name, e]));
}

/** Appoints a school or local-authority administrator, as the roles card will. */
export async function appointAdmin(store: Store, tenantId: string, role: 'school-admin' | 'la-admin', scopeId: string, aadObjectId: string): Promise<void> {
  await store.collection(rolesCollection).create({
    id: roleId(role, scopeId, aadObjectId),
    pk: rolesPartition(tenantId),
    kind: 'role',
    tenantId: tenantId.toLowerCase(),
    role,
    scopeId,
    aadObjectId: aadObjectId.toLowerCase(),
    appointedBy: 'test-setup',
    appointedAt: new Date().toISOString(),
  });
}

/** Appoints a school administrator, as the roles card will. */
export async function appointSchoolAdmin(store: Store, tenantId: string, schoolId: string, aadObjectId: string): Promise<void> {
  await appointAdmin(store, tenantId, 'school-admin', schoolId, aadObjectId);
}

/**
 * A person already confirmed at a school (their membership and their own mirror), as a
 * school's earlier confirmation leaves it; for suites about something else that only need
 * a person's school to count. The person must have used Cefnogi (their document exists).
 */
export async function confirmedAt(store: Store, tenantId: string, schoolId: string, aadObjectId: string, now = new Date()): Promise<void> {
  const key = userKey({ tenantId, aadObjectId });
  await store.collection(membershipsCollection).create({
    id: key,
    pk: schoolKey(tenantId, schoolId),
    kind: 'membership',
    tenantId: tenantId.toLowerCase(),
    schoolId,
    aadObjectId: aadObjectId.toLowerCase(),
    status: 'confirmed',
    source: 'import',
    requestedAt: now.toISOString(),
    decidedAt: now.toISOString(),
    decidedBy: 'test-setup',
  });
  const saved = await updateDocument(store.users, key, key, (user) =>
    user ? { ...user, schools: [...(user.schools ?? []), { schoolId, status: 'confirmed' as const, since: now.toISOString() }] } : undefined,
  );
  if (!saved) throw new Error('confirmedAt: the person has not used Cefnogi yet');
}

/** Changes a registered school's settings directly (holidays, items), as its settings card does. */
export async function changeSchoolSettings(store: Store, tenantId: string, schoolId: string, change: (school: SchoolSettings) => SchoolSettings): Promise<void> {
  const key = schoolKey(tenantId, schoolId);
  const saved = await updateDocument(store.schools, key, key, (current) => (current ? change(current) : undefined));
  if (!saved) throw new Error('changeSchoolSettings: no such registered school');
}
