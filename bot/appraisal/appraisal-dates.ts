import { isRealDate } from '../time/london-date';
import type { AppraisalCycle } from './appraisal-cycle';
import { MEETING_IDS, type AppraisalState, type MeetingId } from './appraisal-state';

/** A snooze puts prompts off for a week. */
export const SNOOZE_DAYS = 7;

/** Why a date was refused; each has a message in both languages. */
export type DateProblem = 'date-invalid' | 'date-past' | 'date-outside-cycle' | 'date-order';

/** A date for a meeting on its own: a real date, not before today, inside the cycle (a year at most). */
export function checkDate(date: string, today: string, cycle: AppraisalCycle): DateProblem | undefined {
  if (!isRealDate(date)) return 'date-invalid';
  if (date < today) return 'date-past';
  if (date < cycle.start || date > cycle.end) return 'date-outside-cycle';
  return undefined;
}

/** The cycle's dates that are set come in order: planning, mid-year, end of year. */
export function datesInOrder(dates: Partial<Record<MeetingId, string>>): boolean {
  const set = MEETING_IDS.map((id) => dates[id]).filter((d): d is string => d !== undefined);
  return set.every((d, i) => i === 0 || (set[i - 1] as string) < d);
}

/** A new date for one meeting: fine on its own, and in order with the cycle's other dates. */
export function checkMeetingDate(state: AppraisalState, meeting: MeetingId, date: string, today: string, cycle: AppraisalCycle): DateProblem | undefined {
  const problem = checkDate(date, today, cycle);
  if (problem) return problem;
  const dates = Object.fromEntries(MEETING_IDS.map((id) => [id, id === meeting ? date : state.meetings[id].date]));
  return datesInOrder(dates) ? undefined : 'date-order';
}
