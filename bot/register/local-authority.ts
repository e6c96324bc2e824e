import { z } from 'zod';
import { bilingualSchema, slug } from '../content/content-schemas';

/**
 * One of Wales's 22 local authorities. Its id is a slug that never changes (schools, admin
 * scopes and imports refer to it); its names are what people read and type.
 */
export const localAuthoritySchema = z.object({ id: slug, name: bilingualSchema }).strict();
export type LocalAuthority = z.infer<typeof localAuthoritySchema>;

/** data/local-authorities.json, checked at start like every content file. */
export const localAuthoritiesFileSchema = z
  .object({
    $comment: z.string().optional(),
    /** False until a fluent Welsh speaker has checked the Welsh names against the councils' own. */
    welshReviewed: z.boolean(),
    localAuthorities: z.array(localAuthoritySchema).min(1),
  })
  .strict();
export type LocalAuthoritiesFile = z.infer<typeof localAuthoritiesFileSchema>;
