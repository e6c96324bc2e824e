import { z } from 'zod';
import { KEY_AREA_IDS, STANDARD_IDS } from '../appraisal/appraisal-state';
import { entryIdSchema, LEARNING_KINDS } from './learning-entry';

/**
 * A comma-joined multi-select as Teams sends it, each value one of `allowed`. A value the card
 * never offered is tampering: the action is refused as a whole (the stale-card card).
 */
function choices<T extends string>(allowed: readonly T[]) {
  return z
    .string()
    .max(400)
    .default('')
    .transform((raw) => raw.split(',').map((v) => v.trim()).filter((v) => v !== ''))
    .refine((values) => values.every((v) => (allowed as readonly string[]).includes(v)), 'a value the card never offered')
    .transform((values) => [...new Set(values)] as T[]);
}

/**
 * What the entry form sends, as typed. Bounds here are generous on purpose: text over the
 * card's limit comes back marked at its field (learning-rules), not refused as tampering.
 */
export const entryFormInputSchema = z.object({
  entryId: z.union([entryIdSchema, z.literal('')]).default(''),
  learningTitle: z.string().max(2000).default(''),
  learningDate: z.string().max(40).default(''),
  learningHours: z.string().max(40).default(''),
  learningKind: z.union([z.enum(LEARNING_KINDS), z.literal('')]).default(''),
  learningAreas: choices(KEY_AREA_IDS),
  learningStandards: choices(STANDARD_IDS),
  learned: z.string().max(5000).default(''),
  changed: z.string().max(5000).default(''),
  difference: z.string().max(5000).default(''),
  /** An objective id of the person's current appraisal, or '' (not linked). "none" (the "Not linked" choice) first: it would pass as an id too. */
  learningObjective: z.union([z.literal('none').transform((): '' => ''), z.string().regex(/^[a-z0-9-]{1,20}$/), z.literal('')]).default(''),
});
export type EntryFormInput = z.infer<typeof entryFormInputSchema>;

/**
 * "Save to my learning" from elsewhere (self-assessment results, a resource): what is known
 * starts the entry. A key area or kind the card never offered is tampering.
 */
export const entryStartInputSchema = z.object({
  areas: choices(KEY_AREA_IDS),
  title: z.string().max(200).default(''),
  kind: z.union([z.enum(LEARNING_KINDS), z.literal('')]).default(''),
  /** The resource's link (a PLC's): kept in the first reflection answer, which holds at most 1,000 characters. */
  link: z.string().url().startsWith('https://').max(900).optional(),
});
export type EntryStartInput = z.infer<typeof entryStartInputSchema>;

/** A button naming one entry (edit, delete). */
export const entryActionInputSchema = z.object({ entryId: entryIdSchema, page: z.number().int().min(0).max(1000).default(0), confirm: z.literal(true).optional() });

/** The list's filters and page, from its own inputs or a button that carries them. */
/** "All" is `all` on the card (a choice needs a value) and '' here. */
const ALL = z.union([z.literal('all'), z.literal('')]).transform((): '' => '');
export const learningListInputSchema = z.object({
  filterYear: z.union([z.string().regex(/^\d{4}$/), ALL]).default(''),
  filterArea: z.union([z.enum(KEY_AREA_IDS), ALL]).default(''),
  filterStandard: z.union([z.enum(STANDARD_IDS), ALL]).default(''),
  page: z.number().int().min(0).max(1000).default(0),
});
export type LearningListInput = z.infer<typeof learningListInputSchema>;
