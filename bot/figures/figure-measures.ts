import type { FigureFacts } from './figure-person';
import { suppressTable, type ShownTable } from './suppressed-table';
import { suppressMeasures, type MeasureCounts, type SuppressedMeasure } from './suppress-views';

/** A school shows figures only with at least this many confirmed members. */
export const MIN_SCHOOL_MEMBERS = 10;
/** Development priorities show for an LA, or nationally, only when at least this many people contribute. */
export const MIN_PRIORITY_CONTRIBUTORS = 20;

/** One school's confirmed members' counted facts (one point read of its figure document). */
export interface SchoolPeople {
  schoolId: string;
  laId: string;
  people: FigureFacts[];
}

const NOT_GIVEN = 'not-given';

/** Each measure: how a person falls into exactly one category, so every table's rows add up to the school's members. */
export const MEASURES = {
  jobFamilyLevel: (p: FigureFacts) => (p.familyId ? `${p.familyId}${p.level !== undefined ? `:${p.level}` : ''}` : NOT_GIVEN),
  welshLevel: (p: FigureFacts) => p.welshLevelId ?? NOT_GIVEN,
  qualification: (p: FigureFacts) => p.qualification ?? NOT_GIVEN,
  hltaStatus: (p: FigureFacts) => p.hltaStatus ?? NOT_GIVEN,
  ewcRegistration: (p: FigureFacts) => (p.ewcGiven ? 'given' : NOT_GIVEN),
  induction: (p: FigureFacts) => (p.inductionCompleted ? 'completed' : p.inductionStarted ? 'started' : 'not-started'),
  selfAssessment: (p: FigureFacts) => (p.selfAssessments > 0 ? 'taken' : 'not-taken'),
  planningMeeting: (p: FigureFacts) => (p.planningMeetingHeld ? 'held' : 'not-held'),
} as const;
export type MeasureId = keyof typeof MEASURES;

/** One measure with its categories (ids; the card names them) and every view, suppressed. */
export interface FigureMeasure {
  id: MeasureId;
  categories: string[];
  views: SuppressedMeasure;
}

/**
 * Development priorities of the latest self-assessments, as counts of people per key area:
 * a row per LA (withheld where fewer than MIN_PRIORITY_CONTRIBUTORS people contribute) and the
 * national totals (shown only when that many contribute nationally), suppressed like any
 * other table, so the national count minus the LAs shown never gives a withheld LA away.
 */
export interface PriorityFigures {
  keyAreas: string[];
  table: ShownTable;
  nationalShown: boolean;
}

/** The figures of a tenant for one day, before anything is rendered. */
export interface FiguresSnapshotViews {
  measures: FigureMeasure[];
  priorities: PriorityFigures;
}

/**
 * Counts every measure over the confirmed members of every school, then suppresses all
 * views together (see suppress-views.ts): schools under MIN_SCHOOL_MEMBERS are withheld,
 * 1–4 become "fewer than 5", complements hide what totals would give away.
 */
export function figuresOf(schools: SchoolPeople[]): FiguresSnapshotViews {
  const byLa = new Map<string, SchoolPeople[]>();
  for (const s of [...schools].sort((a, b) => a.schoolId.localeCompare(b.schoolId))) byLa.set(s.laId, [...(byLa.get(s.laId) ?? []), s]);
  const las = [...byLa.keys()].sort();
  const ids = Object.keys(MEASURES) as MeasureId[];
  const categoriesOf = (id: MeasureId) => [...new Set(schools.flatMap((s) => s.people.map(MEASURES[id])))].sort();
  const counted = ids.map((id) => {
    const categories = categoriesOf(id);
    const counts: MeasureCounts = {
      categories: categories.length,
      las: las.map((laId) => ({
        laId,
        schools: byLa.get(laId)!.map((s) => ({
          id: s.schoolId,
          counts: categories.map((c) => s.people.filter((p) => MEASURES[id](p) === c).length),
          withheld: s.people.length < MIN_SCHOOL_MEMBERS,
        })),
      })),
    };
    return { id, categories, counts };
  });
  const suppressed = suppressMeasures(counted.map((m) => m.counts));
  return {
    measures: counted.map((m, i) => ({ id: m.id, categories: m.categories, views: suppressed[i]! })),
    priorities: prioritiesOf(las.map((laId) => ({ laId, people: byLa.get(laId)!.flatMap((s) => s.people) }))),
  };
}

/** Counts per key area, never one person's results. */
function prioritiesOf(las: { laId: string; people: FigureFacts[] }[]): PriorityFigures {
  const contributing = las.map((la) => ({ laId: la.laId, people: la.people.filter((p) => p.priorities.length > 0) }));
  const keyAreas = [...new Set(contributing.flatMap((la) => la.people.flatMap((p) => p.priorities)))].sort();
  const rows = contributing.map((la) => ({
    id: la.laId,
    counts: keyAreas.map((k) => la.people.filter((p) => p.priorities.includes(k)).length),
    withheld: la.people.length < MIN_PRIORITY_CONTRIBUTORS,
  }));
  const national = contributing.reduce((n, la) => n + la.people.length, 0);
  return { keyAreas, table: suppressTable(rows, keyAreas.length), nationalShown: national >= MIN_PRIORITY_CONTRIBUTORS };
}
