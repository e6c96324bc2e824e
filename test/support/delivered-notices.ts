import type { BotHarness } from './bot-harness';
import { cardsIn, cardText } from './cards-in';

/**
 * Drains the outbox at `at` and answers what reached each person since the harness last
 * cleared its connector, by object id, as the text of each card in order.
 */
export async function deliveredByPerson(harness: BotHarness, at: Date): Promise<Map<string, string[]>> {
  harness.connector.clear();
  await harness.bot!.proactive.sender.drain(at);
  const out = new Map<string, string[]>();
  for (const sent of harness.connector.sent) {
    const id = sent.conversationId.replace(/^a:personal-/, '');
    for (const card of cardsIn([sent])) out.set(id, [...(out.get(id) ?? []), cardText(card)]);
  }
  return out;
}
