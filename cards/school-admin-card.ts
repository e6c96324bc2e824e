import { z } from 'zod';
import template from './school-admin-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

const entry = z.object({ id: z.string().min(1), label: z.string().min(1).max(300) });

export const schoolAdminCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  schoolId: z.string().min(1).max(80),
  schoolName: z.string().max(120).default(''),
  /** Its other-language name and local authority, in the reader's language. */
  schoolDetail: z.string().max(300).default(''),
  dspName: z.string().max(100).default(''),
  alncoName: z.string().max(100).default(''),
  stages: z.array(z.object({ title: z.string().min(1), value: z.string().min(1) })).min(1),
  items: z.array(entry).max(30),
  links: z.array(entry).max(20),
  cycleStartMonth: z.string().default('9'),
  months: z.array(z.object({ title: z.string().min(1), value: z.string().min(1) })).length(12),
  holidays: z.array(entry).max(30).default([]),
});
export type SchoolAdminCardData = z.input<typeof schoolAdminCardDataSchema>;

/** An administrator's card for a school's own induction contacts, items and policy links. */
export function renderSchoolAdminCard(language: Language, data: SchoolAdminCardData): AdaptiveCardJson {
  const d = schoolAdminCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, leadColor: d.leadTone === 'good' ? 'Good' : 'Attention' });
}
