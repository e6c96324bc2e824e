import type { SentActivity } from './recording-connector';
import type { BotAnswer } from './bot-harness';

/** A card as the tests read it. */
export type Card = Record<string, unknown> & { body?: unknown[]; actions?: unknown[] };

/** The Adaptive Cards among the activities the bot sent. */
export function cardsIn(sent: SentActivity[]): Card[] {
  return sent.flatMap((s) => {
    const attachments = (s.activity.attachments ?? []) as { contentType?: string; content?: Card }[];
    return attachments.filter((a) => a.contentType === 'application/vnd.adaptivecard' || a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Card);
  });
}

/** The card an Action.Execute invoke was answered with (it replaces the card acted on). */
export function invokeCard(answer: BotAnswer): Card {
  const body = answer.body as { statusCode?: number; type?: string; value?: Card } | undefined;
  if (answer.status !== 200 || body?.type !== 'application/vnd.microsoft.card.adaptive' || !body.value) {
    throw new Error(`expected a card in the invoke response, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return body.value;
}

/** Every text a card shows (text blocks, fact titles and values, action titles), for assertions. */
export function cardText(card: Card): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && ['text', 'title', 'value', 'label', 'placeholder'].includes(k)) out.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return out.join('\n');
}

/** The verbs of a card's Action.Execute buttons. */
export function actionVerbs(card: Card): string[] {
  return ((card.actions ?? []) as { verb?: string }[]).map((a) => a.verb ?? '');
}
