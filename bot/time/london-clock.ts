/** Wall-clock reading in Europe/London. */
export interface LondonTime {
  /** YYYY-MM-DD */
  date: string;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * What a clock on a classroom wall in Wales shows at `instant`, whatever the server's own
 * zone: Intl knows when British Summer Time starts and ends, so no rule is hand-written.
 */
export function londonTime(instant: Date): LondonTime {
  const p: Record<string, string> = {};
  for (const part of parts.formatToParts(instant)) p[part.type] = part.value;
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    hour: Number(p.hour),
    minute: Number(p.minute),
    weekday: WEEKDAYS.indexOf(p.weekday ?? ''),
  };
}

/** Minutes London is ahead of UTC at `instant` (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: Date): number {
  const t = londonTime(instant);
  const [y, m, d] = t.date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, t.hour, t.minute);
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant when London's wall clock shows `date` at `hour`:`minute`. Meant for times
 * that exist every day (08:00, 09:00); in the skipped hour of March it answers an hour on.
 */
export function londonInstant(date: string, hour: number, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  let guess = new Date(wall - londonOffsetMinutes(new Date(wall)) * 60_000);
  guess = new Date(wall - londonOffsetMinutes(guess) * 60_000);
  return guess;
}

/** `date` (YYYY-MM-DD) moved by whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
