import { z } from 'zod';
import template from './school-admin-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';

/**
 * The longest label of a listed item or link: titles are cut with "…" to fit (the whole text
 * is what staff see on their induction), so 30 items, 20 links and 30 holidays stay under
 * what Teams delivers.
 */
export const MAX_ENTRY_LABEL = 160;
const entry = (max: number) => z.object({ id: z.string().min(1).max(40), label: z.string().min(1).max(max) });

export const schoolAdminCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  schoolId: z.string().min(1).max(80),
  schoolName: z.string().max(120).default(''),
  /** Its other-language name and local authority, in the reader's language. */
  schoolDetail: z.string().max(300).default(''),
  dspName: z.string().max(100).default(''),
  alncoName: z.string().max(100).default(''),
  stages: z.array(z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(40) })).min(1).max(10),
  items: z.array(entry(MAX_ENTRY_LABEL)).max(30),
  links: z.array(entry(MAX_ENTRY_LABEL)).max(20),
  cycleStartMonth: z.string().max(2).default('9'),
  months: z.array(z.object({ title: z.string().min(1).max(40), value: z.string().min(1).max(2) })).length(12),
  /** A holiday is its dates: "2027-07-14 – 2027-09-01". */
  holidays: z.array(entry(30)).max(30).default([]),
});
export type SchoolAdminCardData = z.input<typeof schoolAdminCardDataSchema>;

/** An administrator's card for a school's own induction contacts, items and policy links. */
export function renderSchoolAdminCard(language: Language, data: SchoolAdminCardData): AdaptiveCardJson {
  const d = schoolAdminCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, leadStyle: toneStyle(d.leadTone) });
}
