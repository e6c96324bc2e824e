import { randomUUID } from 'node:crypto';
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { failureCard } from '../errors/error-card';
import { UserFacingError } from '../errors/user-facing-error';
import { resolveLanguage } from '../i18n/resolve-language';
import type { Logger } from '../logging/logger';
import { localeOf } from '../edge/activity-facts';
import { answerInvokeWithCard, isCardActionInvoke } from './replies';
import { turnDataOrUndefined } from '../edge/turn-data';

/**
 * The one place a failed turn ends: it logs the error with a correlation id (no personal
 * data) and answers the person kindly in their language with that id, as a card that
 * replaces the acted-on card for a card action and as a message otherwise.
 */
export function createTurnErrorHandler(log: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const reference = randomUUID().slice(0, 8);
    log.error('turn-failed', { reference, activityType: context.activity.type, error: error.message, stack: error.stack });
    const data = turnDataOrUndefined(context);
    const language = data ? safeLanguage(data.language) : resolveLanguage(undefined, localeOf(context.activity));
    const card =
      error instanceof UserFacingError
        ? failureCard(language, reference, error.title[language], error.text[language])
        : failureCard(language, reference);
    try {
      if (isCardActionInvoke(context)) await answerInvokeWithCard(context, card);
      else if (context.activity.type === 'message') await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    } catch (sendError) {
      log.error('turn-failure-reply-failed', { reference, error: (sendError as Error).message });
    }
  };
}

function safeLanguage(language: () => 'cy' | 'en'): 'cy' | 'en' {
  try {
    return language();
  } catch {
    return 'en';
  }
}
