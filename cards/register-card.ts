import { z } from 'zod';
import template from './register-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';

const choice = z.object({ title: z.string().min(1).max(60), value: z.string().min(1).max(40) });
const field = z.string().max(200).default('');

/** A paste longer than this (about 100 schools) is not shown again: about 24 KB in UTF-16 keeps the card under Teams' limit. */
export const MAX_ECHOED_REGISTER = 12_000;

export const registerCardDataSchema = z.object({
  lead: z.string().max(1000).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  /** One line per reason rows of an import were turned away. */
  rejected: z.array(z.string().min(1).max(500)).max(10).default([]),
  summary: z.string().min(1).max(500),
  /** Tenant administrators add and import; LA administrators only find their schools. */
  canEdit: z.boolean(),
  /** What was pasted, returned when an import is refused. Bounded: a larger paste is not echoed back. */
  csv: z.string().max(MAX_ECHOED_REGISTER).default(''),
  form: z.object({ name: field, altName: field, laId: field, number: field, sector: field, languageCategory: field }).default({}),
  /** Names typed before the register that match no school yet (tenant administrators only). */
  unmatched: z.array(z.object({ folded: z.string().min(1).max(120), display: z.string().min(1).max(120), label: z.string().min(1).max(160) })).max(15).default([]),
  legacyName: z.string().max(120).default(''),
  mapNumber: z.string().max(20).default(''),
  las: z.array(choice).max(22),
  sectors: z.array(choice).max(10),
  languages: z.array(choice).max(10),
});
export type RegisterCardData = z.input<typeof registerCardDataSchema>;

/** The tenant's register of schools: how many, find one, import a file or add one school. */
export function renderRegisterCard(language: Language, data: RegisterCardData): AdaptiveCardJson {
  const d = registerCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, leadStyle: toneStyle(d.leadTone) });
}
