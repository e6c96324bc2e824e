import type { SchoolEntry } from './school-entry';
import { foldSchoolName } from '../school/school-settings';

/** Schools whose Welsh or English name holds the fragment, open ones first (at most `limit`). */
export function findSchools(entries: readonly SchoolEntry[], fragment: string, limit: number): SchoolEntry[] {
  const wanted = foldSchoolName(fragment);
  if (wanted === '') return [];
  const hits = entries.filter((e) => foldSchoolName(e.name).includes(wanted) || (e.altName !== undefined && foldSchoolName(e.altName).includes(wanted)));
  return hits.sort((a, b) => Number(b.open) - Number(a.open)).slice(0, limit);
}
