import { z } from 'zod';
import { learningContent } from '../learning/learning-content';

const qualificationIds = learningContent.qualifications.qualifications.map((q) => q.id);

const field = (max: number) => z.string().max(max).optional();

/**
 * The profile form's data as Teams sends it (every input is a string; absent when left
 * empty). Lengths beyond what the form allows mean the data did not come from our card.
 * The school is not here: it is chosen from the register on the "my schools" card (an
 * older card's `school` field is dropped unread).
 */
export const profileInputSchema = z.object({
  roleId: field(80),
  lineManager: field(80),
  welshLevelId: field(40),
  ewcNumber: field(40),
  /** Optional questions; a value the card never offered is tampering (the stale-card card). */
  qualification: z.string().max(40).refine((id) => id === '' || id === 'not-saying' || qualificationIds.includes(id), 'a qualification the card never offered').optional(),
  hltaStatus: z.enum(['', 'not-saying', 'none', 'working-towards', 'awarded']).optional(),
  ewcRegistered: z.enum(['', 'not-saying', 'yes', 'no']).optional(),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

/** The fields of the form, in the order the card shows them. */
export const profileFields = ['roleId', 'lineManager', 'welshLevelId', 'ewcNumber'] as const;
export type ProfileField = (typeof profileFields)[number];
