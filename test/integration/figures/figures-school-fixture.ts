import { compactFacts, type FigureFacts } from '../../../bot/figures/figure-person';
import { figureEntryKey, FIGURES_SCHOOL_ID, type FiguresSchool } from '../../../bot/figures/figures-school';
import { schoolKey } from '../../../bot/school/school-settings';

/** The facts of someone the figures count, with every flag "no" unless given. */
export function facts(extra: Partial<FigureFacts> = {}): FigureFacts {
  return { ewcGiven: false, inductionStarted: false, inductionCompleted: false, selfAssessments: 0, planningMeetingHeld: false, priorities: [], ...extra };
}

/**
 * A school's figure document holding `people` (invented members `{schoolId}-{i}`), as
 * refresh would have written it: for tests and the benchmark, which fill schools without
 * a turn per person.
 */
export function figuresSchoolOf(tenantId: string, schoolId: string, people: FigureFacts[], now: Date): FiguresSchool {
  const entries = Object.fromEntries(people.map((p, i) => [figureEntryKey(`${tenantId.toLowerCase()}:${schoolId}-${i}`), compactFacts(p)]));
  return { id: FIGURES_SCHOOL_ID, pk: schoolKey(tenantId, schoolId), kind: 'figures-school', schoolId, people: entries, updatedAt: now.toISOString() };
}
