import type { CardInputs } from './appraisal-input';
import type { AppraisalProblem } from './appraisal-rules';
import { MEETING_IDS, type KeyAreaId, type MeetingId, type StandardId } from './appraisal-state';

/** An objective's fields as the card's form held them. */
export interface TypedObjective {
  text?: string;
  measure?: string;
  standards: StandardId[];
  keyAreas: KeyAreaId[];
}

/**
 * What the person had typed on their appraisal card when they pressed a button: the new
 * objective's form and the three dates. The card drawn in answer fills its inputs from it,
 * so a refused or partial submit loses nothing.
 */
export interface AppraisalTyped {
  objective?: TypedObjective;
  dates?: Partial<Record<MeetingId, string>>;
}

/** A refusal as the card marks it: the reason, and where (a meeting's date picker, or the new objective's form). */
export interface MarkedProblem {
  problem: AppraisalProblem;
  meeting?: MeetingId;
  form?: 'new';
}

/** The three date pickers' values by meeting; a picker left empty is left out. */
export function datesOf(input: Pick<CardInputs, 'date-planning' | 'date-mid-year' | 'date-end-of-year'>): Partial<Record<MeetingId, string>> {
  const dates: Partial<Record<MeetingId, string>> = {};
  for (const id of MEETING_IDS) {
    const value = input[`date-${id}`];
    if (value) dates[id] = value;
  }
  return dates;
}

/** The card's inputs as they came, for the card drawn in answer; `omit` drops what the action has just used up. */
export function typedFrom(input: CardInputs, omit: { objective?: boolean; dates?: boolean } = {}): AppraisalTyped {
  const typed: AppraisalTyped = {};
  const objective = { text: input.objectiveText, measure: input.objectiveMeasure, standards: input.standards, keyAreas: input.keyAreas };
  if (!omit.objective && (objective.text || objective.measure || objective.standards.length || objective.keyAreas.length)) typed.objective = objective;
  if (!omit.dates) typed.dates = datesOf(input);
  return typed;
}

/** The appraisal card's inputs again, as the edit card's buttons carry them in their data. */
export function carriedInputs(typed: AppraisalTyped): Record<string, string> {
  return {
    objectiveText: typed.objective?.text ?? '',
    objectiveMeasure: typed.objective?.measure ?? '',
    standards: (typed.objective?.standards ?? []).join(','),
    keyAreas: (typed.objective?.keyAreas ?? []).join(','),
    ...Object.fromEntries(MEETING_IDS.map((id) => [`date-${id}`, typed.dates?.[id] ?? ''])),
  };
}

/** Which of an objective's two texts is missing or too long, for the marks beside them. */
export function objectiveFieldProblems(typed: Pick<TypedObjective, 'text' | 'measure'> | undefined): { text: boolean; measure: boolean } {
  const bad = (s: string | undefined) => (s ?? '').trim() === '' || (s ?? '').length > 300;
  return { text: bad(typed?.text), measure: bad(typed?.measure) };
}
