import { calendarOf } from '../../../bot/appraisal/appraisal-calendar';
import { addHoliday, holidayId, removeSchoolEntry, setCycleStartMonth } from '../../../bot/school/school-rules';
import { emptySchoolSettings } from '../../../bot/school/school-settings';

const school = () => emptySchoolSettings('t', 'Ysgol y Castell', 'admin', new Date('2026-11-23T10:00:00Z'));

describe("a school's appraisal calendar", () => {
  it('when nothing is set, then the cycle starts in September and there are no holidays', () => {
    expect(calendarOf(undefined)).toEqual({ startMonth: 9, holidays: [] });
    expect(calendarOf(school())).toEqual({ startMonth: 9, holidays: [] });
  });

  it.each([
    ['a one-week half term', '2027-02-15', '2027-02-19', 'ok'],
    ['a single day (no last day given)', '2027-05-03', '', 'ok'],
    ['a last day before the first', '2027-02-19', '2027-02-15', 'holidayInvalid'],
    ['a date that does not exist', '2027-02-30', '2027-03-02', 'holidayInvalid'],
    ['a "holiday" of half a year', '2027-01-04', '2027-07-01', 'holidayInvalid'],
  ])('when an administrator adds %s, then the answer is %s', (_what, holidayFrom, holidayTo, answer) => {
    const s = school();
    const result = addHoliday(s, { holidayFrom, holidayTo });
    expect(result.ok ? 'ok' : result.problem).toBe(answer);
    expect(s.holidays).toHaveLength(answer === 'ok' ? 1 : 0);
  });

  it('when holidays are added out of order and one is removed, then they are kept in date order and the right one goes', () => {
    const s = school();
    addHoliday(s, { holidayFrom: '2027-03-29', holidayTo: '2027-04-09' });
    addHoliday(s, { holidayFrom: '2026-12-21', holidayTo: '2027-01-01' });
    addHoliday(s, { holidayFrom: '2026-12-21', holidayTo: '2027-01-01' });
    expect(s.holidays.map((h) => h.from)).toEqual(['2026-12-21', '2027-03-29']);
    expect(removeSchoolEntry(s, holidayId({ from: '2026-12-21', to: '2027-01-01' }))).toEqual({ ok: true });
    expect(calendarOf(s).holidays).toEqual([{ from: '2027-03-29', to: '2027-04-09' }]);
  });

  it.each([
    ['4', 'ok', 4],
    ['13', 'monthInvalid', 9],
    ['', 'monthInvalid', 9],
  ])('when the start month is set to "%s", then the answer is %s and the cycle starts in month %s', (month, answer, startMonth) => {
    const s = school();
    const result = setCycleStartMonth(s, { cycleStartMonth: month });
    expect(result.ok ? 'ok' : result.problem).toBe(answer);
    expect(calendarOf(s).startMonth).toBe(startMonth);
  });
});
