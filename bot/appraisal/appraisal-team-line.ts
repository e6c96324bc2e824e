import { fill, strings } from '../i18n/strings';
import type { Holiday } from '../proactive/quiet-hours';
import type { Language } from '../users/user-record';
import { formatDate } from './appraisal-format';
import { MEETING_IDS, type AppraisalState } from './appraisal-state';
import { meetingStatus } from './meeting-status';

/** One line on the manager's team view: the next meeting, an overdue one (and whether reminders stopped), or done. */
export function teamLine(language: Language, state: AppraisalState | undefined, today: string, holidays: readonly Holiday[]): { text: string; attention: boolean } {
  const s = strings(language);
  if (!state) return { text: s.team.appraisalNone, attention: false };
  // The first meeting not yet recorded that has a date; one without a date is passed over.
  for (const id of MEETING_IDS) {
    const status = meetingStatus(state.meetings[id], today, holidays);
    const meeting = s.appraisal.meetings[id];
    if (status.status === 'done' || status.status === 'not-set') continue;
    const date = formatDate(status.date, language);
    if (status.status === 'upcoming') return { text: fill(s.team.appraisalNext, { meeting, date }), attention: false };
    return { text: fill(status.stopped ? s.team.appraisalStopped : s.team.appraisalOverdue, { meeting, date }), attention: true };
  }
  const allDone = MEETING_IDS.every((id) => state.meetings[id].review);
  return { text: allDone ? s.team.appraisalDone : s.team.appraisalNone, attention: false };
}
