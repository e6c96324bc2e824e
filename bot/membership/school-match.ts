import type { SchoolEntry } from '../register/school-entry';
import { buildSchoolIndex, searchSchools, type SchoolIndex } from '../register/school-search';

/** Indexes of the open schools, per catalogue array (a new catalogue is a new array), so each keystroke reuses one. */
const openIndexes = new WeakMap<readonly SchoolEntry[], SchoolIndex>();

/**
 * Open schools matching what a person typed, best first: the register's search over either
 * name, ignoring case, accents and Welsh initial mutations ("ngaerdydd" finds "Caerdydd").
 * A closed school takes no new staff, so it is never offered.
 */
export function matchOpenSchools(entries: readonly SchoolEntry[], fragment: string, limit: number): SchoolEntry[] {
  let index = openIndexes.get(entries);
  if (!index) {
    index = buildSchoolIndex(entries.filter((e) => e.open));
    openIndexes.set(entries, index);
  }
  return searchSchools(index, fragment, limit);
}

/** An authority's name in the reader's language, from the content. */
export type LaNameOf = (laId: string) => string;

/**
 * How a school is named wherever a person chooses one: both its names and its local
 * authority by name, so two schools of the same name in different counties can be told
 * apart. Without `laName` the authority's id is shown.
 */
export function schoolTitle(entry: Pick<SchoolEntry, 'name' | 'altName' | 'laId'>, laName: LaNameOf = (id) => id): string {
  const names = entry.altName && entry.altName !== entry.name ? `${entry.name} / ${entry.altName}` : entry.name;
  return `${names} (${laName(entry.laId)})`;
}
