import { cleanTypedText } from '../text/clean-typed-text';
import { addDays } from '../time/london-clock';
import type { AppraisalCycle } from './appraisal-cycle';
import { checkDate, checkMeetingDate, datesInOrder, SNOOZE_DAYS, type DateProblem } from './appraisal-dates';
import { MAX_OBJECTIVES, MEETING_IDS, type AppraisalState, type KeyAreaId, type MeetingId, type Outcome, type Role, type StandardId } from './appraisal-state';

/** Why a change to an appraisal was refused; each has a message in both languages. */
export type AppraisalProblem =
  | DateProblem
  | 'too-many-objectives'
  | 'objective-text'
  | 'unknown-objective'
  | 'objectives-agreed'
  | 'objective-locked'
  | 'no-objectives'
  | 'no-date'
  | 'stale-date'
  | 'not-yet'
  | 'already-recorded'
  | 'outcomes-missing'
  | 'no-review'
  | 'comment-text';

/** A refusal may name the meeting whose date caused it, so the card marks that date picker. */
export type Result = { ok: true } | { ok: false; problem: AppraisalProblem; meeting?: MeetingId };
const ok: Result = { ok: true };
const refuse = (problem: AppraisalProblem, meeting?: MeetingId): Result => (meeting ? { ok: false, problem, meeting } : { ok: false, problem });
/** Typed text as it is stored: others read it on their cards (see bot/text). */
const tidy = (s: string | undefined, maxLength = 300) => cleanTypedText(s, { maxLength });
const tidyComment = (s: string | undefined) => cleanTypedText(s, { maxLength: 2000, multiline: true });

/**
 * These rules change only the state they are given and may run again on a fresh copy when
 * two writers meet (the eTag retry), so they read the clock only through their arguments.
 */
export function addObjective(
  state: AppraisalState,
  input: { text?: string; measure?: string; standards: StandardId[]; keyAreas: KeyAreaId[] },
): Result {
  if (state.meetings.planning.review) return refuse('objectives-agreed');
  if (state.objectives.length >= MAX_OBJECTIVES) return refuse('too-many-objectives');
  const text = tidy(input.text);
  const measure = tidy(input.measure);
  if (!text || !measure || text.length > 300 || measure.length > 300) return refuse('objective-text');
  state.objectives.push({ id: `o${state.nextObjectiveNumber}`, text, measure, standards: [...new Set(input.standards)], keyAreas: [...new Set(input.keyAreas)] });
  state.nextObjectiveNumber += 1;
  return ok;
}

/** The latest outcome recorded against an objective, if any: from then on it is locked. */
export function recordedOutcome(state: AppraisalState, objectiveId: string): Outcome | undefined {
  return [...MEETING_IDS].reverse().map((id) => state.meetings[id].review?.outcomes[objectiveId]).find((o) => o !== undefined);
}

/**
 * An objective can be removed until the planning meeting agrees the objectives (after that,
 * removing one would lose what was agreed), and never once an outcome is recorded against it.
 */
export function removeObjective(state: AppraisalState, objectiveId: string): Result {
  if (!state.objectives.some((o) => o.id === objectiveId)) return refuse('unknown-objective');
  if (recordedOutcome(state, objectiveId)) return refuse('objective-locked');
  if (state.meetings.planning.review) return refuse('objectives-agreed');
  state.objectives = state.objectives.filter((o) => o.id !== objectiveId);
  return ok;
}

/**
 * An objective can be reworded until an outcome is recorded against it. Edited after the
 * planning meeting agreed it, the agreed wording is kept beside it (the first edit keeps it;
 * later edits do not overwrite it), so neither side loses sight of what was agreed.
 */
export function editObjective(
  state: AppraisalState,
  objectiveId: string,
  input: { text?: string; measure?: string; standards: StandardId[]; keyAreas: KeyAreaId[] },
): Result {
  const objective = state.objectives.find((o) => o.id === objectiveId);
  if (!objective) return refuse('unknown-objective');
  if (recordedOutcome(state, objectiveId)) return refuse('objective-locked');
  const text = tidy(input.text);
  const measure = tidy(input.measure);
  if (!text || !measure || text.length > 300 || measure.length > 300) return refuse('objective-text');
  const reworded = text !== objective.text || measure !== objective.measure;
  if (reworded && state.meetings.planning.review && !objective.agreedAs) objective.agreedAs = { text: objective.text, measure: objective.measure };
  // Edited back to the agreed wording, it reads as agreed again.
  if (objective.agreedAs && objective.agreedAs.text === text && objective.agreedAs.measure === measure) delete objective.agreedAs;
  objective.text = text;
  objective.measure = measure;
  objective.standards = [...new Set(input.standards)];
  objective.keyAreas = [...new Set(input.keyAreas)];
  return ok;
}

