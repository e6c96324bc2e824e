import { z } from 'zod';
import { recordingBilingual } from '../i18n/recording-bilingual';

/**
 * Text every user sees, in both languages: neither may be empty. Its Welsh, once read, writes
 * down its English for a "Welsh and English" reader's card (bot/i18n/recording-bilingual.ts).
 */
export const bilingualSchema = z.object({ en: z.string().trim().min(1), cy: z.string().trim().min(1) }).strict().transform(recordingBilingual);
export type Bilingual = z.infer<typeof bilingualSchema>;

/** An id in content files: lower-case words joined by -. */
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by -');

export const rolesFileSchema = z
  .object({
    $comment: z.string().optional(),
    /** False until a fluent Welsh speaker has checked the Welsh. */
    welshReviewed: z.boolean(),
    families: z
      .array(
        z
          .object({
            id: slug,
            name: bilingualSchema,
            roles: z
              .array(
                z
                  .object({
                    id: slug,
                    name: bilingualSchema,
                    /** NJC levels; empty for a profile with a single level. */
                    levels: z.array(z.number().int().min(1).max(9)),
                    levelLabels: z.record(z.string().regex(/^\d$/), bilingualSchema).optional(),
                  })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type RolesFile = z.infer<typeof rolesFileSchema>;

export const welshLevelsFileSchema = z
  .object({
    $comment: z.string().optional(),
    welshReviewed: z.boolean(),
    levels: z.array(z.object({ id: slug, name: bilingualSchema }).strict()).min(2),
  })
  .strict();
export type WelshLevelsFile = z.infer<typeof welshLevelsFileSchema>;
