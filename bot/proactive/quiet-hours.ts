import { z } from 'zod';
import { addDays, londonInstant, londonTime } from '../time/london-clock';

/** The first hour of the day a prompt may arrive, London time. */
export const DAY_STARTS_AT_HOUR = 8;
/** From this hour on (London time) nobody is prompted until the next school-day morning. */
export const DAY_ENDS_AT_HOUR = 18;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

/** A school holiday, first and last day included, as dates in Wales (YYYY-MM-DD). */
export const holidaySchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((h) => h.from <= h.to, { message: 'a holiday ends on or after the day it starts' });
export type Holiday = z.infer<typeof holidaySchema>;

/**
 * True when a prompt may arrive at `instant`: a weekday, 08:00–18:00 in Europe/London,
 * outside the given school holidays. Support staff are not messaged at night, at weekends
 * or in the holidays, whichever side of a clock change they are on.
 */
export function isAllowedInstant(instant: Date, holidays: readonly Holiday[] = []): boolean {
  const t = londonTime(instant);
  return t.hour >= DAY_STARTS_AT_HOUR && t.hour < DAY_ENDS_AT_HOUR && isSchoolDay(t.date, t.weekday, holidays);
}

/**
 * `instant` itself when a prompt may arrive then, else the next instant one may: 08:00
 * London time on the next weekday that is not a holiday (or today at 08:00, before eight).
 */
export function nextAllowedInstant(instant: Date, holidays: readonly Holiday[] = []): Date {
  if (isAllowedInstant(instant, holidays)) return instant;
  const t = londonTime(instant);
  let date = t.hour < DAY_STARTS_AT_HOUR ? t.date : addDays(t.date, 1);
  // Bounded: even a holiday list covering years ends; a year and a bit is plenty.
  for (let i = 0; i < 800; i += 1) {
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (isSchoolDay(date, weekday, holidays)) return londonInstant(date, DAY_STARTS_AT_HOUR);
    date = addDays(date, 1);
  }
  throw new RangeError(`no allowed day within 800 days of ${instant.toISOString()}: check the holiday dates`);
}

function isSchoolDay(date: string, weekday: number, holidays: readonly Holiday[]): boolean {
  if (weekday === 0 || weekday === 6) return false;
  return !holidays.some((h) => h.from <= date && date <= h.to);
}
