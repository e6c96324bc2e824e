import type { Application } from '@microsoft/teams-ai';
import type { FeatureDeps } from '../app/feature-deps';
import { answerInvokeWithCard, isCardActionInvoke, sendCard } from '../app/replies';
import { turnData } from '../edge/turn-data';
import { staleCardCard } from '../errors/error-card';
import { helpCardFor } from '../help/help-card-for';
import { strings } from '../i18n/strings';

/**
 * Registered last. Any message no route understood gets a short answer with the help for
 * where it was said (never silence, never an echo); any card action with an unknown verb, or
 * an old Action.Submit, gets the stale-card card instead of the framework's empty 501.
 */
export function registerFallback(app: Application, deps: Pick<FeatureDeps, 'config'>): void {
  app.activity('message', async (context) => {
    const language = turnData(context).language();
    await sendCard(context, helpCardFor(context, deps.config, strings(language).fallback.text));
  });
  app.addRoute(
    async (context) => isCardActionInvoke(context),
    async (context) => answerInvokeWithCard(context, staleCardCard(turnData(context).language())),
    true,
  );
}
