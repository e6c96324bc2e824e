import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export const sectorSchema = z.enum(['nursery', 'primary', 'middle', 'secondary', 'special', 'pru', 'other']);
export const languageCategorySchema = z.enum(['welsh-medium', 'dual-language', 'english-significant-welsh', 'english-medium', 'other']);

/** A school in a tenant's register. */
export const schoolEntrySchema = z.object({
  id: z.string().min(1).max(40),
  number: z.string().regex(/^\d{7}$/).optional(),
  name: z.string().min(1).max(120),
  altName: z.string().max(120).optional(),
  laId: z.string().min(1).max(40),
  sector: sectorSchema,
  languageCategory: languageCategorySchema,
  open: z.boolean(),
});
export type SchoolEntry = z.infer<typeof schoolEntrySchema>;

export function schoolIdFor(number?: string): string {
  return number ? `wg-${number}` : `s-${randomBytes(5).toString('hex')}`;
}
