import { z } from 'zod';
import template from './learning-export-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

/** The text to paste holds at most this many characters: the card stays under Teams' limit. */
export const EXPORT_TEXT_MAX = 20000;

export const learningExportCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention', 'default']).default('default'),
  /** The range as typed (kept on a refusal). */
  from: z.string().max(40).default(''),
  to: z.string().max(40).default(''),
  fromError: z.string().max(200).default(''),
  toError: z.string().max(200).default(''),
  summary: z.string().max(300).default(''),
  text: z.string().max(EXPORT_TEXT_MAX).default(''),
});
export type LearningExportCardData = z.input<typeof learningExportCardDataSchema>;

/** The Passport export: a date range, then the entries as text to paste, or a CSV file. */
export function renderLearningExportCard(language: Language, data: LearningExportCardData): AdaptiveCardJson {
  return expandCard(template, language, learningExportCardDataSchema.parse(data));
}
