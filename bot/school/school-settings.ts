import { z } from 'zod';
import { bilingualSchema } from '../content/content-schemas';
import { inductionStageIdSchema } from '../content/induction-schemas';
import { safeId } from '../storage/document-collection';
import { holidaySchema } from '../proactive/quiet-hours';
import { schoolEntrySchema, type SchoolEntry } from '../register/school-entry';

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
  /** The school's id in the tenant's register; absent only on settings written before the register. */
  schoolId: z.string().optional(),
  /** The school's register entry (names, local authority, number, sector, language, open). */
  entry: schoolEntrySchema.optional(),
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

/** A school name folded as people type it: case, spacing and punctuation do not matter. */
export function foldSchoolName(schoolName: string): string {
  return schoolName
    .toLocaleLowerCase('cy')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Before the register, schools were named in profiles as free text and their settings kept
 * under the folded name; the migration reads them by this key.
 */
export function legacySchoolKey(tenantId: string, schoolName: string): string {
  return safeId(`${tenantId.toLowerCase()}:${foldSchoolName(schoolName)}`);
}

/** The key (id and partition) of a registered school's document, and of its roster's partition. */
export function schoolKey(tenantId: string, schoolId: string): string {
  return safeId(`school:${tenantId.toLowerCase()}:${schoolId}`);
}

/** Settings under a free-text name, as before the register; replaced as the register takes over. */
export function emptySchoolSettings(tenantId: string, schoolName: string, actorId: string, now: Date): SchoolSettings {
  const key = legacySchoolKey(tenantId, schoolName);
  return { id: key, pk: key, kind: 'school', tenantId: tenantId.toLowerCase(), schoolName: schoolName.trim(), links: [], items: [], holidays: [], nextNumber: 1, updatedAt: now.toISOString(), updatedBy: actorId };
}

/** The document of a registered school with no settings yet. */
export function newSchoolDocument(tenantId: string, entry: SchoolEntry, actorId: string, now: Date): SchoolSettings {
  const key = schoolKey(tenantId, entry.id);
  return {
    id: key,
    pk: key,
    kind: 'school',
    tenantId: tenantId.toLowerCase(),
    schoolId: entry.id,
    entry,
    schoolName: entry.name,
    links: [],
    items: [],
    holidays: [],
    nextNumber: 1,
    updatedAt: now.toISOString(),
    updatedBy: actorId,
  };
}
