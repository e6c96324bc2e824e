import { z } from 'zod';
import { bilingualSchema, slug } from './content-schemas';
import { contentLinkSchema } from './induction-schemas';
import { keyAreaIds } from './key-area-schemas';

/**
 * The seven key areas of the support staff self-assessment (ids and names in key-areas.json),
 * in the order the cards ask them, then the short section on the person's own literacy and
 * numeracy (scored, shown, and used for signposting, but never one of the development priorities).
 */
export { keyAreaIds, type KeyAreaId } from './key-area-schemas';
export const ownSkillsAreaId = 'own-skills' as const;
export const areaIds = [...keyAreaIds, ownSkillsAreaId] as const;
export const areaIdSchema = z.enum(areaIds);
export type AreaId = z.infer<typeof areaIdSchema>;

/** The four-point confidence scale: 1 not yet … 4 could help others. */
export const scaleValueSchema = z.number().int().min(1).max(4);
export type ScaleValue = 1 | 2 | 3 | 4;

export const selfAssessmentFileSchema = z
  .object({
    $comment: z.string().optional(),
    welshReviewed: z.boolean(),
    scale: z
      .array(z.object({ value: scaleValueSchema, label: bilingualSchema, hint: bilingualSchema }).strict())
      .length(4)
      .refine((points) => points.every((p, i) => p.value === i + 1), 'scale values must be 1, 2, 3, 4 in order'),
    /** Which statements a person answers: every role option in roles.json belongs to exactly one track. */
    tracks: z
      .array(
        z
          .object({
            id: slug,
            name: bilingualSchema,
            /** NJC roles in this track; `levels` absent means every level of that role. */
            roles: z.array(z.object({ roleId: slug, levels: z.array(z.number().int().min(1).max(6)).min(1).optional() }).strict()).min(1),
          })
          .strict(),
      )
      .min(1),
    /** Summaries of every area; only own-skills has a name here, the key areas' names are in key-areas.json. */
    areas: z
      .array(z.object({ id: areaIdSchema, name: bilingualSchema.optional(), summary: bilingualSchema }).strict())
      .length(areaIds.length),
    statements: z
      .array(
        z
          .object({
            id: slug,
            area: areaIdSchema,
            /** Track ids this statement fits. */
            tracks: z.array(slug).min(1),
            /** One observable thing, in the first person: "I can explain to a parent …". */
            text: bilingualSchema,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type SelfAssessmentFile = z.infer<typeof selfAssessmentFileSchema>;
export type Statement = SelfAssessmentFile['statements'][number];

export const resourceTypes = ['guidance', 'course', 'article', 'video', 'community'] as const;

/**
 * One resource in the library: the self-assessment recommends these now, professional learning
 * communities and CPD will share and browse them later, so each is tagged by key area, track
 * and the languages it exists in.
 */
export const resourceSchema = z
  .object({
    id: slug,
    title: bilingualSchema,
    summary: bilingualSchema,
    type: z.enum(resourceTypes),
    /** The languages the resource itself is available in (our title and summary are always both). */
    languages: z.array(z.enum(['cy', 'en'])).min(1),
    link: contentLinkSchema,
    areas: z.array(areaIdSchema).min(1),
    /** Track ids it suits; absent means every track. */
    tracks: z.array(slug).min(1).optional(),
  })
  .strict();
export type Resource = z.infer<typeof resourceSchema>;

export const resourcesFileSchema = z
  .object({
    $comment: z.string().optional(),
    welshReviewed: z.boolean(),
    resources: z.array(resourceSchema).min(1),
  })
  .strict();
export type ResourcesFile = z.infer<typeof resourcesFileSchema>;
