import { z } from 'zod';
import template from './team-welcome-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

export const teamWelcomeCardDataSchema = z.object({});
export type TeamWelcomeCardData = z.infer<typeof teamWelcomeCardDataSchema>;

/** The short welcome posted when Cefnogi is added to a team or group chat (a PLC). */
export function renderTeamWelcomeCard(language: Language, data: TeamWelcomeCardData = {}): AdaptiveCardJson {
  teamWelcomeCardDataSchema.parse(data);
  return expandCard(template, language, {});
}
