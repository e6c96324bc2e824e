import { cleanTypedText } from '../text/clean-typed-text';
import { isRealDate } from '../time/london-date';
import { LIMITS, type LearningFields } from './learning-entry';
import type { EntryFormInput } from './learning-input';

/** Why a field of the entry form was refused; each has its words in `learning.problems`. */
export type FieldProblem =
  | 'title-missing'
  | 'title-long'
  | 'date-invalid'
  | 'date-future'
  | 'date-early'
  | 'hours-invalid'
  | 'hours-range'
  | 'kind-missing'
  | 'reflection-long'
  | 'objective-unknown';

/** The form's fields that can carry a problem. */
export type EntryField = 'title' | 'date' | 'hours' | 'kind' | 'learned' | 'changed' | 'difference' | 'objective';

export type EntryCheck = { ok: true; fields: Omit<LearningFields, 'objective'> } | { ok: false; problems: Partial<Record<EntryField, FieldProblem>> };

/** Hours as people write them: "2", "1.5", "1,5" (a decimal comma), at most two decimals. */
export function parseHours(raw: string): number | undefined {
  const text = raw.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Checks what was typed on the entry form against today's date in Wales. Every problem is
 * found at once, so the card comes back marked at each field that needs changing.
 */
export function checkEntry(input: EntryFormInput, today: string, ownObjectives: readonly string[] = []): EntryCheck {
  const problems: Partial<Record<EntryField, FieldProblem>> = {};
  // Only the person's own objectives of this cycle can be linked: any other id is refused at the field.
  if (input.learningObjective !== '' && !ownObjectives.includes(input.learningObjective)) problems.objective = 'objective-unknown';
  const title = cleanTypedText(input.learningTitle, { maxLength: 2000 });
  const reflection = (field: 'learned' | 'changed' | 'difference') => cleanTypedText(input[field], { maxLength: 5000, multiline: true });
  if (title === '') problems.title = 'title-missing';
  else if (title.length > LIMITS.title) problems.title = 'title-long';
  const date = input.learningDate.trim().slice(0, 10);
  if (!isRealDate(date)) problems.date = 'date-invalid';
  else if (date > today) problems.date = 'date-future';
  else if (date < LIMITS.earliestDate) problems.date = 'date-early';
  const hours = parseHours(input.learningHours);
  if (hours === undefined) problems.hours = 'hours-invalid';
  else if (hours <= 0 || hours > LIMITS.maxHours) problems.hours = 'hours-range';
  if (input.learningKind === '') problems.kind = 'kind-missing';
  for (const field of ['learned', 'changed', 'difference'] as const) {
    if ([...reflection(field)].length > LIMITS.reflection) problems[field] = 'reflection-long';
  }
  if (Object.keys(problems).length > 0 || hours === undefined || input.learningKind === '') return { ok: false, problems };
  return {
    ok: true,
    fields: {
      title,
      date,
      hours,
      learningKind: input.learningKind,
      keyAreas: input.learningAreas,
      standards: input.learningStandards,
      learned: reflection('learned'),
      changed: reflection('changed'),
      difference: reflection('difference'),
    },
  };
}
