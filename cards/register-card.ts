import { z } from 'zod';
import template from './register-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

const choice = z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(40) });
const field = z.string().max(200).default('');

export const registerCardDataSchema = z.object({
  lead: z.string().max(1000).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  /** One line per reason rows of an import were turned away. */
  rejected: z.array(z.string().min(1).max(1500)).max(12).default([]),
  summary: z.string().min(1).max(500),
  /** Tenant administrators add and import; LA administrators only find their schools. */
  canEdit: z.boolean(),
  /** What was pasted, returned when an import is refused. Bounded: a larger paste is not echoed back. */
  csv: z.string().max(40_000).default(''),
  form: z.object({ name: field, altName: field, laId: field, number: field, sector: field, languageCategory: field }).default({}),
  /** Names typed before the register that match no school yet (tenant administrators only). */
  unmatched: z.array(z.object({ folded: z.string().min(1).max(200), display: z.string().min(1).max(200), label: z.string().min(1).max(300) })).max(30).default([]),
  legacyName: z.string().max(200).default(''),
  mapNumber: z.string().max(20).default(''),
  las: z.array(choice).max(22),
  sectors: z.array(choice).max(10),
  languages: z.array(choice).max(10),
});
export type RegisterCardData = z.input<typeof registerCardDataSchema>;

/** The tenant's register of schools: how many, find one, import a file or add one school. */
export function renderRegisterCard(language: Language, data: RegisterCardData): AdaptiveCardJson {
  const d = registerCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, leadColor: d.leadTone === 'good' ? 'Good' : 'Attention' });
}
