import type { SelfAssessmentContent } from '../content/self-assessment-content';
import { ownSkillsAreaId, type AreaId } from '../content/self-assessment-schemas';
import { choosePriorities, scoreArea } from './scoring';
import type { Answer, AssessmentResult, Attempt } from './self-assessment-state';

/** Why an area's answers were refused; each has a message in both languages. */
export type AnswerProblem = 'stale-attempt' | 'unknown-area' | 'unknown-statement' | 'out-of-scale' | 'unanswered';

/** The prefix of a statement's input id on the area card: `a:<statement id>`. */
export const ANSWER_INPUT_PREFIX = 'a:';

const allowedValues: Record<string, Answer | undefined> = { '1': 1, '2': 2, '3': 3, '4': 4, skip: 'skip' };

export type AreaAnswers =
  | { ok: true; answers: Record<string, Answer> }
  | { ok: false; problem: Exclude<AnswerProblem, 'unanswered'> }
  /** Statements still blank; `answers` holds what was given, which is worth keeping. */
  | { ok: false; problem: 'unanswered'; unanswered: string[]; answers: Record<string, Answer> };

/**
 * Checks one area's card data against the framework: every input must be a statement of this
 * area for this person's track, every value a point on the scale or "skip". Moving on needs
 * every statement answered or skipped (here or earlier); going back keeps what was given.
 */
export function readAreaAnswers(
  content: SelfAssessmentContent,
  attempt: Attempt | undefined,
  submitted: { attemptId: string; area: AreaId; move: 'back' | 'next'; inputs: Record<string, unknown> },
): AreaAnswers {
  if (!attempt || attempt.id !== submitted.attemptId) return { ok: false, problem: 'stale-attempt' };
  if (!content.areasFor(attempt.trackId).includes(submitted.area)) return { ok: false, problem: 'unknown-area' };
  const statements = new Set(content.statementsFor(attempt.trackId, submitted.area).map((s) => s.id));
  const answers: Record<string, Answer> = {};
  for (const [key, raw] of Object.entries(submitted.inputs)) {
    if (!key.startsWith(ANSWER_INPUT_PREFIX)) continue;
    const statementId = key.slice(ANSWER_INPUT_PREFIX.length);
    if (!statements.has(statementId)) return { ok: false, problem: 'unknown-statement' };
    if (raw === '' || raw === undefined) continue;
    const value = typeof raw === 'string' ? allowedValues[raw] : undefined;
    if (value === undefined) return { ok: false, problem: 'out-of-scale' };
    answers[statementId] = value;
  }
  if (submitted.move === 'next') {
    const unanswered = [...statements].filter((id) => answers[id] === undefined && attempt.answers[id] === undefined);
    if (unanswered.length > 0) return { ok: false, problem: 'unanswered', unanswered, answers };
  }
  return { ok: true, answers };
}

/** Stores an area's answers; moving on marks the area submitted. */
export function recordArea(attempt: Attempt, area: AreaId, answers: Record<string, Answer>, move: 'back' | 'next'): void {
  Object.assign(attempt.answers, answers);
  if (move === 'next' && !attempt.doneAreas.includes(area)) attempt.doneAreas.push(area);
}

/** The first area not yet submitted, or undefined when the assessment is ready to finish. */
export function resumeArea(content: SelfAssessmentContent, attempt: Attempt): AreaId | undefined {
  return content.areasFor(attempt.trackId).find((area) => !attempt.doneAreas.includes(area));
}

/** The areas either side of one, for the card's back and next. */
export function neighbours(content: SelfAssessmentContent, trackId: string, area: AreaId): { previous?: AreaId; next?: AreaId } {
  const areas = content.areasFor(trackId);
  const index = areas.indexOf(area);
  return { previous: areas[index - 1], next: index >= 0 ? areas[index + 1] : undefined };
}

/** Scores every area, chooses the priorities and closes the attempt as a result. */
export function finishAttempt(content: SelfAssessmentContent, attempt: Attempt, now: Date): AssessmentResult {
  const areas = content.areasFor(attempt.trackId).map((area) =>
    scoreArea(
      area,
      content.statementsFor(attempt.trackId, area).map((s) => attempt.answers[s.id] ?? 'skip'),
    ),
  );
  return {
    id: attempt.id,
    trackId: attempt.trackId,
    completedAt: now.toISOString(),
    areas,
    priorities: choosePriorities(areas),
    answers: { ...attempt.answers },
  };
}

/** The person's own literacy and numeracy answers in a result, for signposting. */
export function ownSkillsAnswers(content: SelfAssessmentContent, result: AssessmentResult): Answer[] {
  return content.statementsFor(result.trackId, ownSkillsAreaId).map((s) => result.answers[s.id] ?? 'skip');
}
