import { z } from 'zod';
import { bilingualSchema, slug } from './content-schemas';

/**
 * Where a fact comes from: the source named in the project's research notes. A fact without
 * one fails the file, so nothing reaches a person that nobody can check.
 */
export const sourceSchema = z.string().trim().min(8, 'every fact names its source');

/** A fact shown to people, in both languages, with its source. */
export const sourcedFactSchema = z.object({ text: bilingualSchema, source: sourceSchema }).strict();
export type SourcedFact = z.infer<typeof sourcedFactSchema>;

/** A fact that can go out of date (a fee): it says when it was true. */
export const datedFactSchema = sourcedFactSchema.extend({ asOf: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a year or date it was true') }).strict();
export type DatedFact = z.infer<typeof datedFactSchema>;

const header = { $comment: z.string().optional(), welshReviewed: z.boolean() };

/** data/qualifications.json: what a person can name as their highest relevant qualification. */
export const qualificationsFileSchema = z
  .object({ ...header, qualifications: z.array(z.object({ id: slug, name: bilingualSchema, source: sourceSchema }).strict()).min(1).max(20) })
  .strict();
export type QualificationsFile = z.infer<typeof qualificationsFileSchema>;

/** data/hlta.json: HLTA status, in the words of its sources, and the readiness checklist. */
export const hltaFileSchema = z
  .object({
    ...header,
    about: z.array(sourcedFactSchema).min(1).max(5),
    whoFor: z.array(sourcedFactSchema).min(1).max(5),
    requirements: z.array(sourcedFactSchema).min(1).max(5),
    route: z.array(sourcedFactSchema).min(1).max(5),
    checklist: z.array(z.object({ id: slug, text: bilingualSchema, source: sourceSchema }).strict()).min(1).max(10),
  })
  .strict();
export type HltaFile = z.infer<typeof hltaFileSchema>;

/** data/ewc-registration.json: the school learning support worker test, the law around it, and the fee as dated facts. */
export const ewcRegistrationFileSchema = z
  .object({
    ...header,
    /** Asked in order; `meets` is the answer that fits the definition in the regulations. */
    questions: z.array(z.object({ id: slug, text: bilingualSchema, meets: z.enum(['yes', 'no']), source: sourceSchema }).strict()).min(1).max(8),
    law: z.array(sourcedFactSchema).min(1).max(5),
    fees: z.array(datedFactSchema).min(1).max(5),
  })
  .strict();
export type EwcRegistrationFile = z.infer<typeof ewcRegistrationFileSchema>;

/** A site's home page in each language: links go to site roots, which outlive deep links. */
const siteRoot = z.string().url().regex(/^https:\/\/[a-z0-9.-]+\/$/, 'an https site root ending in /');

/** data/welsh-learning.json: Welsh-language learning offers and the Welsh levels each fits. */
export const welshLearningFileSchema = z
  .object({
    ...header,
    offers: z
      .array(
        z
          .object({
            id: slug,
            name: bilingualSchema,
            facts: z.array(sourcedFactSchema).min(1).max(5),
            /** Welsh level ids (data/welsh-levels.json) the offer fits. */
            forLevels: z.array(slug).min(1),
            site: z.object({ en: siteRoot, cy: siteRoot }).strict(),
          })
          .strict(),
      )
      .min(1)
      .max(4),
  })
  .strict();
export type WelshLearningFile = z.infer<typeof welshLearningFileSchema>;

/** data/pathways.json: what each next NJC level adds, for the roles the sources describe level by level. */
export const pathwaysFileSchema = z
  .object({
    ...header,
    roles: z
      .array(
        z
          .object({
            roleId: slug,
            levels: z.array(z.object({ level: z.number().int().min(1).max(9), adds: sourcedFactSchema, learning: sourcedFactSchema.optional() }).strict()).min(1).max(9),
          })
          .strict(),
      )
      .max(30),
    /** Said where the sources do not describe a role level by level. */
    elsewhere: sourcedFactSchema,
  })
  .strict();
export type PathwaysFile = z.infer<typeof pathwaysFileSchema>;
