import { z } from 'zod';
import { bilingualSchema } from '../content/content-schemas';
import { inductionStageIdSchema } from '../content/induction-schemas';
import { safeId } from '../storage/document-collection';
import { holidaySchema } from '../proactive/quiet-hours';

export const schoolItemSchema = z.object({
  id: z.string(),
  stage: inductionStageIdSchema,
  title: bilingualSchema,
  what: bilingualSchema,
  dayOffset: z.number().int(),
  signOff: z.boolean(),
});
export type SchoolItem = z.infer<typeof schoolItemSchema>;

export const schoolLinkSchema = z.object({ id: z.string(), title: bilingualSchema, url: z.string().url() });
export type SchoolLink = z.infer<typeof schoolLinkSchema>;

/**
 * A school's own additions to induction: its contacts, links to its own policies and extra
 * items. One document per school, in its own partition: staff turns read it by key.
 */
export const schoolSettingsSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('school'),
  tenantId: z.string(),
  schoolName: z.string(),
  dspName: z.string().optional(),
  alncoName: z.string().optional(),
  links: z.array(schoolLinkSchema),
  items: z.array(schoolItemSchema),
  nextNumber: z.number().int(),
  /** The month (1–12) the school's appraisal cycle starts in; unset means September. */
  cycleStartMonth: z.number().int().min(1).max(12).optional(),
  /** Days nobody is prompted (first and last included), passed to the proactive engine's quiet hours. */
  holidays: z.array(holidaySchema).max(30).default([]),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type SchoolSettings = z.infer<typeof schoolSettingsSchema>;

/**
 * Schools are named in profiles as free text; the key folds case, spacing and
 * punctuation so "Ysgol y Castell" and "ysgol  y castell." are one school.
 */
export function schoolKey(tenantId: string, schoolName: string): string {
  const name = schoolName
    .toLocaleLowerCase('cy')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return safeId(`${tenantId.toLowerCase()}:${name}`);
}

/** Settings for a school nobody has configured yet. */
export function emptySchoolSettings(tenantId: string, schoolName: string, adminId: string, now: Date): SchoolSettings {
  const key = schoolKey(tenantId, schoolName);
  return {
    id: key,
    pk: key,
    kind: 'school',
    tenantId: tenantId.toLowerCase(),
    schoolName: schoolName.trim(),
    links: [],
    items: [],
    holidays: [],
    nextNumber: 1,
    updatedAt: now.toISOString(),
    updatedBy: adminId,
  };
}
