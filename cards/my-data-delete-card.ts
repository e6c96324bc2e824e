import { z } from 'zod';
import template from './my-data-delete-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

export const myDataDeleteCardDataSchema = z.object({
  /** The object id of the person the card was made for: the confirmation is refused for anyone else. */
  subject: z.string().min(1).max(100),
  /** When the card was made (ISO): an old confirmation changes nothing. */
  asked: z.string().max(40),
});
export type MyDataDeleteCardData = z.input<typeof myDataDeleteCardDataSchema>;

/**
 * Asks before deleting: what goes and what stays, each a short list (the audit's object ids, cards already posted
 * in Teams, comments recorded in reports' appraisals, as from a former manager), that it cannot be undone; Yes deletes, No goes back to the notice.
 */
export function renderMyDataDeleteCard(language: Language, data: MyDataDeleteCardData): AdaptiveCardJson {
  // Two short headed lists rather than three paragraphs: a person weighing a deletion reads down them.
  return expandCard(template, language, { ...myDataDeleteCardDataSchema.parse(data), bullet: '•' });
}
