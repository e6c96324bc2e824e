import { z } from 'zod';
import { keyAreaIdSchema, KEY_AREA_IDS, standardIdSchema, STANDARD_IDS } from '../appraisal/appraisal-state';
import { collectionSpec } from '../storage/collection-spec';

/** The kinds of professional learning a person can log, as the Passport's reflection asks them to name it. */
export const LEARNING_KINDS = ['course', 'e-learning', 'in-school', 'plc', 'coaching', 'reading', 'qualification', 'other'] as const;
export const learningKindSchema = z.enum(LEARNING_KINDS);
export type LearningKind = z.infer<typeof learningKindSchema>;

/** Limits a person meets on the card and the server enforces again. */
export const LIMITS = {
  title: 200,
  /** Each of the three reflection answers: short answers, as the Passport asks. */
  reflection: 1000,
  /** One entry is at most 100 hours; longer learning is logged in parts. */
  maxHours: 100,
  /** Nothing before 1990 belongs in a current log. */
  earliestDate: '1990-01-01',
  /** Entries per person, so a list read stays one bounded partition query. */
  entriesPerPerson: 1000,
} as const;

/** Ids Cefnogi gives entries: a UUID. Anything else in card data is tampering. */
export const entryIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/**
 * One piece of professional learning a person logged: partitioned by their user key, so their
 * log is one partition and nobody else's entry can be reached through their turn.
 */
export const learningEntrySchema = z.object({
  id: entryIdSchema,
  pk: z.string(),
  kind: z.literal('learning-entry'),
  title: z.string().min(1).max(LIMITS.title),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  hours: z.number().positive().max(LIMITS.maxHours),
  learningKind: learningKindSchema,
  keyAreas: z.array(keyAreaIdSchema).max(KEY_AREA_IDS.length),
  standards: z.array(standardIdSchema).max(STANDARD_IDS.length),
  /** What I learned; what I changed in my practice; what difference it made to learners. */
  learned: z.string().max(LIMITS.reflection),
  changed: z.string().max(LIMITS.reflection),
  difference: z.string().max(LIMITS.reflection),
  /** The appraisal objective this entry is evidence for: its cycle and id in the person's own appraisal. */
  objective: z.object({ cycleId: z.string().regex(/^\d{4}-\d{2}$/), id: z.string().min(1).max(20) }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LearningEntry = z.infer<typeof learningEntrySchema>;

/** What a person fills in: an entry without its keys and times. */
export type LearningFields = Omit<LearningEntry, 'id' | 'pk' | 'kind' | 'createdAt' | 'updatedAt'>;

/** The `learning` container's entries (see bot/learning/README.md). */
export const learningEntries = collectionSpec<LearningEntry>('learning', learningEntrySchema);
