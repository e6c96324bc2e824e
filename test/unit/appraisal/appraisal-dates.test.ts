import { cycleOn } from '../../../bot/appraisal/appraisal-cycle';
import { checkMeetingDate } from '../../../bot/appraisal/appraisal-dates';
import { meetingStatus } from '../../../bot/appraisal/meeting-status';
import { duePrompts, nextPromptDay, promptDays, promptInstant, promptsFor } from '../../../bot/appraisal/prompt-days';
import { newAppraisal, type Meeting } from '../../../bot/appraisal/appraisal-state';
import { isAllowedInstant, type Holiday } from '../../../bot/proactive/quiet-hours';

const HALF_TERM: Holiday[] = [{ from: '2026-10-26', to: '2026-10-30' }];
const EASTER: Holiday[] = [{ from: '2027-03-22', to: '2027-04-02' }];
const meeting = (date: string, extra: Partial<Meeting> = {}): Meeting => ({ date, confirmed: {}, snoozedUntil: {}, ...extra });
const table = (date: string, holidays: Holiday[] = []) => Object.fromEntries(promptDays(date, holidays).map((p) => [p.kind, p.day]));

describe('the prompt days of a meeting', () => {
  it.each([
    [
      'a Wednesday meeting: 14, 7 and 1 days before, then the day after and weekly, four times',
      '2027-03-17',
      [],
      { 'before-14': '2027-03-03', 'before-7': '2027-03-10', 'before-1': '2027-03-16', 'overdue-1': '2027-03-18', 'overdue-2': '2027-03-25', 'overdue-3': '2027-04-01', 'overdue-4': '2027-04-08' },
    ],
    [
      'a Monday meeting: the day before is a Sunday, so that prompt comes on the Friday',
      '2027-03-15',
      [],
      { 'before-14': '2027-03-01', 'before-7': '2027-03-08', 'before-1': '2027-03-12', 'overdue-1': '2027-03-16', 'overdue-2': '2027-03-23', 'overdue-3': '2027-03-30', 'overdue-4': '2027-04-06' },
    ],
    [
      'a Monday meeting after half term: the week-before and day-before prompts both fall back to the Friday before the holiday, and become one',
      '2026-11-02',
      HALF_TERM,
      { 'before-14': '2026-10-19', 'before-1': '2026-10-23', 'overdue-1': '2026-11-03', 'overdue-2': '2026-11-10', 'overdue-3': '2026-11-17', 'overdue-4': '2026-11-24' },
    ],
    [
      'a Friday meeting before half term: the overdue prompts wait for school days after it',
      '2026-10-23',
      HALF_TERM,
      { 'before-14': '2026-10-09', 'before-7': '2026-10-16', 'before-1': '2026-10-22', 'overdue-2': '2026-11-02', 'overdue-3': '2026-11-09', 'overdue-4': '2026-11-16' },
    ],
    [
      'a meeting the Monday after the Easter holiday: all three prompts before it fall back to the last school day before the holiday, and become one',
      '2027-04-05',
      EASTER,
      { 'before-1': '2027-03-19', 'overdue-1': '2027-04-06', 'overdue-2': '2027-04-13', 'overdue-3': '2027-04-20', 'overdue-4': '2027-04-27' },
    ],
  ] as const)('when %s, then the days are as the rule says', (_what, date, holidays, expected) => {
    expect(table(date, [...holidays])).toEqual(expected);
  });

  it.each([
    ['the Friday before the March clock change (GMT)', '2027-03-26', '2027-03-26T09:00:00.000Z'],
    ['the Monday after it (BST)', '2027-03-29', '2027-03-29T08:00:00.000Z'],
    ['the Monday after the October change (GMT again)', '2026-10-26', '2026-10-26T09:00:00.000Z'],
  ])('when a prompt is due on %s, then it is planned for 09:00 on the clock in Wales', (_what, day, instant) => {
    expect(promptInstant(day).toISOString()).toBe(instant);
  });

  it('when every prompt of a year of meetings is planned, then none is at night, at a weekend or in the holidays', () => {
    const holidays = [...HALF_TERM, ...EASTER];
    for (let d = new Date('2026-09-01T12:00:00Z'); d < new Date('2027-08-31T12:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
      for (const p of promptDays(d.toISOString().slice(0, 10), holidays)) expect([p.day, isAllowedInstant(promptInstant(p.day), holidays)]).toEqual([p.day, true]);
    }
  });
});

describe('overdue meetings, snoozes and what is due', () => {
  it.each([
    ['the meeting day itself', 'upcoming', 0, false, '2027-03-17', []],
    ['the day after', 'overdue', 1, false, '2027-03-18', []],
    ['a week later', 'overdue', 2, false, '2027-03-25', []],
    ['three weeks after the first reminder', 'overdue', 4, true, '2027-04-08', []],
    ['long after', 'overdue', 4, true, '2027-05-20', []],
    ['after Easter, when two reminders fell in the holiday and became one', 'overdue', 3, true, '2027-04-20', EASTER],
  ])('when it is %s and nothing is recorded, then the meeting is %s with %s weekly reminders sent (stopped: %s)', (_what, status, reminders, stopped, today, holidays) => {
    const got = meetingStatus(meeting('2027-03-17'), today, [...holidays]);
    expect(got.status).toBe(status);
    expect(got.status === 'overdue' ? [got.reminders, got.stopped] : [0, false]).toEqual([reminders, stopped]);
  });

  it('when a meeting is recorded, then it has no prompts and counts as done', () => {
    const m = meeting('2027-03-17', { review: { recordedAt: 'x', recordedBy: 'm', outcomes: {}, comments: '', priorities: [] } });
    expect(promptsFor(m, 'staff')).toEqual([]);
    expect(meetingStatus(m, '2027-05-01').status).toBe('done');
  });

  it('when the staff member snoozes on the week-before prompt, then they get one reminder a week later and the rest after it; their manager’s prompts are untouched', () => {
    const m = meeting('2027-03-17', { snoozedUntil: { staff: '2027-03-17' } });
    expect(promptsFor(m, 'staff').map((p) => `${p.kind} ${p.day}`)).toEqual(['snoozed 2027-03-17', 'overdue-1 2027-03-18', 'overdue-2 2027-03-25', 'overdue-3 2027-04-01', 'overdue-4 2027-04-08']);
    expect(promptsFor(m, 'manager')).toHaveLength(7);
  });

  it('when a run looks for what is due, then it finds the latest prompt per meeting and person, and the next day after it', () => {
    const state = newAppraisal('2026-09', new Date());
    state.meetings['mid-year'] = meeting('2027-03-17');
    state.meetings['end-of-year'] = meeting('2027-07-07');
    expect(duePrompts(state, '2027-03-10').map((p) => `${p.meeting} ${p.kind} ${p.role}`)).toEqual(['mid-year before-7 staff', 'mid-year before-7 manager']);
    expect(duePrompts(state, '2027-03-11')).toEqual([]);
    expect(duePrompts(state, '2027-03-12', [], 3).map((p) => p.kind)).toEqual(['before-7', 'before-7']);
    expect(nextPromptDay(state, '2027-03-10')).toBe('2027-03-16');
    expect(nextPromptDay(state, '2027-04-08')).toBe('2027-06-23');
  });
});

describe('meeting dates', () => {
  const cycle = cycleOn('2026-11-23');
  const state = newAppraisal(cycle.id, new Date());
  state.meetings.planning = meeting('2026-12-01');
  state.meetings['end-of-year'] = meeting('2027-07-07');

  it.each([
    ['a sensible mid-year date', 'accepted', '2027-03-17'],
    ['a date that does not exist', 'date-invalid', '2027-02-30'],
    ['text that is not a date', 'date-invalid', 'next week'],
    ['yesterday', 'date-past', '2026-11-22'],
    ['a date after the cycle ends', 'date-outside-cycle', '2027-09-01'],
    ['an absurd year', 'date-outside-cycle', '3026-03-17'],
    ['a date before the planning meeting', 'date-order', '2026-11-30'],
    ['a date after the end-of-year review', 'date-order', '2027-07-08'],
  ])('when the mid-year review is set to %s, then the answer is %s', (_what, answer, date) => {
    expect(checkMeetingDate(state, 'mid-year', date, '2026-11-23', cycle) ?? 'accepted').toBe(answer);
  });

  it.each([
    ['2026-11-23', 9, '2026-09', '2026-09-01', '2027-08-31'],
    ['2026-08-31', 9, '2025-09', '2025-09-01', '2026-08-31'],
    ['2026-01-15', 1, '2026-01', '2026-01-01', '2026-12-31'],
    ['2027-02-10', 4, '2026-04', '2026-04-01', '2027-03-31'],
  ])('when it is %s and the school starts its cycle in month %s, then the cycle is %s (%s to %s)', (today, month, id, start, end) => {
    expect(cycleOn(today, month)).toEqual({ id, start, end });
  });
});
