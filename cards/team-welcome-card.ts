import { z } from 'zod';
import template from './team-welcome-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { strings } from '../bot/i18n/strings';
import type { Language } from '../bot/users/user-record';

export const teamWelcomeCardDataSchema = z.object({
  /** The deep link to each reader's one-to-one chat with Cefnogi; without one, no button. */
  chatUrl: z.string().url().max(300).optional(),
  /** In a team channel: a button that makes the channel a professional learning community. */
  plcButton: z.boolean().default(false),
});
export type TeamWelcomeCardData = z.input<typeof teamWelcomeCardDataSchema>;

/**
 * The short welcome posted when Cefnogi is added to a team or group chat. Everyone there
 * reads it, whatever their language, so it is in both: Welsh first, then English. The
 * `language` (the adder's) is accepted for the render signature every card shares.
 */
export function renderTeamWelcomeCard(language: Language, data: TeamWelcomeCardData = {}): AdaptiveCardJson {
  const { chatUrl, plcButton } = teamWelcomeCardDataSchema.parse(data);
  const cy = strings('cy').teamWelcome;
  const en = strings('en').teamWelcome;
  const links = chatUrl ? [{ title: `${strings('cy').helpCards.openChat} / ${strings('en').helpCards.openChat}`, url: chatUrl }] : [];
  // Short, so both languages fit on one button in a channel's narrow column.
  const plcActions = plcButton ? [{ title: `${strings('cy').plcWelcome.makeButton} / ${strings('en').plcWelcome.makeButton}` }] : [];
  const card = expandCard(template, language, { cy, en, links, plcActions });
  if (links.length === 0 && plcActions.length === 0) delete card.actions;
  return card;
}
