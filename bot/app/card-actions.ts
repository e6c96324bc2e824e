import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { z, ZodTypeAny } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { Verb } from '../../cards/verbs';
import { staleCardCard } from '../errors/error-card';
import { turnData } from '../edge/turn-data';
import { outsidePersonalChat } from './personal-only';
import { answerInvokeWithCard } from './replies';

/**
 * Routes one Action.Execute verb. The action's data is parsed with `schema` first: data
 * that does not fit (tampered, or from an older card) gets the stale-card card in the
 * user's language and the handler never runs, so nothing is written. `personalOnly`
 * verbs outside the one-to-one chat get a card saying so, and the handler never runs.
 * Whatever the card, it answers the invoke itself (`answerInvokeWithCard`), so a per-person
 * card is never written into a message others see.
 */
export function onCardAction<S extends ZodTypeAny>(
  app: Application,
  verb: Verb,
  schema: S,
  handler: (context: TurnContext, data: z.infer<S>) => Promise<AdaptiveCardJson>,
  options: { personalOnly?: boolean } = {},
): void {
  app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
    const card = await answerFor(context, data, schema, handler, options);
    await answerInvokeWithCard(context, card);
    return card;
  });
}

async function answerFor<S extends ZodTypeAny>(
  context: TurnContext,
  data: unknown,
  schema: S,
  handler: (context: TurnContext, data: z.infer<S>) => Promise<AdaptiveCardJson>,
  options: { personalOnly?: boolean },
): Promise<AdaptiveCardJson> {
  const elsewhere = options.personalOnly ? outsidePersonalChat(context) : undefined;
  if (elsewhere) return elsewhere;
  const parsed = schema.safeParse(data);
  if (!parsed.success) return staleCardCard(turnData(context).language());
  return handler(context, parsed.data);
}
