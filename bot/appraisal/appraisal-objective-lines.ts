import { keyAreaName } from '../content/key-areas';
import { AGREED_TYPED } from '../../cards/appraisal-card';
import { fill, strings } from '../i18n/strings';
import { inertMarkdown as inert } from '../text/inert-markdown';
import { shortenTypedText as shorten } from '../text/shorten-typed-text';
import type { Language } from '../users/user-record';
import { recordedOutcome } from './appraisal-rules';
import type { AppraisalState, Objective } from './appraisal-state';
import { objectiveFieldProblems, type MarkedProblem, type TypedObjective } from './appraisal-typed';

/**
 * Objectives are named in button titles this short, so a repeated button says which one it acts
 * on and "Remove: …" still shows whole on a narrow card.
 */
export const NAMED_IN_BUTTON = 30;

/** What an objective changed since the planning meeting was agreed as; empty when unchanged. `cut` shortens each typed part. */
export function agreedAsLine(language: Language, obj: Objective, cut?: number): string {
  if (!obj.agreedAs) return '';
  const part = (t: string) => inert(cut ? shorten(t, cut) : t);
  return fill(strings(language).appraisal.agreedAsLine, { text: part(obj.agreedAs.text), measure: part(obj.agreedAs.measure) });
}

/** An objective's lines for a card: what the staff member typed is made inert (their manager reads it). */
export function objectiveLines(language: Language, o: Objective): { id: string; text: string; measureText: string; tagsText: string } {
  const s = strings(language).appraisal;
  const tags = [...o.standards.map((t) => s.standards[t]), ...o.keyAreas.map((k) => keyAreaName(k, language))];
  return { id: o.id, text: inert(o.text), measureText: fill(s.measureLine, { measure: inert(o.measure) }), tagsText: tags.length ? fill(s.tagsLine, { tags: tags.join(', ') }) : '' };
}

/** An objective's row: its lines, what was agreed if it has changed since, whether it is locked, and its buttons named after it. */
export function objectiveRow(language: Language, state: AppraisalState, obj: Objective, own: boolean) {
  const s = strings(language).appraisal;
  const outcome = recordedOutcome(state, obj.id);
  const named = { objective: shorten(obj.text, NAMED_IN_BUTTON) };
  return {
    ...objectiveLines(language, obj),
    agreedAsText: agreedAsLine(language, obj, AGREED_TYPED),
    lockedText: outcome ? fill(s.lockedLine, { outcome: s.outcomes[outcome] }) : '',
    canEdit: own && !outcome,
    canRemove: own && !outcome && !state.meetings.planning.review,
    editTitle: fill(s.edit, named),
    removeTitle: fill(s.remove, named),
  };
}

/** The new objective's form as the person left it, with a mark beside a missing text when that was refused. */
export function newObjectiveForm(language: Language, typed: TypedObjective | undefined, problem: MarkedProblem | undefined) {
  const s = strings(language).appraisal;
  const marked = problem?.form === 'new' && problem.problem === 'objective-text' ? objectiveFieldProblems(typed) : { text: false, measure: false };
  return {
    objectiveText: typed?.text ?? '',
    objectiveMeasure: typed?.measure ?? '',
    standards: (typed?.standards ?? []).join(','),
    keyAreas: (typed?.keyAreas ?? []).join(','),
    objectiveError: marked.text ? s.objectiveMissing : '',
    measureError: marked.measure ? s.measureMissing : '',
  };
}
