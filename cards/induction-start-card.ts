import { z } from 'zod';
import template from './induction-start-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

export const inductionStartCardDataSchema = z.object({
  /** Prefilled start date (YYYY-MM-DD). */
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  mode: z.enum(['new', 'refresher']).default('new'),
  error: z.string().max(300).default(''),
  /** Moving the start date of an induction already begun: ticks are kept, and the checklist is one press away. */
  editing: z.boolean().default(false),
});
export type InductionStartCardData = z.input<typeof inductionStartCardDataSchema>;

/** Starting induction (or moving its start date): the start date and whether this is a new starter's or a refresher. */
export function renderInductionStartCard(language: Language, data: InductionStartCardData): AdaptiveCardJson {
  return expandCard(template, language, inductionStartCardDataSchema.parse(data));
}
