import { renderAppraisalCard, type AppraisalCardData } from '../../cards/appraisal-card';
import { renderAppraisalReviewCard } from '../../cards/appraisal-review-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { fill, strings } from '../i18n/strings';
import { inertMarkdown as inert } from '../text/inert-markdown';
import { shownName } from '../text/person-name';
import type { Holiday } from '../proactive/quiet-hours';
import type { Language } from '../users/user-record';
import { cycleFrom, type AppraisalCycle } from './appraisal-cycle';
import { formatDate, inSentence } from './appraisal-format';
import { meetingStatus } from './meeting-status';
import { KEY_AREA_IDS, MEETING_IDS, STANDARD_IDS, type AppraisalState, type MeetingId, type Objective } from './appraisal-state';

/** An objective's lines for a card: what the staff member typed is made inert (their manager reads it). */
function objectiveLines(language: Language, o: Objective): { id: string; text: string; measureText: string; tagsText: string } {
  const s = strings(language).appraisal;
  const tags = [...o.standards.map((t) => s.standards[t]), ...o.keyAreas.map((k) => s.keyAreas[k])];
  return { id: o.id, text: inert(o.text), measureText: fill(s.measureLine, { measure: inert(o.measure) }), tagsText: tags.length ? fill(s.tagsLine, { tags: tags.join(', ') }) : '' };
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
  /** The cycle before this one, shown short: each objective's last outcome and the end-of-year record. */
  lastCycle?: AppraisalState;
}

/** The short record of a past cycle: each objective with its latest outcome, then the end-of-year comments and priorities. */
function lastCycleLines(language: Language, past: AppraisalState, viewer: Viewer): string[] {
  const s = strings(language).appraisal;
  const latest = [...MEETING_IDS].reverse().map((id) => past.meetings[id].review).filter((r) => r !== undefined);
  const end = past.meetings['end-of-year'].review;
  return [
    ...past.objectives.map((obj) => {
      const outcome = latest.find((r) => r.outcomes[obj.id])?.outcomes[obj.id];
      return outcome ? fill(s.outcomeLine, { objective: inert(obj.text), outcome: s.outcomes[outcome] }) : inert(obj.text);
    }),
    end?.comments ? fill(s.commentsLine, { text: inert(end.comments) }) : '',
    end?.priorities.length ? fill(s.nextPrioritiesLine, { list: end.priorities.map(inert).join('; ') }) : '',
    end?.staffComment ? fill(viewer.role === 'manager' ? s.staffCommentLine : s.yourCommentLine, { text: inert(end.staffComment) }) : '',
  ].filter((line) => line !== '').slice(0, 10);
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
    title: o.viewer.role === 'manager' ? fill(s.reviewTitle, { name: shownName(o.viewer.name, o.viewer.reportId) }) : s.title,
    intro: manager ? s.reviewIntro : s.intro,
    cycleText: fill(s.cycle, { from: formatDate(o.cycle.start, language), to: formatDate(o.cycle.end, language) }),
    // A cycle shown after its end still has a meeting to record; the next starts once it is.
    cycleEndedText: o.today > o.cycle.end ? s.cycleEnded : '',
    lastCycleTitle: o.lastCycle ? fill(s.lastCycleTitle, { from: formatDate(cycleFrom(o.lastCycle.cycleId).start, language), to: formatDate(cycleFrom(o.lastCycle.cycleId).end, language) }) : '',
    lastCycleLines: o.lastCycle ? lastCycleLines(language, o.lastCycle, o.viewer) : [],
    reportId: o.viewer.role === 'manager' ? o.viewer.reportId : '',
    priorities: [...new Set([...state.previousPriorities, ...(o.priorities ?? [])])].slice(0, 10).map(inert),
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
        ...state.objectives.filter((obj) => review.outcomes[obj.id]).map((obj) => fill(s.outcomeLine, { objective: inert(obj.text), outcome: s.outcomes[review.outcomes[obj.id]!] })),
        review.comments ? fill(s.commentsLine, { text: inert(review.comments) }) : '',
        review.priorities.length ? fill(s.nextPrioritiesLine, { list: review.priorities.map(inert).join('; ') }) : '',
        review.staffComment && o.viewer.role === 'manager' ? fill(s.staffCommentLine, { text: inert(review.staffComment) }) : '',
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

/** What the manager typed and chose on a review form that came back with a problem. */
export interface ReviewTyped {
  outcomes: Record<string, string>;
  comments?: string;
  priorities: string[];
}

/** The line manager's form to record one meeting; `typed` fills it again as they left it. */
export function reviewForm(language: Language, state: AppraisalState, meeting: MeetingId, report: { reportId: string; name: string }, lead = '', typed?: ReviewTyped): AdaptiveCardJson {
  const s = strings(language).appraisal;
  return renderAppraisalReviewCard(language, {
    lead,
    title: `${fill(s.reviewTitle, { name: shownName(report.name, report.reportId) })} — ${fill(s.recordTitle, { meeting: inSentence(s.meetings[meeting]), date: formatDate(state.meetings[meeting].date ?? '', language) })}`,
    reportId: report.reportId,
    meeting,
    date: state.meetings[meeting].date ?? '',
    planning: meeting === 'planning',
    objectives: state.objectives.map((obj) => ({ ...objectiveLines(language, obj), outcomeLabel: fill(s.outcomeLabel, { objective: obj.text }), outcome: typed?.outcomes[obj.id] ?? '' })),
    comments: (typed?.comments ?? '').slice(0, 2000),
    priorities: (typed?.priorities ?? []).join('\n').slice(0, 1100),
    outcomeError: s.problems['outcomes-missing'],
    outcomeChoices: (['met', 'partly-met', 'not-met'] as const).map((value) => ({ title: s.outcomes[value], value })),
  });
}
