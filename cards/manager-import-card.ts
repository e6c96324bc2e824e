import { z } from 'zod';
import template from './manager-import-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';

/** A paste longer than this is not shown again: about 50 KB in UTF-16 keeps the card under Teams' limit. */
export const MAX_ECHOED_CSV = 25_000;

/** Rows turned away that the report names one by one; the rest are summed up by reason. */
export const MAX_REJECTED_ROWS = 15;

export const managerImportCardDataSchema = z.object({
  /** The last import's totals, or a problem with it. */
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  /** The registered school the import applies to. */
  schoolId: z.string().min(1).max(80),
  schoolName: z.string().max(120).default(''),
  /** What was pasted, returned after every import so nothing typed is lost (up to what a card can carry). */
  csv: z.string().max(MAX_ECHOED_CSV).default(''),
  /** The first rows turned away, each with its line and the value it is about ("line 4: no one with the email … has used Cefnogi yet"). */
  rejectedRows: z.array(z.string().min(1).max(300)).max(MAX_REJECTED_ROWS).default([]),
  /** How many more were turned away, heading their summary. */
  more: z.string().max(200).default(''),
  /** The rest, one line per reason with their line numbers as ranges. */
  rejected: z.array(z.string().min(1).max(240)).max(14).default([]),
});
export type ManagerImportCardData = z.input<typeof managerImportCardDataSchema>;

/** An administrator's card to import staff–line manager pairs from CSV, with the last import's report. */
export function renderManagerImportCard(language: Language, data: ManagerImportCardData): AdaptiveCardJson {
  const d = managerImportCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, leadStyle: toneStyle(d.leadTone) });
}
