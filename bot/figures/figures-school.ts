import { createHash } from 'node:crypto';
import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';
import { storedFigureFactsSchema } from './figure-person';

/** The id of a school's figure document in its partition of `memberships` (one per school). */
export const FIGURES_SCHOOL_ID = 'figures-school';

/**
 * The most people one school's document counts. Wales's largest schools have a few hundred
 * support staff; at this many the document, with every answer at its longest, measures
 * about 1.3 MB, and with typical answers about 0.2 MB (test/integration/figures/
 * figures-school-document.test.ts), under Cosmos's 2 MB item limit either way. A person
 * beyond it is not counted at that school (refresh leaves them out).
 */
export const MAX_COUNTED_PER_SCHOOL = 2000;

/**
 * The counted facts of every confirmed member of one school, in ONE document in the school's
 * partition of `memberships` (`id` = `figures-school`, `pk` = the school's key): the nightly
 * figures make one point read per school instead of a query, and a person's change is a
 * conditional replace of their entry. `people` maps an opaque key (figureEntryKey: a hash of
 * the person's user key, no name, no email, no object id) to their facts.
 */
export const figuresSchoolSchema = z.object({
  id: z.literal(FIGURES_SCHOOL_ID),
  pk: z.string(),
  kind: z.literal('figures-school'),
  schoolId: z.string(),
  people: z.record(z.string(), storedFigureFactsSchema),
  updatedAt: z.string().datetime(),
});
/** A school's figure document, each person's facts in their compact form (read them with figureFactsSchema). */
export type FiguresSchool = z.infer<typeof figuresSchoolSchema>;

/** The collection of school figure documents. */
export const figuresSchoolCollection = collectionSpec('memberships', figuresSchoolSchema);

/**
 * A person's key in their schools' figure documents: a hash of their user key, so the
 * document names nobody, while erasure and the download, which know the person, still find
 * their entry. 96 bits: no two of a tenant's people meet by chance.
 */
export function figureEntryKey(userKey: string): string {
  return createHash('sha256').update(`figures\u0000${userKey}`).digest('base64url').slice(0, 16);
}
