import { z } from 'zod';
import { bilingualSchema, slug } from './content-schemas';

/** The stages of induction, in order; `refresher` is the journey for long-serving staff. */
export const inductionStageIds = ['before-first-day', 'first-day', 'first-week', 'first-half-term', 'refresher'] as const;
export const inductionStageIdSchema = z.enum(inductionStageIds);
export type InductionStageId = z.infer<typeof inductionStageIdSchema>;

/** Only public sites we can name with confidence; a link elsewhere fails the content check. */
export const allowedLinkHosts = [
  'hwb.gov.wales',
  'www.gov.wales',
  'gov.wales',
  'www.ewc.wales',
  'ewc.wales',
  'learnwelsh.cymru',
  'dysgucymraeg.cymru',
  'www.hse.gov.uk',
  'ico.org.uk',
  'safeguarding.wales',
  // Resource library (data/resources.json): Careers Wales runs the Welsh Government's Working Wales
  // advice service (essential skills); the Wales TUC pages host the Wales Union Learning Fund; the
  // Open University's free OpenLearn courses live under www.open.edu/openlearn/.
  'careerswales.gov.wales',
  'www.tuc.org.uk',
  'www.open.edu',
] as const;

export const contentLinkSchema = z
  .object({
    url: z
      .string()
      .url()
      .refine((u) => u.startsWith('https://'), 'must be https')
      .refine((u) => (allowedLinkHosts as readonly string[]).includes(new URL(u).hostname), {
        message: `host must be one of ${allowedLinkHosts.join(', ')}`,
      }),
    label: bilingualSchema,
  })
  .strict();

export const inductionItemSchema = z
  .object({
    id: slug,
    stage: inductionStageIdSchema,
    /** Who the item is for: job family ids from roles.json; absent means every support staff member. */
    families: z.array(slug).min(1).optional(),
    title: bilingualSchema,
    why: bilingualSchema,
    what: bilingualSchema,
    link: contentLinkSchema.optional(),
    /** The line manager confirms this one (e.g. a safeguarding briefing actually happened). */
    signOff: z.boolean(),
    /** Days from the start date the item is due (negative: before the first day). */
    dayOffset: z.number().int().min(-30).max(120),
    /** A school contact the item names, filled from the school's own settings when set. */
    contact: z.enum(['dsp', 'alnco']).optional(),
  })
  .strict();
export type InductionItem = z.infer<typeof inductionItemSchema>;

export const inductionFileSchema = z
  .object({
    $comment: z.string().optional(),
    welshReviewed: z.boolean(),
    stages: z
      .array(z.object({ id: inductionStageIdSchema, name: bilingualSchema, summary: bilingualSchema }).strict())
      .length(inductionStageIds.length),
    items: z.array(inductionItemSchema).min(1),
  })
  .strict();
export type InductionFile = z.infer<typeof inductionFileSchema>;
