import { renderAppraisalCard, type AppraisalCardData } from '../../cards/appraisal-card';
import { renderAppraisalReviewCard } from '../../cards/appraisal-review-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { fill, strings } from '../i18n/strings';
import type { Holiday } from '../proactive/quiet-hours';
import type { Language } from '../users/user-record';
import type { AppraisalCycle } from './appraisal-cycle';
import { formatDate, inSentence } from './appraisal-format';
import { meetingStatus } from './meeting-status';
import { KEY_AREA_IDS, MEETING_IDS, STANDARD_IDS, type AppraisalState, type MeetingId, type Objective } from './appraisal-state';

function objectiveLines(language: Language, o: Objective): { id: string; text: string; measureText: string; tagsText: string } {
  const s = strings(language).appraisal;
  const tags = [...o.standards.map((t) => s.standards[t]), ...o.keyAreas.map((k) => s.keyAreas[k])];
  return { id: o.id, text: o.text, measureText: fill(s.measureLine, { measure: o.measure }), tagsText: tags.length ? fill(s.tagsLine, { tags: tags.join(', ') }) : '' };
}

/** Who is looking: the staff member at their own, or their line manager (with the report's id and name). */
export type Viewer = { role: 'staff' } | { role: 'manager'; reportId: string; name: string };

/** What a view needs beyond the state. */
export interface AppraisalViewOptions {
  today: string;
  cycle: AppraisalCycle;
  holidays: readonly Holiday[];
  viewer: Viewer;
  lead?: { text: string; tone: 'good' | 'attention' };
  /** Development priorities from elsewhere (a shared self-assessment summary), shown beside those carried forward. */
  priorities?: string[];
}

/**
 * The appraisal card: the staff member's own, or their line manager's view of it. The date
 * pickers carry no min or max: a client would then refuse to send the form while one
 * meeting is overdue (its date has passed); the rules check every changed date instead.
 */
export function appraisalCard(language: Language, state: AppraisalState, o: AppraisalViewOptions): AdaptiveCardJson {
  const s = strings(language).appraisal;
  const manager = o.viewer.role === 'manager';
  const agreed = state.meetings.planning.review !== undefined;
  const meetings = MEETING_IDS.map((id) => meetingView(language, state, id, o));
  const data: AppraisalCardData = {
    lead: o.lead?.text ?? '',
    leadTone: o.lead?.tone ?? 'good',
    title: o.viewer.role === 'manager' ? fill(s.reviewTitle, { name: o.viewer.name }) : s.title,
    intro: manager ? s.reviewIntro : s.intro,
    cycleText: fill(s.cycle, { from: formatDate(o.cycle.start, language), to: formatDate(o.cycle.end, language) }),
    reportId: o.viewer.role === 'manager' ? o.viewer.reportId : '',
    priorities: [...new Set([...state.previousPriorities, ...(o.priorities ?? [])])].slice(0, 10),
    objectives: state.objectives.map((obj) => objectiveLines(language, obj)),
    canEditObjectives: !manager && !agreed,
    agreed: agreed && state.objectives.length > 0,
    standardChoices: STANDARD_IDS.map((id) => ({ title: s.standards[id], value: id })),
    keyAreaChoices: KEY_AREA_IDS.map((id) => ({ title: s.keyAreas[id], value: id })),
    meetings,
    recordActions: manager
      ? MEETING_IDS.filter((id) => recordable(state, id, o.today)).map((id) => ({ title: fill(s.recordTitle, { meeting: inSentence(s.meetings[id]), date: formatDate(state.meetings[id].date ?? '', language) }), meeting: id }))
      : [],
  };
  return renderAppraisalCard(language, data);
}

/** A meeting can be recorded on its day or after, once, when there are objectives. */
export function recordable(state: AppraisalState, id: MeetingId, today: string): boolean {
  const m = state.meetings[id];
  return !m.review && m.date !== undefined && m.date <= today && state.objectives.length > 0;
}

function meetingView(language: Language, state: AppraisalState, id: MeetingId, o: AppraisalViewOptions) {
  const s = strings(language).appraisal;
  const m = state.meetings[id];
  const status = meetingStatus(m, o.today, o.holidays);
  const statusText =
    status.status === 'not-set'
      ? s.status['not-set']
      : status.status === 'upcoming'
        ? fill(s.status.upcoming, { date: formatDate(status.date, language) })
        : status.status === 'overdue'
          ? fill(status.stopped ? s.status.stopped : s.status.overdue, { date: formatDate(status.date, language) })
          : `${s.status.done}${m.date ? `: ${formatDate(m.date, language)}` : ''}`;
  const notes = [m.confirmed.staff ? s.confirmedStaff : '', m.confirmed.manager ? s.confirmedManager : ''].filter((n) => n !== '');
  const review = m.review;
  const record = review
    ? [
        ...state.objectives.filter((obj) => review.outcomes[obj.id]).map((obj) => fill(s.outcomeLine, { objective: obj.text, outcome: s.outcomes[review.outcomes[obj.id]!] })),
        review.comments ? fill(s.commentsLine, { text: review.comments }) : '',
        review.priorities.length ? fill(s.nextPrioritiesLine, { list: review.priorities.join('; ') }) : '',
        review.staffComment && o.viewer.role === 'manager' ? fill(s.staffCommentLine, { text: review.staffComment }) : '',
      ].filter((line) => line !== '')
    : [];
  return {
    id,
    name: s.meetings[id],
    statusText,
    attention: status.status === 'overdue',
    date: m.date ?? '',
    dateLabel: fill(s.dateLabel, { meeting: s.meetings[id] }),
    editable: !review,
    notes,
    record,
    commentable: o.viewer.role === 'staff' && review !== undefined,
    comment: review?.staffComment ?? '',
  };
}

/** The line manager's form to record one meeting. */
export function reviewForm(language: Language, state: AppraisalState, meeting: MeetingId, report: { reportId: string; name: string }, lead = ''): AdaptiveCardJson {
  const s = strings(language).appraisal;
  return renderAppraisalReviewCard(language, {
    lead,
    title: `${fill(s.reviewTitle, { name: report.name })} — ${fill(s.recordTitle, { meeting: inSentence(s.meetings[meeting]), date: formatDate(state.meetings[meeting].date ?? '', language) })}`,
    reportId: report.reportId,
    meeting,
    date: state.meetings[meeting].date ?? '',
    planning: meeting === 'planning',
    objectives: state.objectives.map((obj) => ({ ...objectiveLines(language, obj), outcomeLabel: fill(s.outcomeLabel, { objective: obj.text }) })),
    outcomeError: s.problems['outcomes-missing'],
    outcomeChoices: (['met', 'partly-met', 'not-met'] as const).map((value) => ({ title: s.outcomes[value], value })),
  });
}
