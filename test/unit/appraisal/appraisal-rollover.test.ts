import { currentAppraisal, keepAppraisal, lastCycle } from '../../../bot/appraisal/appraisal-calendar';
import { MAX_PAST_CYCLES } from '../../../bot/appraisal/appraisal-history';
import { newAppraisal, type AppraisalState } from '../../../bot/appraisal/appraisal-state';
import type { UserRecord } from '../../../bot/users/user-record';

const calendar = { startMonth: 9, holidays: [] };
const now = new Date('2027-09-01T09:00:00Z');

/** Last year's appraisal: one objective, an end-of-year review on 16 July, recorded or not. */
function lastYear(recorded: boolean): AppraisalState {
  const state = newAppraisal('2026-09', new Date('2026-09-01T00:00:00Z'));
  state.objectives.push({ id: 'o1', text: 'Lead phonics', measure: 'Group reads', standards: [], keyAreas: [] });
  state.meetings['end-of-year'].date = '2027-07-16';
  if (recorded) state.meetings['end-of-year'].review = { recordedAt: '2027-09-01', recordedBy: 'm', outcomes: { o1: 'met' }, comments: 'Well done', priorities: ['Mentor a new TA'] };
  return state;
}

describe('the appraisal cycle rolling over', () => {
  it('when the cycle has ended with a meeting still to record, then that cycle is still the one shown and changed', () => {
    const { state, cycle } = currentAppraisal({ appraisal: lastYear(false) }, '2027-09-01', calendar, now);
    expect([state.cycleId, cycle.end, state.objectives.length]).toEqual(['2026-09', '2027-08-31', 1]);
  });

  it('when the meeting is recorded, then the new cycle takes over, carrying its priorities forward', () => {
    const { state, cycle } = currentAppraisal({ appraisal: lastYear(true) }, '2027-09-01', calendar, now);
    expect([state.cycleId, cycle.start, state.objectives, state.previousPriorities]).toEqual(['2027-09', '2027-09-01', [], ['Mentor a new TA']]);
  });

  it('when a whole further year has passed with the meeting never recorded, then the cycle of today is shown', () => {
    expect(currentAppraisal({ appraisal: lastYear(false) }, '2028-09-04', calendar, now).state.cycleId).toBe('2028-09');
  });

  it('when the first change of the new cycle is stored, then last year goes to the history and stays readable', () => {
    const user: Pick<UserRecord, 'appraisal' | 'appraisalHistory'> = { appraisal: lastYear(true) };
    const { state } = currentAppraisal(user, '2027-09-01', calendar, now);
    keepAppraisal(user, state);
    expect(user.appraisal?.cycleId).toBe('2027-09');
    expect(user.appraisalHistory?.map((c) => [c.cycleId, c.meetings['end-of-year'].review?.comments])).toEqual([['2026-09', 'Well done']]);
    expect(lastCycle(user, user.appraisal!)?.objectives[0]?.text).toBe('Lead phonics');
  });

  it('when many cycles have passed, then the history keeps the most recent five', () => {
    const user: Pick<UserRecord, 'appraisal' | 'appraisalHistory'> = {};
    for (let year = 2020; year <= 2027; year += 1) keepAppraisal(user, newAppraisal(`${year}-09`, now));
    expect(user.appraisalHistory?.map((c) => c.cycleId)).toEqual(['2026-09', '2025-09', '2024-09', '2023-09', '2022-09']);
    expect(user.appraisalHistory).toHaveLength(MAX_PAST_CYCLES);
  });
});
