import { z } from 'zod';
import { bilingualSchema } from './content-schemas';

/**
 * The seven key areas' ids, in the order the self-assessment asks them. They are stored in
 * self-assessment results and appraisal objectives, so an id never changes meaning: the names
 * live in data/key-areas.json and may be reworded there, the ids may not.
 */
export const keyAreaIds = [
  'communication',
  'development',
  'safeguarding',
  'transitions',
  'multi-agency',
  'sharing-information',
  'literacy-numeracy',
] as const;
export const keyAreaIdSchema = z.enum(keyAreaIds);
export type KeyAreaId = z.infer<typeof keyAreaIdSchema>;

/** data/key-areas.json: every key area once, in the ids' order, named in Welsh and English. */
export const keyAreasFileSchema = z
  .object({
    $comment: z.string().optional(),
    /** False until a fluent Welsh speaker has checked the Welsh. */
    welshReviewed: z.boolean(),
    keyAreas: z
      .array(z.object({ id: keyAreaIdSchema, name: bilingualSchema }).strict())
      .refine((areas) => areas.length === keyAreaIds.length && areas.every((a, i) => a.id === keyAreaIds[i]), {
        message: `must list each key area once, in this order: ${keyAreaIds.join(', ')}`,
      }),
  })
  .strict();
export type KeyAreasFile = z.infer<typeof keyAreasFileSchema>;
export type KeyArea = KeyAreasFile['keyAreas'][number];