/** Sets or moves a meeting; a moved meeting needs confirming again and loses its snoozes. */
export function setMeetingDate(state: AppraisalState, meeting: MeetingId, date: string, today: string, cycle: AppraisalCycle): Result {
  const m = state.meetings[meeting];
  if (m.review) return refuse('already-recorded');
  if (m.date === date) return ok;
  const problem = checkMeetingDate(state, meeting, date, today, cycle);
  if (problem) return refuse(problem, meeting);
  m.date = date;
  m.confirmed = {};
  m.snoozedUntil = {};
  return ok;
}

/**
 * Sets several meetings at once (the card's three date pickers): all or nothing. Dates left
 * as they are, or left empty, are not checked again (a recorded meeting's date has passed).
 */
export function setMeetingDates(state: AppraisalState, dates: Partial<Record<MeetingId, string>>, today: string, cycle: AppraisalCycle): Result {
  const next: Partial<Record<MeetingId, string>> = {};
  const changed: MeetingId[] = [];
  for (const id of MEETING_IDS) {
    const stored = state.meetings[id].date;
    const wanted = dates[id] || stored;
    next[id] = wanted;
    if (wanted === stored) continue;
    if (state.meetings[id].review) return refuse('already-recorded', id);
    const problem = checkDate(wanted ?? '', today, cycle);
    if (problem) return refuse(problem, id);
    changed.push(id);
  }
  if (!datesInOrder(next)) return refuse('date-order', outOfOrder(next, changed));
  for (const id of changed) state.meetings[id] = { ...state.meetings[id], date: next[id], confirmed: {}, snoozedUntil: {} };
  return ok;
}

/** The meeting to mark when dates are out of order: the first that is not after the one before, preferring one just changed. */
function outOfOrder(dates: Partial<Record<MeetingId, string>>, changed: MeetingId[]): MeetingId | undefined {
  const set = MEETING_IDS.filter((id) => dates[id] !== undefined);
  const pairs = set.slice(1).map((id, i) => [set[i] as MeetingId, id] as const).filter(([before, after]) => (dates[before] as string) >= (dates[after] as string));
  const first = pairs[0];
  if (!first) return undefined;
  return changed.includes(first[1]) || !changed.includes(first[0]) ? first[1] : first[0];
}

/** One side confirms the date shown on their card; a card showing an older date is stale. */
export function confirmMeeting(state: AppraisalState, meeting: MeetingId, role: Role, shownDate: string, now: Date): Result {
  const m = state.meetings[meeting];
  if (!m.date) return refuse('no-date');
  if (m.date !== shownDate) return refuse('stale-date');
  if (m.review) return refuse('already-recorded');
  m.confirmed[role] ??= now.toISOString();
  return ok;
}

/** Puts one side's prompts for a meeting off for a week from `today`. */
export function snoozeMeeting(state: AppraisalState, meeting: MeetingId, role: Role, shownDate: string, today: string): Result {
  const m = state.meetings[meeting];
  if (!m.date) return refuse('no-date');
  if (m.date !== shownDate) return refuse('stale-date');
  if (m.review) return refuse('already-recorded');
  m.snoozedUntil[role] = addDays(today, SNOOZE_DAYS);
  return ok;
}

/**
 * The line manager's record of a meeting held (on its day or after): at the planning
 * meeting the objectives are agreed (there must be some); at the reviews, an outcome for
 * every objective.
 */
export function recordReview(
  state: AppraisalState,
  meeting: MeetingId,
  managerId: string,
  input: { outcomes: Record<string, Outcome>; comments?: string; priorities: string[] },
  today: string,
  now: Date,
): Result {
  const m = state.meetings[meeting];
  if (m.review) return refuse('already-recorded');
  if (!m.date) return refuse('no-date');
  if (m.date > today) return refuse('not-yet');
  if (state.objectives.length === 0) return refuse('no-objectives');
  const outcomes: Record<string, Outcome> = {};
  if (meeting !== 'planning') {
    for (const o of state.objectives) {
      const outcome = input.outcomes[o.id];
      if (!outcome) return refuse('outcomes-missing');
      outcomes[o.id] = outcome;
    }
  }
  const comments = tidyComment(input.comments);
  if (comments.length > 2000) return refuse('comment-text');
  const priorities = [...new Set(input.priorities.map((p) => tidy(p, 200)).filter((p) => p !== ''))].slice(0, MAX_OBJECTIVES);
  if (priorities.some((p) => p.length > 200)) return refuse('comment-text');
  m.review = { recordedAt: now.toISOString(), recordedBy: managerId, outcomes, comments, priorities };
  return ok;
}

/** The staff member's own comment on a recorded meeting; writing again replaces it. */
export function addStaffComment(state: AppraisalState, meeting: MeetingId, text: string | undefined, now: Date): Result {
  const review = state.meetings[meeting].review;
  if (!review) return refuse('no-review');
  const comment = tidyComment(text);
  if (!comment || comment.length > 2000) return refuse('comment-text');
  review.staffComment = comment;
  review.staffCommentAt = now.toISOString();
  return ok;
}
