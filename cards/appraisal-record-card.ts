import { z } from 'zod';
import template from './appraisal-record-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

/** Escaping can double typed text; a line adds its label. */
const typedLine = (typed: number) => z.string().min(1).max(typed * 2 + 60);

export const appraisalRecordCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  /** The meeting's name (and for a manager, whose). */
  title: z.string().min(1).max(500),
  intro: z.string().min(1).max(200),
  meeting: z.string().min(1).max(40),
  /** Empty on the staff member's own card; the report's id when their line manager reads it. */
  reportId: z.string().max(36).default(''),
  /** Each objective (typed, at most 300 characters) with its outcome; inert. */
  outcomes: z.array(typedLine(300)).max(5).default([]),
  /** The comments (2,000), the priorities (five of 200, joined) and the staff member's comment (2,000); inert. */
  notes: z.array(typedLine(2000)).max(3).default([]),
  /** The staff member may write or change their own comment here. */
  commentable: z.boolean().default(false),
  comment: z.string().max(2000).default(''),
});
export type AppraisalRecordCardData = z.input<typeof appraisalRecordCardDataSchema>;

/**
 * One meeting's record in full, away from the overview (which shortens it to stay small
 * enough for Teams), with the staff member's own comment box and the way back.
 */
export function renderAppraisalRecordCard(language: Language, data: AppraisalRecordCardData): AdaptiveCardJson {
  return expandCard(template, language, appraisalRecordCardDataSchema.parse(data));
}
