import type { Holiday } from '../proactive/quiet-hours';
import type { SchoolSettings } from '../school/school-settings';
import type { UserRecord } from '../users/user-record';
import { cycleFrom, cycleOn, DEFAULT_CYCLE_START_MONTH, type AppraisalCycle } from './appraisal-cycle';
import { MAX_PAST_CYCLES } from './appraisal-history';
import { MEETING_IDS, newAppraisal, type AppraisalState } from './appraisal-state';
import { addDays } from '../time/london-clock';

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
 * Whether a cycle that has ended still holds a meeting to record: one with a date, no
 * record yet, and objectives to record it against. Only the cycle just before today's
 * stays open like this; then the new cycle waits until that meeting is recorded.
 */
export function stillOpen(state: AppraisalState, today: string, calendar: SchoolCalendar): boolean {
  const cycle = cycleFrom(state.cycleId);
  if (today <= cycle.end) return true;
  if (cycleOn(today, calendar.startMonth).start > addDays(cycle.end, 1) || state.objectives.length === 0) return false;
  return MEETING_IDS.some((id) => state.meetings[id].date !== undefined && !state.meetings[id].review);
}

/**
 * The person's appraisal for the cycle `today` is in: their stored one while its cycle
 * lasts, or after it while a meeting of it is still to be recorded (see `stillOpen`); else
 * a fresh one carrying forward the priorities recorded at the end of the last. Nothing is
 * stored until they (or their line manager) change something.
 */
export function currentAppraisal(user: Pick<UserRecord, 'appraisal'>, today: string, calendar: SchoolCalendar, now: Date): { state: AppraisalState; cycle: AppraisalCycle } {
  const stored = user.appraisal;
  if (stored && stillOpen(stored, today, calendar)) return { state: stored, cycle: cycleFrom(stored.cycleId) };
  const cycle = cycleOn(today, calendar.startMonth);
  const carried = stored?.meetings['end-of-year'].review?.priorities ?? stored?.previousPriorities ?? [];
  return { state: newAppraisal(cycle.id, now, carried), cycle };
}

/** Stores `state` as the person's appraisal; when it starts a new cycle, the old one goes to their history first. */
export function keepAppraisal(user: Pick<UserRecord, 'appraisal' | 'appraisalHistory'>, state: AppraisalState): void {
  const previous = user.appraisal;
  if (previous && previous.cycleId !== state.cycleId) {
    user.appraisalHistory = [previous, ...(user.appraisalHistory ?? []).filter((c) => c.cycleId !== previous.cycleId)].slice(0, MAX_PAST_CYCLES);
  }
  user.appraisal = state;
}

/** The most recent cycle before `current`: the stored one when `current` is new, else the newest in the history. */
export function lastCycle(user: Pick<UserRecord, 'appraisal' | 'appraisalHistory'>, current: AppraisalState): AppraisalState | undefined {
  return [user.appraisal, ...(user.appraisalHistory ?? [])].find((c): c is AppraisalState => c !== undefined && c.cycleId < current.cycleId);
}
