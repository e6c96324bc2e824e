import { z } from 'zod';
import template from './help-card.json';
import { expandCard, mainActions, type AdaptiveCardJson } from './card-kit';
import { strings } from '../bot/i18n/strings';
import type { Language } from '../bot/users/user-record';

export const helpCardDataSchema = z.object({
  /** A line above the list, e.g. "I didn't understand that" or "I'll speak Welsh now". */
  lead: z.string().max(500).default(''),
  /** The administrator commands the reader may use (the `admin` card), else none. */
  adminCommands: z.array(z.object({ command: z.string().min(1).max(60), text: z.string().min(1).max(300) })).max(10).default([]),
  /** A line telling an administrator how to see their commands (the ordinary help card). */
  adminHint: z.string().max(300).default(''),
});
export type HelpCardData = z.input<typeof helpCardDataSchema>;

/** What Cefnogi can do, with the main actions; also the answer to text it does not understand. */
export function renderHelpCard(language: Language, data: HelpCardData = {}): AdaptiveCardJson {
  const d = helpCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, actions: mainActions(strings(language), language, 'help') });
}
