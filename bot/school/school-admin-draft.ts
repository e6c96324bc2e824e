import { z } from 'zod';
import { SCHOOL_FIELD_LIMITS, SCHOOL_FIELDS, sectionFields, type SchoolDraft, type SchoolField, type SchoolSection } from '../../cards/school-admin-card';

/** A typed value as Teams sends it: a number input may arrive as a number. */
const typed = (max: number) => z.union([z.string().max(max), z.number()]).transform(String).optional();

/** Every input of the school card, each optional: a button sends those of the part shown. */
export const typedFieldsSchema = z.object(
  Object.fromEntries(SCHOOL_FIELDS.map((f) => [f, typed(SCHOOL_FIELD_LIMITS[f])])) as Record<SchoolField, ReturnType<typeof typed>>,
);
export type TypedFields = z.infer<typeof typedFieldsSchema>;

/**
 * Everything typed on the card: what the button carried from the parts not shown, overlaid
 * with the inputs Teams sent from the part shown (those are the newest).
 */
export function mergeDraft(carried: TypedFields | undefined, sent: TypedFields): SchoolDraft {
  const draft: SchoolDraft = {};
  for (const f of SCHOOL_FIELDS) {
    const value = sent[f] ?? carried?.[f];
    if (value !== undefined) draft[f] = value;
  }
  return draft;
}

/**
 * The draft without one part's inputs: what stays typed once that part is saved, and what
 * the buttons carry while it is shown (Teams sends the inputs of the part shown itself).
 */
export function forgetSection(draft: SchoolDraft, section: SchoolSection): SchoolDraft {
  const kept: SchoolDraft = { ...draft };
  for (const f of sectionFields[section]) delete kept[f];
  return kept;
}

