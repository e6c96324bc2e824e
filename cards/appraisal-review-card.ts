import { z } from 'zod';
import template from './appraisal-review-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

export const appraisalReviewCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  /** Names the person (inert) and the meeting. */
  title: z.string().min(1).max(500),
  reportId: z.string().min(1).max(36),
  meeting: z.string().min(1).max(40),
  /** The meeting's date when the form was drawn: a record against a moved date is refused. */
  date: z.string().min(1).max(10),
  planning: z.boolean(),
  objectives: z
    .array(
      z.object({
        id: z.string().min(1).max(20),
        /** Inert; typed at most 300 characters. */
        text: z.string().min(1).max(600),
        measureText: z.string().min(1).max(700),
        /** A label is plain text: the objective as typed. */
        outcomeLabel: z.string().min(1).max(400),
        outcome: z.string().max(20).default(''),
      }),
    )
    .max(5),
  outcomeError: z.string().min(1).max(300),
  outcomeChoices: z.array(z.object({ title: z.string().min(1).max(60), value: z.string().min(1).max(20) })).length(3),
  comments: z.string().max(2000).default(''),
  priorities: z.string().max(1100).default(''),
});
export type AppraisalReviewCardData = z.input<typeof appraisalReviewCardDataSchema>;

/** The line manager's form to record one meeting: an outcome per objective, comments and priorities. */
export function renderAppraisalReviewCard(language: Language, data: AppraisalReviewCardData): AdaptiveCardJson {
  return expandCard(template, language, appraisalReviewCardDataSchema.parse(data));
}
