import { addDays, londonTime } from './london-clock';

/** The date (YYYY-MM-DD) it is in Wales at `instant`, whatever the server's zone. */
export function londonDate(instant: Date): string {
  return londonTime(instant).date;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isRealDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T12:00:00Z`).toISOString().slice(0, 10) === date;
}

/** Monday to Friday, counted between two dates (after `from`, up to and including `to`). */
export function schoolDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}
