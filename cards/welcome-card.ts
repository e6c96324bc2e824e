import { z } from 'zod';
import template from './welcome-card.json';
import { expandCard, mainActions, type AdaptiveCardJson } from './card-kit';
import { fill, strings } from '../bot/i18n/strings';
import { openingNewMessage } from './opens-new-message';
import type { Language } from '../bot/users/user-record';

export const welcomeCardDataSchema = z.object({
  /** The person's first name as Teams gives it, if known. */
  name: z.string().trim().max(200).optional(),
});
export type WelcomeCardData = z.infer<typeof welcomeCardDataSchema>;

/** The card a person gets when they install Cefnogi for themselves. */
export function renderWelcomeCard(language: Language, data: WelcomeCardData): AdaptiveCardJson {
  const { name } = welcomeCardDataSchema.parse(data);
  const s = strings(language);
  const greeting = name ? fill(s.welcome.greeting, { name }) : s.welcome.greetingNoName;
  // Its buttons open their card below it, so the welcome stays readable; the toggle redraws it.
  const actions = mainActions(s, language, 'welcome').map((a) => (a.verb === 'language.set' ? a : { ...a, data: openingNewMessage(a.data) }));
  return expandCard(template, language, { greeting, bullet: '•', actions });
}
