import { z } from 'zod';
import template from './induction-complete-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

export const inductionCompleteCardDataSchema = z.object({
  priorities: z.array(z.string().min(1).max(200)).max(5),
  /** The stage to go back to, to look over what was done. */
  lastStage: z.string().min(1).max(40),
});
export type InductionCompleteCardData = z.infer<typeof inductionCompleteCardDataSchema>;

/** The end of induction: well done, the priorities noted on the way, and the self-assessment next. */
export function renderInductionCompleteCard(language: Language, data: InductionCompleteCardData): AdaptiveCardJson {
  return expandCard(template, language, inductionCompleteCardDataSchema.parse(data));
}
