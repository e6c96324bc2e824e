import { dateBounds } from '../../../bot/appraisal/appraisal-date-bounds';
import { checkDate } from '../../../bot/appraisal/appraisal-dates';
import { cycleFrom } from '../../../bot/appraisal/appraisal-cycle';
import { addDays } from '../../../bot/time/london-clock';

const cycle = cycleFrom('2026-09');

describe('the range a meeting date picker offers', () => {
  it.each([
    ['in the middle of the cycle', '2026-12-14'],
    ['before the cycle starts', '2026-08-20'],
    ['on its last day', '2027-08-31'],
  ])('when today is %s, then the picker offers exactly the dates the rules accept', (_when, today) => {
    const { min, max } = dateBounds(today, cycle, []);
    expect(checkDate(min, today, cycle)).toBeUndefined();
    expect(checkDate(max, today, cycle)).toBeUndefined();
    expect(checkDate(addDays(min, -1), today, cycle)).toBeDefined();
    expect(checkDate(addDays(max, 1), today, cycle)).toBeDefined();
  });

  it('when the picker already shows a date outside that range (an overdue meeting, a date that came back refused), then the range stretches to take it, and a value that is not a date does not move it', () => {
    expect(dateBounds('2026-12-14', cycle, ['2026-12-01', 'nonsense', undefined])).toEqual({ min: '2026-12-01', max: '2027-08-31' });
    expect(dateBounds('2026-12-14', cycle, ['2027-09-03'])).toEqual({ min: '2026-12-14', max: '2027-09-03' });
  });
});
