import { isRealDate } from '../time/london-date';
import type { AppraisalCycle } from './appraisal-cycle';

/**
 * The range a meeting's date picker offers: what `checkDate` accepts, from today (or the
 * cycle's first day, if later) to the cycle's last day, so the calendar does not offer dates
 * that would be refused. A date already on the picker (an overdue meeting's, or one the
 * person chose that came back refused) widens the range to include it: a client refuses to
 * send a card whose date is outside its picker's range, and that would block every other
 * button on the card.
 */
export function dateBounds(today: string, cycle: AppraisalCycle, shown: readonly (string | undefined)[]): { min: string; max: string } {
  let min = today > cycle.start ? today : cycle.start;
  let max = cycle.end;
  // A cycle that has ended but still has a meeting to record offers no date that would be kept.
  if (min > max) min = max;
  for (const date of shown) {
    if (!date || !isRealDate(date)) continue;
    if (date < min) min = date;
    if (date > max) max = date;
  }
  return { min, max };
}
