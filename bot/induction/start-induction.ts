import { addDays } from '../time/london-clock';
import { isRealDate } from '../time/london-date';
import type { InductionState } from './induction-state';

/** How far back a start date may be (a refresher for long-serving staff) and how far ahead. */
const EARLIEST_DAYS = -5 * 366;
const LATEST_DAYS = 92;

/**
 * A new induction from the start form, or undefined when the date is not a real date in a
 * sensible range (a typo such as 2062 must not schedule reminders decades away).
 */
export function newInduction(startDate: string, mode: 'new' | 'refresher', today: string, now: Date): InductionState | undefined {
  if (!isRealDate(startDate) || startDate < addDays(today, EARLIEST_DAYS) || startDate > addDays(today, LATEST_DAYS)) return undefined;
  return { startDate, mode, startedAt: now.toISOString(), items: {}, priorities: [], reachedOn: {}, lastProgressAt: now.toISOString() };
}
