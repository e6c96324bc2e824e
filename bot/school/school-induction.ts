import type { InductionItem } from '../content/induction-schemas';
import type { Store } from '../storage/store';
import type { UserRecord } from '../users/user-record';
import { legacySchoolKey, type SchoolSettings } from './school-settings';

/** The settings of the school a person names in their profile, if an administrator made any. */
export async function schoolOf(store: Pick<Store, 'schools'>, user: UserRecord): Promise<SchoolSettings | undefined> {
  const name = user.profile?.school;
  if (!name) return undefined;
  const key = legacySchoolKey(user.tenantId, name);
  return (await store.schools.read(key, key))?.value;
}

/** The school's own items, shaped like national ones, to sit beside them in a checklist. */
export function schoolItems(school: SchoolSettings | undefined, why: { en: string; cy: string }): InductionItem[] {
  return (school?.items ?? []).map((i) => ({ id: i.id, stage: i.stage, title: i.title, what: i.what, why, signOff: i.signOff, dayOffset: i.dayOffset }));
}
