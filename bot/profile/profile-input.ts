import { z } from 'zod';

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
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

/** The fields of the form, in the order the card shows them. */
export const profileFields = ['roleId', 'lineManager', 'welshLevelId', 'ewcNumber'] as const;
export type ProfileField = (typeof profileFields)[number];
