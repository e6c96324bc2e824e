import { londonInstant, londonTime } from '../../../bot/time/london-clock';
import { isAllowedInstant, nextAllowedInstant, type Holiday } from '../../../bot/proactive/quiet-hours';

const HALF_TERM: Holiday[] = [{ from: '2025-10-27', to: '2025-10-31' }];
const CHRISTMAS: Holiday[] = [{ from: '2025-12-22', to: '2026-01-02' }];
const ONE_DAY: Holiday[] = [{ from: '2025-06-02', to: '2025-06-02' }];

describe('quiet hours in Europe/London', () => {
  it.each([
    // [what, instant (UTC), holidays, next allowed instant (UTC)]
    ['a summer Monday 10:00 BST is allowed', '2025-06-02T09:00:00Z', [], '2025-06-02T09:00:00Z'],
    ['a summer Monday 17:59:59 BST is allowed', '2025-06-02T16:59:59Z', [], '2025-06-02T16:59:59Z'],
    ['a summer Monday 07:59 BST waits for 08:00 BST', '2025-06-02T06:59:00Z', [], '2025-06-02T07:00:00Z'],
    ['a summer Monday 18:00 BST waits for Tuesday 08:00 BST', '2025-06-02T17:00:00Z', [], '2025-06-03T07:00:00Z'],
    ['17:30 UTC in summer is 18:30 BST: too late', '2025-06-02T17:30:00Z', [], '2025-06-03T07:00:00Z'],
    ['17:30 UTC in winter is 17:30 GMT: allowed', '2025-10-27T17:30:00Z', [], '2025-10-27T17:30:00Z'],
    ['a Friday evening waits for Monday morning', '2025-06-06T18:30:00Z', [], '2025-06-09T07:00:00Z'],
    ['a Saturday waits for Monday morning', '2025-06-07T10:00:00Z', [], '2025-06-09T07:00:00Z'],
    // Clocks go forward at 01:00 UTC on Sunday 30 March 2025.
    ['spring: Friday 18:00 GMT waits for Monday 08:00 BST (07:00 UTC)', '2025-03-28T18:00:00Z', [], '2025-03-31T07:00:00Z'],
    ['spring: Sunday 00:30 GMT, before the change, waits for Monday 08:00 BST', '2025-03-30T00:30:00Z', [], '2025-03-31T07:00:00Z'],
    ['spring: Friday 07:30 GMT waits for 08:00 GMT', '2025-03-28T07:30:00Z', [], '2025-03-28T08:00:00Z'],
    ['spring: Monday 07:30 BST (06:30 UTC) waits for 08:00 BST', '2025-03-31T06:30:00Z', [], '2025-03-31T07:00:00Z'],
    // Clocks go back at 01:00 UTC on Sunday 26 October 2025.
    ['autumn: Friday 18:00 BST waits for Monday 08:00 GMT (08:00 UTC)', '2025-10-24T17:00:00Z', [], '2025-10-27T08:00:00Z'],
    ['autumn: Sunday 01:30 BST (the first 01:30) waits for Monday 08:00 GMT', '2025-10-26T00:30:00Z', [], '2025-10-27T08:00:00Z'],
    ['autumn: Friday 07:30 UTC is 08:30 BST: allowed', '2025-10-24T07:30:00Z', [], '2025-10-24T07:30:00Z'],
    ['autumn: Monday 07:30 GMT waits for 08:00 GMT', '2025-10-27T07:30:00Z', [], '2025-10-27T08:00:00Z'],
    // School holidays, days in Wales, first and last included.
    ['half term: Friday evening before it waits for the Monday after it', '2025-10-24T17:00:00Z', HALF_TERM, '2025-11-03T08:00:00Z'],
    ['half term: midday inside it waits for the Monday after it', '2025-10-29T12:00:00Z', HALF_TERM, '2025-11-03T08:00:00Z'],
    ['half term: its last day at 23:30 GMT waits for the Monday after it', '2025-10-31T23:30:00Z', HALF_TERM, '2025-11-03T08:00:00Z'],
    ['Christmas: across the new year to Monday 5 January', '2025-12-19T18:00:00Z', CHRISTMAS, '2026-01-05T08:00:00Z'],
    ['a one-day holiday on a Monday: Friday evening waits for Tuesday', '2025-05-30T17:30:00Z', ONE_DAY, '2025-06-03T07:00:00Z'],
  ] as [string, string, Holiday[], string][])('when %s, then it is %s', (_what, at, holidays, expected) => {
    const next = nextAllowedInstant(new Date(at), holidays);
    expect(next.toISOString()).toBe(new Date(expected).toISOString());
    expect(isAllowedInstant(new Date(at), holidays)).toBe(at === expected);
    expect(isAllowedInstant(next, holidays)).toBe(true);
  });

  it('when every instant of a year is checked hour by hour, then the next allowed instant is allowed, never earlier, and minimal', () => {
    for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2026-01-01T00:00:00Z'); t += 3_600_000 + 17 * 60_000) {
      const at = new Date(t);
      const next = nextAllowedInstant(at, HALF_TERM);
      expect(next.getTime()).toBeGreaterThanOrEqual(t);
      expect(isAllowedInstant(next, HALF_TERM)).toBe(true);
      // A minute before the answer (when it is not the instant itself) is still quiet.
      if (next.getTime() > t) expect(isAllowedInstant(new Date(next.getTime() - 60_000), HALF_TERM)).toBe(false);
      expect(londonTime(next).hour).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('the London wall clock', () => {
  it.each([
    ['2025-03-30T00:59:00Z', '2025-03-30', 0, 59],
    ['2025-03-30T01:00:00Z', '2025-03-30', 2, 0],
    ['2025-10-26T00:30:00Z', '2025-10-26', 1, 30],
    ['2025-10-26T01:30:00Z', '2025-10-26', 1, 30],
    ['2025-06-01T23:30:00Z', '2025-06-02', 0, 30],
  ])('when it is %s, then London shows %s %i:%i', (at, date, hour, minute) => {
    expect(londonTime(new Date(at))).toMatchObject({ date, hour, minute });
  });

  it.each([
    ['2025-03-30', 8, '2025-03-30T07:00:00Z'],
    ['2025-03-29', 8, '2025-03-29T08:00:00Z'],
    ['2025-10-26', 8, '2025-10-26T08:00:00Z'],
    ['2025-10-25', 8, '2025-10-25T07:00:00Z'],
    ['2025-10-25', 23, '2025-10-25T22:00:00Z'],
  ])('when London shows %s %i:00, then the instant is %s', (date, hour, expected) => {
    expect(londonInstant(date, hour).toISOString()).toBe(new Date(expected).toISOString());
  });
});
