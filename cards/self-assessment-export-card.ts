import { z } from 'zod';
import template from './self-assessment-export-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

/** Lines of the export: each is its own TextBlock (about forty today). */
export const EXPORT_MAX_LINES = 120;

export const selfAssessmentExportCardDataSchema = z.object({
  /** The export, one line per entry, exactly as the plain-text message has it. */
  text: z
    .string()
    .min(1)
    .max(12000)
    .refine((t) => t.split('\n').length <= EXPORT_MAX_LINES, `at most ${EXPORT_MAX_LINES} lines`),
});

/**
 * The results as plain text for the EWC Professional Learning Passport, shown line by line
 * (a blank line as a gap) so it can be selected and copied from the card.
 */
export function renderSelfAssessmentExportCard(language: Language, data: z.input<typeof selfAssessmentExportCardDataSchema>): AdaptiveCardJson {
  const d = selfAssessmentExportCardDataSchema.parse(data);
  // A TextBlock with empty text is invalid; a non-breaking space keeps the blank line.
  const lines = d.text.split('\n').map((line) => ({ line: line === '' ? '\u00a0' : line }));
  return expandCard(template, language, { lines });
}
