import { z } from 'zod';
import template from './learning-evidence-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

/** Entries shown per objective (the newest): the card stays under Teams' limit at five objectives. */
export const EVIDENCE_PER_OBJECTIVE = 3;
/** Each reflection answer is shortened to this for the overview. */
export const EVIDENCE_ANSWER = 150;

export const learningEvidenceCardDataSchema = z.object({
  title: z.string().min(1).max(300),
  reportId: z.string().regex(/^[0-9a-fA-F-]{36}$/),
  objectives: z
    .array(
      z.object({
        /** Inert, shortened. */
        text: z.string().min(1).max(400),
        entries: z
          .array(z.object({ heading: z.string().min(1).max(400), lines: z.array(z.string().min(1).max(EVIDENCE_ANSWER * 2 + 80)).max(3) }))
          .min(1)
          .max(EVIDENCE_PER_OBJECTIVE),
      }),
    )
    .max(5),
});
export type LearningEvidenceCardData = z.input<typeof learningEvidenceCardDataSchema>;

/**
 * What a line manager sees of a report's learning: only the entries the report linked to an
 * objective of their current appraisal, under that objective. Nothing else of the log.
 */
export function renderLearningEvidenceCard(language: Language, data: LearningEvidenceCardData): AdaptiveCardJson {
  return expandCard(template, language, learningEvidenceCardDataSchema.parse(data));
}
