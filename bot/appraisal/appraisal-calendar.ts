import type { Holiday } from '../proactive/quiet-hours';
import type { SchoolSettings } from '../school/school-settings';
import type { UserRecord } from '../users/user-record';
import { cycleFrom, cycleOn, DEFAULT_CYCLE_START_MONTH, type AppraisalCycle } from './appraisal-cycle';
import { newAppraisal, type AppraisalState } from './appraisal-state';

/** What a person's appraisal depends on from their school: when its cycle starts, and its holidays. */
export interface SchoolCalendar {
  startMonth: number;
  holidays: Holiday[];
}

/** The school's calendar, or September and no holidays for a person whose school set none. */
export function calendarOf(school: SchoolSettings | undefined): SchoolCalendar {
  return { startMonth: school?.cycleStartMonth ?? DEFAULT_CYCLE_START_MONTH, holidays: school?.holidays ?? [] };
}

/**
 * The person's appraisal for the cycle `today` is in: their stored one while its cycle
 * lasts, else a fresh one carrying forward the priorities recorded at the end of the last.
 * Nothing is stored until they (or their line manager) change something.
 */
export function currentAppraisal(user: Pick<UserRecord, 'appraisal'>, today: string, calendar: SchoolCalendar, now: Date): { state: AppraisalState; cycle: AppraisalCycle } {
  const stored = user.appraisal;
  if (stored && today <= cycleFrom(stored.cycleId).end) return { state: stored, cycle: cycleFrom(stored.cycleId) };
  const cycle = cycleOn(today, calendar.startMonth);
  const carried = stored?.meetings['end-of-year'].review?.priorities ?? stored?.previousPriorities ?? [];
  return { state: newAppraisal(cycle.id, now, carried), cycle };
}
