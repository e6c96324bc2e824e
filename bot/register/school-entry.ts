import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { slug } from '../content/content-schemas';
import { isCleanName } from './clean-name';

/**
 * School sectors as Wales counts them. `middle` is the all-age school (3–16 or 3–19) that
 * Wales calls a middle school; `pru` a pupil referral unit.
 */
export const SCHOOL_SECTORS = ['nursery', 'primary', 'middle', 'secondary', 'special', 'pru', 'other'] as const;
export type SchoolSector = (typeof SCHOOL_SECTORS)[number];

/**
 * How much a school teaches through Welsh, in the words parents know. Wales has used two
 * schemes: the 2007 definitions (Welsh-medium, dual stream, transitional, bilingual A–Ch,
 * English-medium with significant Welsh, English-medium; still in StatsWales tables) and the
 * three categories of the 2021 guidance and the Welsh Language and Education (Wales) Act 2025
 * (primarily Welsh, dual language, primarily English). These five cover both; a school the
 * five do not describe is `other`. See bot/register/README.md for the sources.
 */
export const LANGUAGE_CATEGORIES = ['welsh-medium', 'dual-language', 'english-significant-welsh', 'english-medium', 'other'] as const;
export type LanguageCategory = (typeof LANGUAGE_CATEGORIES)[number];

/** A Welsh Government school number: seven digits (a local authority code, then four). Only the shape is checked. */
export const SCHOOL_NUMBER = /^\d{7}$/;

/** The longest school name the register keeps: longer ones are turned away, not cut. */
export const MAX_SCHOOL_NAME = 120;

const schoolName = z
  .string()
  .min(1)
  .max(MAX_SCHOOL_NAME)
  .refine(isCleanName, 'no hidden characters, no spaces at the ends or doubled');

/**
 * One school in the register. A school is chosen from here, never typed as free text, so
 * everything that belongs to a school (staff, admins, settings) points at a stable id.
 */
export const schoolEntrySchema = z
  .object({
    id: z.string().regex(/^(wg-\d{7}|s-[a-z0-9-]{1,64})$/, 'wg-<school number> or s-<random id>'),
    number: z.string().regex(SCHOOL_NUMBER, 'seven digits').optional(),
    name: schoolName,
    /** Its name in the other language, where it has one. */
    altName: schoolName.optional(),
    laId: slug,
    sector: z.enum(SCHOOL_SECTORS),
    languageCategory: z.enum(LANGUAGE_CATEGORIES),
    open: z.boolean(),
  })
  .strict();
export type SchoolEntry = z.infer<typeof schoolEntrySchema>;

/**
 * The id a new register entry gets, decided once and never changed: `wg-<number>` when the
 * school number is known, so a second import of the same school finds it; otherwise a
 * random `s-` id (a number learnt later does not change it).
 */
export function schoolIdFor(number?: string): string {
  if (number === undefined) return `s-${randomUUID()}`;
  if (!SCHOOL_NUMBER.test(number)) throw new Error('a school number is seven digits');
  return `wg-${number}`;
}
