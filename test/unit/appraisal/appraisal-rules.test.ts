import { cycleOn } from '../../../bot/appraisal/appraisal-cycle';
import { addObjective, addStaffComment, confirmMeeting, editObjective, recordReview, removeObjective, setMeetingDates, snoozeMeeting } from '../../../bot/appraisal/appraisal-rules';
import { newAppraisal, type AppraisalState } from '../../../bot/appraisal/appraisal-state';
import { calendarOf, currentAppraisal } from '../../../bot/appraisal/appraisal-calendar';

const now = new Date('2026-11-23T10:00:00Z');
const cycle = cycleOn('2026-11-23');
const objective = (n: number) => ({ text: `Objective ${n}`, measure: 'Observed in class', standards: ['pedagogy' as const], keyAreas: ['literacy-numeracy' as const] });

function withObjectives(n: number): AppraisalState {
  const state = newAppraisal(cycle.id, now);
  for (let i = 0; i < n; i += 1) expect(addObjective(state, objective(i))).toEqual({ ok: true });
  return state;
}

describe('appraisal rules', () => {
  it('when a sixth objective is added, then it is refused and the five stay as they were', () => {
    const state = withObjectives(5);
    const before = structuredClone(state);
    expect(addObjective(state, objective(6))).toEqual({ ok: false, problem: 'too-many-objectives' });
    expect(state).toEqual(before);
  });

  it('when an objective has no success measure, then it is refused', () => {
    expect(addObjective(withObjectives(0), { ...objective(1), measure: '  ' })).toEqual({ ok: false, problem: 'objective-text' });
  });

  it('when the planning meeting is recorded, then objectives can no longer be added or removed, but an edit keeps the agreed wording beside the new one', () => {
    const state = withObjectives(2);
    expect(setMeetingDates(state, { planning: '2026-11-23' }, '2026-11-23', cycle)).toEqual({ ok: true });
    expect(recordReview(state, 'planning', 'mgr', { outcomes: {}, priorities: [] }, '2026-11-23', now)).toEqual({ ok: true });
    expect(addObjective(state, objective(3))).toEqual({ ok: false, problem: 'objectives-agreed' });
    expect(removeObjective(state, 'o1')).toEqual({ ok: false, problem: 'objectives-agreed' });
    expect(editObjective(state, 'o1', { ...objective(0), text: 'Objective 0, widened' })).toEqual({ ok: true });
    expect(editObjective(state, 'o1', { ...objective(0), text: 'Objective 0, widened again' })).toEqual({ ok: true });
    expect(state.objectives[0]).toMatchObject({ text: 'Objective 0, widened again', agreedAs: { text: 'Objective 0', measure: 'Observed in class' } });
    // Put back as agreed, it reads as agreed again.
    expect(editObjective(state, 'o1', objective(0))).toEqual({ ok: true });
    expect(state.objectives[0]!.agreedAs).toBeUndefined();
  });

  it('when an edit loses its text, names no objective, or meets an outcome recorded against it, then it is refused and nothing changes', () => {
    const state = withObjectives(2);
    const before = structuredClone(state);
    expect(editObjective(state, 'o1', { ...objective(0), measure: ' ' })).toEqual({ ok: false, problem: 'objective-text' });
    expect(editObjective(state, 'o9', objective(0))).toEqual({ ok: false, problem: 'unknown-objective' });
    expect(state).toEqual(before);
    setMeetingDates(state, { 'mid-year': '2027-03-17' }, '2026-11-23', cycle);
    recordReview(state, 'mid-year', 'mgr', { outcomes: { o1: 'met', o2: 'not-met' }, priorities: [] }, '2027-03-17', now);
    const recorded = structuredClone(state);
    expect(editObjective(state, 'o2', objective(5))).toEqual({ ok: false, problem: 'objective-locked' });
    expect(removeObjective(state, 'o2')).toEqual({ ok: false, problem: 'objective-locked' });
    expect(state).toEqual(recorded);
  });

  it('when three dates are set at once and one is out of order, then none is set', () => {
    const state = withObjectives(1);
    expect(setMeetingDates(state, { planning: '2026-12-01', 'mid-year': '2026-11-30', 'end-of-year': '2027-07-01' }, '2026-11-23', cycle)).toEqual({ ok: false, problem: 'date-order', meeting: 'mid-year' });
    expect(state.meetings.planning.date).toBeUndefined();
    expect(setMeetingDates(state, { planning: '2026-12-01', 'mid-year': '2027-03-17', 'end-of-year': '2027-07-01' }, '2026-11-23', cycle)).toEqual({ ok: true });
  });

  it('when a moved meeting had been confirmed and snoozed, then the new date needs confirming and the snooze goes', () => {
    const state = withObjectives(1);
    setMeetingDates(state, { 'mid-year': '2027-03-17' }, '2026-11-23', cycle);
    expect(confirmMeeting(state, 'mid-year', 'staff', '2027-03-17', now)).toEqual({ ok: true });
    expect(snoozeMeeting(state, 'mid-year', 'manager', '2027-03-17', '2027-03-03')).toEqual({ ok: true });
    expect(state.meetings['mid-year'].snoozedUntil.manager).toBe('2027-03-10');
    setMeetingDates(state, { 'mid-year': '2027-03-24' }, '2026-11-23', cycle);
    expect(state.meetings['mid-year']).toMatchObject({ date: '2027-03-24', confirmed: {}, snoozedUntil: {} });
    expect(confirmMeeting(state, 'mid-year', 'staff', '2027-03-17', now)).toEqual({ ok: false, problem: 'stale-date' });
  });

  it.each([
    ['before the meeting day', '2027-03-16', {}, 'not-yet'],
    ['with an objective without an outcome', '2027-03-17', { o1: 'met' as const }, 'outcomes-missing'],
    ['with every outcome, on the day', '2027-03-17', { o1: 'met' as const, o2: 'partly-met' as const }, 'ok'],
  ])('when the mid-year review is recorded %s, then the answer is %s', (_what, today, outcomes, answer) => {
    const state = withObjectives(2);
    setMeetingDates(state, { 'mid-year': '2027-03-17' }, '2026-11-23', cycle);
    const result = recordReview(state, 'mid-year', 'mgr', { outcomes, comments: 'Good year', priorities: ['Phonics', ' ', 'Phonics'] }, today, now);
    expect(result.ok ? 'ok' : result.problem).toBe(answer);
    if (result.ok) expect(state.meetings['mid-year'].review).toMatchObject({ outcomes, priorities: ['Phonics'], recordedBy: 'mgr' });
  });

  it('when the staff member comments on a record, then it is kept beside it; before a record, it is refused', () => {
    const state = withObjectives(1);
    expect(addStaffComment(state, 'planning', 'Thanks', now)).toEqual({ ok: false, problem: 'no-review' });
    setMeetingDates(state, { planning: '2026-11-23' }, '2026-11-23', cycle);
    recordReview(state, 'planning', 'mgr', { outcomes: {}, priorities: [] }, '2026-11-23', now);
    expect(addStaffComment(state, 'planning', 'Thanks', now)).toEqual({ ok: true });
    expect(state.meetings.planning.review?.staffComment).toBe('Thanks');
  });

  it('when a cycle has ended, then the next one starts empty and carries forward the priorities recorded at its end', () => {
    const state = withObjectives(1);
    state.meetings['end-of-year'] = { date: '2027-07-07', confirmed: {}, snoozedUntil: {}, review: { recordedAt: 'x', recordedBy: 'm', outcomes: { o1: 'met' }, comments: '', priorities: ['Lead phonics'] } };
    const next = currentAppraisal({ appraisal: state }, '2027-09-02', calendarOf(undefined), now);
    expect(next.cycle.id).toBe('2027-09');
    expect(next.state).toMatchObject({ cycleId: '2027-09', objectives: [], previousPriorities: ['Lead phonics'] });
  });
});
