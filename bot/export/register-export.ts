import type { Application } from '@microsoft/teams-ai';
import type { FeatureDeps } from '../app/feature-deps';
import { answerFileConsent } from './answer-file-consent';

/**
 * Routes every `fileConsent/invoke` (accept, decline, or anything else claiming to be
 * one) to the export capability, and answers the invoke with 200 whatever happened: the
 * person is told the outcome in the chat, and Teams shows no error on the card.
 * Capabilities send files with `offerFile`; this is the other half of that journey.
 */
export function registerExport(app: Application, deps: FeatureDeps): void {
  app.addRoute(
    async (context) => context.activity.type === 'invoke' && context.activity.name === 'fileConsent/invoke',
    async (context) => {
      try {
        await answerFileConsent(context, deps);
      } finally {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200 } });
      }
    },
    true,
  );
}
