import { z } from 'zod';
import template from './manager-import-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';

/** A paste longer than this is not shown again: about 50 KB in UTF-16 keeps the card under Teams' limit. */
export const MAX_ECHOED_CSV = 25_000;

export const managerImportCardDataSchema = z.object({
  /** The last import's totals, or a problem with it. */
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  /** The registered school the import applies to. */
  schoolId: z.string().min(1).max(80),
  schoolName: z.string().max(120).default(''),
  /** What was pasted, returned when an import is refused so nothing typed is lost (up to what a card can carry). */
  csv: z.string().max(MAX_ECHOED_CSV).default(''),
  /** One line per reason rows were rejected, with their line numbers as ranges. */
  rejected: z.array(z.string().min(1).max(600)).max(16).default([]),
});
export type ManagerImportCardData = z.input<typeof managerImportCardDataSchema>;

/** An administrator's card to import staff–line manager pairs from CSV, with the last import's report. */
export function renderManagerImportCard(language: Language, data: ManagerImportCardData): AdaptiveCardJson {
  const d = managerImportCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, leadStyle: toneStyle(d.leadTone) });
}
