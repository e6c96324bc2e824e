import { addDays } from '../time/london-clock';

/** One school's appraisal year: its id (YYYY-MM of its first month) and first and last day. */
export interface AppraisalCycle {
  id: string;
  start: string;
  end: string;
}

/** Schools start the cycle in September unless their administrator chooses another month. */
export const DEFAULT_CYCLE_START_MONTH = 9;

const pad = (n: number) => String(n).padStart(2, '0');

/** The cycle `today` (a date in Wales) falls in, for a school whose cycle starts in `startMonth` (1–12). */
export function cycleOn(today: string, startMonth: number = DEFAULT_CYCLE_START_MONTH): AppraisalCycle {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return cycleFrom(`${month >= startMonth ? year : year - 1}-${pad(startMonth)}`);
}

/** The cycle with id `YYYY-MM`: twelve months from the first of that month. */
export function cycleFrom(id: string): AppraisalCycle {
  const [year, month] = id.split('-').map(Number) as [number, number];
  return { id, start: `${id}-01`, end: addDays(`${year + 1}-${pad(month)}-01`, -1) };
}
