import { renderAppraisalCard, type AppraisalCardData } from '../../cards/appraisal-card';
import { renderAppraisalReviewCard } from '../../cards/appraisal-review-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { keyAreaName } from '../content/key-areas';
import { fill, strings } from '../i18n/strings';
import { inertMarkdown as inert } from '../text/inert-markdown';
import { shownName } from '../text/person-name';
import { shortenTypedText as shorten } from '../text/shorten-typed-text';
import { PRIORITY_TYPED, RECORD_NOTE_TYPED, RECORD_OBJECTIVE_TYPED } from '../../cards/appraisal-card';
import type { Holiday } from '../proactive/quiet-hours';
import type { Language } from '../users/user-record';
import { cycleFrom, type AppraisalCycle } from './appraisal-cycle';
import { formatDate, inSentence } from './appraisal-format';
import { meetingStatus } from './meeting-status';
import { KEY_AREA_IDS, MEETING_IDS, STANDARD_IDS, type AppraisalState, type MeetingId, type Objective } from './appraisal-state';
import { dateBounds } from './appraisal-date-bounds';
import type { AppraisalTyped, MarkedProblem } from './appraisal-typed';
import { objectiveLines, objectiveRow, newObjectiveForm } from './appraisal-objective-lines';

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
  /** Development priorities the staff member noted during their induction (their own view only). */
  inductionPriorities?: string[];
  /** What they had typed when they pressed a button, filled in again. */
  typed?: AppraisalTyped;
  /** A refusal, marked at the field it concerns. */
  problem?: MarkedProblem;
}

/** A record's lines, typed parts inert: an outcome per objective, then comments, priorities and the staff member's comment. */
export interface RecordLines {
  outcomes: string[];
  notes: string[];
}

/**
 * The lines of one record. `cut` shortens each typed part for an overview (the record card
 * shows it whole); the staff member's own comment is "your comment" to them.
 */
export function recordLines(
  language: Language,
  objectives: readonly Objective[],
  review: { outcomes: Record<string, string | undefined>; comments: string; priorities: string[]; staffComment?: string },
  viewer: Viewer,
  cut: boolean,
): RecordLines {
  const s = strings(language).appraisal;
  const typed = (text: string, max: number) => inert(cut ? shorten(text, max) : text);
  const outcomeOf = (id: string) => review.outcomes[id] as keyof typeof s.outcomes | undefined;
  return {
    outcomes: objectives
      .filter((obj) => outcomeOf(obj.id))
      .map((obj) => fill(s.outcomeLine, { objective: typed(obj.text, RECORD_OBJECTIVE_TYPED), outcome: s.outcomes[outcomeOf(obj.id)!] })),
    notes: [
      review.comments ? fill(s.commentsLine, { text: typed(review.comments, RECORD_NOTE_TYPED) }) : '',
      review.priorities.length ? fill(s.nextPrioritiesLine, { list: typed(review.priorities.join('; '), RECORD_NOTE_TYPED) }) : '',
      review.staffComment ? fill(viewer.role === 'manager' ? s.staffCommentLine : s.yourCommentLine, { text: typed(review.staffComment, RECORD_NOTE_TYPED) }) : '',
    ].filter((line) => line !== ''),
  };
}

/** The short record of a past cycle: each objective with its latest outcome, then the end-of-year comments and priorities. */
function lastCycleLines(language: Language, past: AppraisalState, viewer: Viewer): RecordLines {
  const latest = [...MEETING_IDS].reverse().map((id) => past.meetings[id].review).filter((r) => r !== undefined);
  const end = past.meetings['end-of-year'].review;
  const outcomes = Object.fromEntries(past.objectives.map((obj) => [obj.id, latest.find((r) => r.outcomes[obj.id])?.outcomes[obj.id]]));
  const lines = recordLines(language, past.objectives, { outcomes, comments: end?.comments ?? '', priorities: end?.priorities ?? [], staffComment: end?.staffComment }, viewer, true);
  // An objective with no outcome recorded is listed by itself.
  const unrecorded = past.objectives.filter((obj) => !outcomes[obj.id]).map((obj) => inert(shorten(obj.text, RECORD_OBJECTIVE_TYPED)));
  return { outcomes: [...lines.outcomes, ...unrecorded].slice(0, 5), notes: lines.notes };
}

/**
 * The appraisal card: the staff member's own, or their line manager's view of it, with what
 * was typed filled in again (`o.typed`) and a refusal marked where it belongs (`o.problem`).
 * The date pickers offer the dates the rules accept (see `dateBounds`); the rules still
 * check every changed date.
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
    ...(o.lastCycle ? lastCycleView(lastCycleLines(language, o.lastCycle, o.viewer)) : {}),
    reportId: o.viewer.role === 'manager' ? o.viewer.reportId : '',
    priorities: [...new Set([...state.previousPriorities, ...(o.priorities ?? [])])].slice(0, 8).map((p) => inert(shorten(p, PRIORITY_TYPED))),
    inductionPriorities: manager ? [] : (o.inductionPriorities ?? []).slice(0, 5).map((p) => inert(shorten(p, PRIORITY_TYPED))),
    dateError: o.problem?.meeting ? { meeting: o.problem.meeting, text: s.problems[o.problem.problem] } : undefined,
    noObjectivesText: manager ? s.managerNoObjectives : s.noObjectives,
    objectives: state.objectives.map((obj) => objectiveRow(language, state, obj, !manager)),
    canEditObjectives: !manager && !agreed,
    ...newObjectiveForm(language, o.typed?.objective, o.problem),
    agreed: agreed && state.objectives.length > 0,
    standardChoices: STANDARD_IDS.map((id) => ({ title: s.standards[id], value: id })),
    keyAreaChoices: KEY_AREA_IDS.map((id) => ({ title: keyAreaName(id, language), value: id })),
    meetings,
    recordActions: manager
      ? MEETING_IDS.filter((id) => recordable(state, id, o.today)).map((id) => ({ title: fill(s.recordTitle, { meeting: inSentence(s.meetings[id]), date: formatDate(state.meetings[id].date ?? '', language) }), meeting: id }))
      : [],
  };
  return renderAppraisalCard(language, data);
}

const lastCycleView = (lines: RecordLines) => ({ lastCycleLines: lines.outcomes, lastCycleNotes: lines.notes });

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
  // Shortened here: the whole record, and the staff member's comment box, are on the record card.
  const record = review ? recordLines(language, state.objectives, review, o.viewer, true) : { outcomes: [], notes: [] };
  const r = strings(language).appraisalRecord;
  const typedDate = o.typed?.dates?.[id];
  const shownDate = !review && typedDate ? typedDate.slice(0, 10) : (m.date ?? '');
  const bounds = dateBounds(o.today, o.cycle, [m.date, shownDate]);
  return {
    id,
    min: bounds.min,
    max: bounds.max,
    name: s.meetings[id],
    statusText,
    attention: status.status === 'overdue',
    date: shownDate,
    dateLabel: fill(s.dateLabel, { meeting: s.meetings[id] }),
    editable: !review,
    notes,
    record: record.outcomes,
    recordNotes: record.notes,
    recordButton: review ? (o.viewer.role === 'staff' ? r.openToComment : r.open) : '',
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
