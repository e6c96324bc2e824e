import { z } from 'zod';
import template from './one-to-one-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { strings } from '../bot/i18n/strings';
import type { Language } from '../bot/users/user-record';

export const oneToOneCardDataSchema = z.object({
  /** The deep link to the person's chat with Cefnogi; without one the card has no button. */
  chatUrl: z.string().url().max(300).optional(),
  /** Said only when a button that would have changed something was pressed. */
  changedNothing: z.boolean().default(false),
});
export type OneToOneCardData = z.input<typeof oneToOneCardDataSchema>;

/**
 * The answer to something private asked for in a channel or group chat: it belongs in the
 * one-to-one chat, and the button opens that chat.
 */
export function renderOneToOneCard(language: Language, data: OneToOneCardData): AdaptiveCardJson {
  const d = oneToOneCardDataSchema.parse(data);
  const links = d.chatUrl ? [{ title: strings(language).helpCards.openChat, url: d.chatUrl }] : [];
  const card = expandCard(template, language, { changedNothing: d.changedNothing, links });
  if (links.length === 0) delete card.actions;
  return card;
}
