import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { OPENS_NEW_MESSAGE } from '../../cards/opens-new-message';
import { isPersonal } from '../edge/activity-facts';
import { turnDataOrUndefined } from '../edge/turn-data';
import { strings } from '../i18n/strings';

/** Sends a card as a new message in the conversation. */
export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/**
 * The one way a card action is answered: the card goes back in the invoke response, which
 * Teams shows to the person who pressed (or whose client refreshed) and to nobody else.
 * Nothing is ever written into the shared message: left to itself, teams-ai 1.7 answers a
 * returned card that has a `refresh` clause with `updateActivity`, replacing the message for
 * everyone in the chat (and, once that has happened, for every later answer on that route).
 * Once an invoke response is on the turn, teams-ai sends nothing more.
 *
 * A button marked `OPENS_NEW_MESSAGE` (on the help and welcome cards) is answered instead
 * with its card as a new message below and a short line in the invoke response, so the card
 * pressed stays. A per-person view (a card with `refresh`) is never posted where others see
 * it: outside the personal chat it is answered to the invoke as usual.
 */
export async function answerInvokeWithCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  if (opensNewMessage(context) && (isPersonal(context.activity) || card.refresh === undefined)) {
    await sendCard(context, card);
    const language = turnDataOrUndefined(context)?.language() ?? 'en';
    await context.sendActivity({
      type: 'invokeResponse',
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: strings(language).helpCards.openedBelow } },
    });
    return;
  }
  await context.sendActivity({
    type: 'invokeResponse',
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
}

/** True for an Action.Execute (Universal Action) invoke. */
export function isCardActionInvoke(context: TurnContext): boolean {
  return context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action';
}

const opensNewMessageInvoke = z.object({ action: z.object({ data: z.object({ [OPENS_NEW_MESSAGE]: z.literal(true) }) }) });

/**
 * True for a card action whose answer goes out as a new message: the card pressed is left
 * in place (the invoke is answered with a short line, which Teams shows under it).
 */
function opensNewMessage(context: TurnContext): boolean {
  return isCardActionInvoke(context) && opensNewMessageInvoke.safeParse(context.activity.value).success;
}
