import { renderAppraisalRecordCard } from '../../cards/appraisal-record-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { fill, strings } from '../i18n/strings';
import { shownName } from '../text/person-name';
import { londonDate } from '../time/london-date';
import type { Language } from '../users/user-record';
import { formatDate } from './appraisal-format';
import type { AppraisalState, MeetingId } from './appraisal-state';
import { recordLines, type Viewer } from './appraisal-views';

/**
 * One meeting's record, whole: what the overview shortens. The staff member gets their
 * comment box here; their line manager reads the comment. Undefined before it is recorded.
 */
export function recordCard(language: Language, state: AppraisalState, meeting: MeetingId, viewer: Viewer): AdaptiveCardJson | undefined {
  const review = state.meetings[meeting].review;
  if (!review) return undefined;
  const s = strings(language);
  const name = s.appraisal.meetings[meeting];
  const lines = recordLines(language, state.objectives, { ...review, staffComment: viewer.role === 'manager' ? review.staffComment : undefined }, viewer, false);
  return renderAppraisalRecordCard(language, {
    title: viewer.role === 'manager' ? `${fill(s.appraisal.reviewTitle, { name: shownName(viewer.name, viewer.reportId) })} — ${name}` : fill(s.appraisalRecord.title, { meeting: name }),
    intro: fill(s.appraisalRecord.intro, { date: formatDate(londonDate(new Date(review.recordedAt)), language) }),
    meeting,
    reportId: viewer.role === 'manager' ? viewer.reportId : '',
    outcomes: lines.outcomes,
    notes: lines.notes,
    commentable: viewer.role === 'staff',
    comment: viewer.role === 'staff' ? (review.staffComment ?? '') : '',
  });
}
