import type { Holiday } from '../proactive/quiet-hours';
import { addDays } from '../time/london-clock';

/** Far enough for the longest run of holidays a school could enter, and still bounded. */
const SEARCH_DAYS = 400;

function isSchoolDay(date: string, holidays: readonly Holiday[]): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidays.some((h) => h.from <= date && date <= h.to);
}

/**
 * `date` itself when it is a school day, else the next one: nobody is asked to do an
 * induction item on a Saturday or in the half-term their school entered. Holidays that
 * would push a date past a year are ignored rather than hiding the item for ever.
 */
export function nextSchoolDay(date: string, holidays: readonly Holiday[] = []): string {
  let day = date;
  for (let i = 0; i < SEARCH_DAYS; i += 1) {
    if (isSchoolDay(day, holidays)) return day;
    day = addDays(day, 1);
  }
  return nextSchoolDay(date);
}

/** An item's due date: `dayOffset` days from the start date, moved on to a school day. */
export function dueDate(startDate: string, dayOffset: number, holidays: readonly Holiday[] = []): string {
  return nextSchoolDay(addDays(startDate, dayOffset), holidays);
}
