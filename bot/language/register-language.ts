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

/** A language to speak, or `both`: Welsh first with the English beneath. */
const choiceSchema = z.union([languageSchema, z.literal('both')]);
type LanguageChoice = z.infer<typeof choiceSchema>;

const setLanguageSchema = z.object({ language: choiceSchema, view: z.enum(['welcome', 'help']).default('help') });

/** Stores the person's language choice; it outlives the turn, the device and restarts. */
function chooseLanguage(context: TurnContext, choice: LanguageChoice): Language {
  const language = choice === 'both' ? 'cy' : choice;
  turnData(context).session.change((user) => {
    user.language = language;
    if (choice === 'both') user.bothLanguages = true;
    else delete user.bothLanguages;
  });
  return language;
}

/** `Cymraeg` / `English` / `Cymraeg a Saesneg` (`Welsh and English`) typed, or the toggles on the welcome and help cards. */
export function registerLanguage(app: Application, deps: FeatureDeps): void {
  // The help for where the switch was made (a shared chat's, or the person's own with their commands), in the new language.
  const help = (context: TurnContext, choice: LanguageChoice) =>
    helpCardFor(context, deps.config, choice === 'both' ? strings('cy').bothLanguages.switched : strings(choice).language.switched);
  const words: [string[], LanguageChoice][] = [
    [['cymraeg'], 'cy'],
    [['english', 'saesneg'], 'en'],
    [['cymraeg a saesneg', 'welsh and english', 'cymraeg a saesneg / welsh and english'], 'both'],
  ];
  for (const [said, choice] of words) {
    app.message(commandSelector(...said), async (context) => {
      chooseLanguage(context, choice);
      await sendCard(context, help(context, choice));
    });
  }
  onCardAction(app, Verbs.setLanguage, setLanguageSchema, async (context, { language: choice, view }) => {
    const language = chooseLanguage(context, choice);
    return view === 'welcome'
      ? renderWelcomeCard(language, { name: firstName(context.activity.from.name) })
      : help(context, choice);
  });
}
