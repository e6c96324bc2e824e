import { z } from 'zod';
import template from './appraisal-prompt-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';

export const appraisalPromptCardDataSchema = z.object({
  title: z.string().min(1).max(300),
  text: z.string().min(1).max(1000),
  overdue: z.boolean(),
  meeting: z.string().min(1).max(40),
  /** The meeting's date as the prompt knew it: acting on it after the date moved is refused as stale. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Set on a line manager's prompt (whose report it is about); empty on the staff member's own. */
  reportId: z.string().default(''),
});
export type AppraisalPromptCardData = z.input<typeof appraisalPromptCardDataSchema>;

/**
 * A prompt before (or after) an appraisal meeting, with what can be done from the chat:
 * confirm the date, move it with the date picker, snooze a week, and for the line manager
 * record the outcome.
 */
export function renderAppraisalPromptCard(language: Language, data: AppraisalPromptCardData): AdaptiveCardJson {
  const d = appraisalPromptCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, titleStyle: toneStyle(d.overdue ? 'attention' : 'default') });
}
