import { z } from 'zod';
import template from './my-data-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';

export const myDataCardDataSchema = z.object({
  /** A line above the notice, e.g. "Nothing was deleted" after No; empty for none. */
  lead: z.string().max(300).default(''),
  leadTone: z.enum(['default', 'good', 'attention']).default('default'),
});
export type MyDataCardData = z.input<typeof myDataCardDataSchema>;

/**
 * The privacy notice in plain words (what Cefnogi keeps, why, who sees it, for how long,
 * the right to complain to the ICO), with the two things a person can do about it:
 * download everything, or delete it. The words live in the string files, so both
 * languages say the same.
 */
export function renderMyDataCard(language: Language, data: MyDataCardData): AdaptiveCardJson {
  const d = myDataCardDataSchema.parse(data);
  return expandCard(template, language, { lead: d.lead, leadStyle: toneStyle(d.leadTone) });
}
