import type { InductionItem } from '../content/induction-schemas';
import type { Store } from '../storage/store';
import type { UserRecord } from '../users/user-record';
import { schoolKey, type SchoolSettings } from './school-settings';

/**
 * The id of the school whose settings apply to a person: the first of their schools that
 * has CONFIRMED them (a school someone only asked to join shapes nothing of theirs).
 */
export function firstConfirmedSchoolId(user: Pick<UserRecord, 'schools'>): string | undefined {
  return user.schools?.find((m) => m.status === 'confirmed')?.schoolId;
}

/** The settings of the person's first confirmed school (one point read), or none. */
export async function schoolOf(store: Pick<Store, 'schools'>, user: UserRecord): Promise<SchoolSettings | undefined> {
  const schoolId = firstConfirmedSchoolId(user);
  if (!schoolId) return undefined;
  const key = schoolKey(user.tenantId, schoolId);
  return (await store.schools.read(key, key))?.value;
}

/** The school's own items, shaped like national ones, to sit beside them in a checklist. */
export function schoolItems(school: SchoolSettings | undefined, why: { en: string; cy: string }): InductionItem[] {
  return (school?.items ?? []).map((i) => ({ id: i.id, stage: i.stage, title: i.title, what: i.what, why, signOff: i.signOff, dayOffset: i.dayOffset }));
}
