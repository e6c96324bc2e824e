import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderWelcomeCard } from '../../cards/welcome-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector } from '../app/commands';
import { sendCard } from '../app/replies';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import { languageSchema, type Language } from '../users/user-record';
import { firstName } from '../welcome/first-name';
import type { FeatureDeps } from '../app/feature-deps';
import { helpCardFor } from '../help/help-card-for';

const setLanguageSchema = z.object({ language: languageSchema, view: z.enum(['welcome', 'help']).default('help') });

/** Stores the person's language choice; it outlives the turn, the device and restarts. */
function chooseLanguage(context: TurnContext, language: Language): void {
  turnData(context).session.change((user) => {
    user.language = language;
  });
}

/** `Cymraeg` / `English` typed, or the toggle on the welcome and help cards. */
export function registerLanguage(app: Application, deps: FeatureDeps): void {
  // The help for where the switch was made (a shared chat's, or the person's own with their commands), in the new language.
  const help = (context: TurnContext, language: Language) => helpCardFor(context, deps.config, strings(language).language.switched);
  for (const [word, language] of [['cymraeg', 'cy'], ['english', 'en'], ['saesneg', 'en']] as const) {
    app.message(commandSelector(word), async (context) => {
      chooseLanguage(context, language);
      await sendCard(context, help(context, language));
    });
  }
  onCardAction(app, Verbs.setLanguage, setLanguageSchema, async (context, { language, view }) => {
    chooseLanguage(context, language);
    return view === 'welcome'
      ? renderWelcomeCard(language, { name: firstName(context.activity.from.name) })
      : help(context, language);
  });
}
