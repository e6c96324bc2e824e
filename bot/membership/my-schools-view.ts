import { renderMySchoolsCard, type MySchoolsCardData } from '../../cards/my-schools-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { SchoolRegister } from '../register/school-register';
import type { Language, UserRecord } from '../users/user-record';
import type { SchoolMembership } from './membership-record';
import { schoolTitle, type LaNameOf } from './school-match';

/** One of a person's schools as their own views show it. */
export interface NamedMembership {
  schoolId: string;
  title: string;
  status: SchoolMembership['status'];
}

/**
 * The person's schools (from their own document's mirror) with their names from the
 * catalogue (cached, one read at most); a school missing from it is read by key, so a
 * school just added elsewhere still has its name.
 */
export async function namedMemberships(register: SchoolRegister, user: UserRecord, laName?: LaNameOf): Promise<NamedMembership[]> {
  const mine = user.schools ?? [];
  if (mine.length === 0) return [];
  const byId = new Map((await register.catalogue(user.tenantId)).map((e) => [e.id, e] as const));
  return Promise.all(
    mine.map(async (m) => {
      const entry = byId.get(m.schoolId) ?? (await register.school(user.tenantId, m.schoolId))?.value.entry;
      return { schoolId: m.schoolId, title: entry ? schoolTitle(entry, laName) : m.schoolId, status: m.status };
    }),
  );
}

/** The "my schools" card for `user`, with what the last act said and any find results. */
export async function mySchoolsCard(
  language: Language,
  register: SchoolRegister,
  user: UserRecord,
  extra: Omit<MySchoolsCardData, 'schools'> = {},
  laName?: LaNameOf,
): Promise<AdaptiveCardJson> {
  return renderMySchoolsCard(language, { ...extra, schools: await namedMemberships(register, user, laName) });
}
