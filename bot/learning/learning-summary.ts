import { KEY_AREA_IDS, STANDARD_IDS, type KeyAreaId, type StandardId } from '../appraisal/appraisal-state';
import type { LearningEntry } from './learning-entry';
import type { LearningListInput } from './learning-input';

/**
 * The school year an entry falls in, named by the year it starts (September to August),
 * the year an appraisal cycle and most school records use.
 */
export function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? year : year - 1;
}

/** The entries the list's filters keep. */
export function filterEntries(entries: readonly LearningEntry[], filter: Pick<LearningListInput, 'filterYear' | 'filterArea' | 'filterStandard'>): LearningEntry[] {
  return entries.filter(
    (e) =>
      (filter.filterYear === '' || schoolYearOf(e.date) === Number(filter.filterYear)) &&
      (filter.filterArea === '' || e.keyAreas.includes(filter.filterArea)) &&
      (filter.filterStandard === '' || e.standards.includes(filter.filterStandard)),
  );
}

/** Totals of the entries shown: hours in all, and by key area and by standard (an entry counts in each it names). */
export interface LearningTotals {
  count: number;
  hours: number;
  byArea: { id: KeyAreaId; hours: number }[];
  byStandard: { id: StandardId; hours: number }[];
}

const sum = (entries: readonly LearningEntry[]) => Math.round(entries.reduce((t, e) => t + e.hours, 0) * 100) / 100;

export function totalsOf(entries: readonly LearningEntry[]): LearningTotals {
  return {
    count: entries.length,
    hours: sum(entries),
    byArea: KEY_AREA_IDS.map((id) => ({ id, hours: sum(entries.filter((e) => e.keyAreas.includes(id))) })),
    byStandard: STANDARD_IDS.map((id) => ({ id, hours: sum(entries.filter((e) => e.standards.includes(id))) })),
  };
}

/** The school years the person has entries in, newest first, for the year filter. */
export function yearsOf(entries: readonly LearningEntry[]): number[] {
  return [...new Set(entries.map((e) => schoolYearOf(e.date)))].sort((a, b) => b - a);
}
