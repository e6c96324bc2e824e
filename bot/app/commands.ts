import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { outsidePersonalChat } from './personal-only';
import { sendCard } from './replies';

/**
 * Normalises what a person typed: case, surrounding spaces and punctuation, and the
 * hyphen in "self-assessment" do not matter. Mentions are already removed by the app.
 */
export function normaliseCommand(text: string | undefined): string {
  return (text ?? '')
    .toLocaleLowerCase('cy')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s.!?,:;'"]+|[\s.!?,:;'"]+$/g, '')
    .replace(/[-_ ]+/g, '-');
}

/** A route selector for a message that is exactly one of the given commands (any language). */
export function commandSelector(...commands: string[]): (context: TurnContext) => Promise<boolean> {
  const wanted = new Set(commands.map(normaliseCommand));
  return async (context) => context.activity.type === 'message' && wanted.has(normaliseCommand(context.activity.text));
}

/** Sends a command's card, or in a channel or group chat the card saying it is private. */
export async function sendPersonalCard(context: TurnContext, card: () => Promise<AdaptiveCardJson> | AdaptiveCardJson): Promise<void> {
  await sendCard(context, outsidePersonalChat(context) ?? (await card()));
}
