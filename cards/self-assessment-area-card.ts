import { z } from 'zod';
import template from './self-assessment-area-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { progressBar } from './tone-kit';
import type { Language } from '../bot/users/user-record';

export const selfAssessmentAreaCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  attemptId: z.string().min(1).max(40),
  areaId: z.string().min(1).max(40),
  areaOf: z.string().min(1).max(100),
  areaName: z.string().min(1).max(120),
  areaSummary: z.string().max(400),
  done: z.number().int().min(0).max(20),
  total: z.number().int().min(1).max(20),
  progressText: z.string().min(1).max(200),
  /** The four scale points with what each means, shown as a legend one point a line. */
  scale: z.array(z.object({ label: z.string().min(1).max(60), hint: z.string().min(1).max(300) })).length(4),
  /** The four scale points then "skip", in the reader's language. */
  choices: z.array(z.object({ title: z.string().min(1).max(60), value: z.string().min(1).max(10) })).length(5),
  statements: z
    .array(
      z.object({
        inputId: z.string().min(1).max(80),
        text: z.string().min(1).max(400),
        /** The stored answer ("1"–"4" or "skip"), or "" when none yet. */
        value: z.string().max(10),
        /** Marked when the person tried to move on without answering it. */
        missing: z.boolean().default(false),
      }),
    )
    .min(1)
    // An area holds four statements for a track today.
    .max(12),
  missingText: z.string().max(300).default(''),
  hasBack: z.boolean(),
  nextTitle: z.string().min(1).max(100),
  /** During a retake: that the last results are kept, with a button to them; '' otherwise. */
  lastResults: z.string().max(300).default(''),
});
export type SelfAssessmentAreaCardData = z.input<typeof selfAssessmentAreaCardDataSchema>;

/**
 * One area of the self-assessment: progress across areas, each statement as a choice of the
 * four scale points or "skip" (pre-filled with what was saved), and back / next. Back keeps
 * what was chosen without asking for the rest, and so does "see my last results" during a retake.
 */
export function renderSelfAssessmentAreaCard(language: Language, data: SelfAssessmentAreaCardData): AdaptiveCardJson {
  const d = selfAssessmentAreaCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, bar: progressBar(d.done, d.total) });
}
