import type { SchoolEntry } from './school-entry';
import { buildSchoolIndex, searchSchools, type SchoolIndex } from './school-search';

/**
 * Indexes already built, per list of entries: the register's catalogue is one array for as
 * long as an instance keeps it (a change gives a new array), so a search-as-you-type
 * keystroke reuses the index instead of folding every name again.
 */
const indexes = new WeakMap<readonly SchoolEntry[], SchoolIndex>();

/** The search index of `entries`, built once per array. */
export function schoolIndexOf(entries: readonly SchoolEntry[]): SchoolIndex {
  let index = indexes.get(entries);
  if (!index) {
    index = buildSchoolIndex(entries);
    indexes.set(entries, index);
  }
  return index;
}

/**
 * Schools matching what was typed, by either name with Welsh mutations undone, best first
 * and open ones before closed within each rank (at most `limit`): the register's own search.
 */
export function findSchools(entries: readonly SchoolEntry[], fragment: string, limit: number): SchoolEntry[] {
  return searchSchools(schoolIndexOf(entries), fragment, limit);
}
