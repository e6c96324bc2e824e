import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/card-kit';

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
 */
export async function answerInvokeWithCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity({
    type: 'invokeResponse',
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
}

/** True for an Action.Execute (Universal Action) invoke. */
export function isCardActionInvoke(context: TurnContext): boolean {
  return context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action';
}
