import { bothLanguages } from '../../cards/both-languages';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { strings } from './strings';

/**
 * Teams advises keeping a message under 80 KB (it refuses 100 KB), counted in UTF-16 on
 * the activity. Two cards in one can pass that where each alone did not.
 */
export const BILINGUAL_CARD_LIMIT = 80 * 1024;

/** The size Teams counts for a message carrying this card (its envelope included, generously). */
export function cardMessageSize(card: AdaptiveCardJson): number {
  const envelope = { type: 'message', locale: 'cy-GB', from: { id: '28:'.padEnd(80, 'x') }, conversation: { id: 'a:'.padEnd(200, 'x') }, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
  return Buffer.byteLength(JSON.stringify(envelope), 'utf16le');
}

/**
 * The card a "Welsh and English" reader gets: the Welsh card with the English beneath
 * (`bothLanguages`). When the two together would pass the size limit, the Welsh card alone,
 * ending with a line in both languages that the English is one tap away (a button that
 * switches them to English and shows their help).
 */
export function bilingualCard(cy: AdaptiveCardJson, en: AdaptiveCardJson): AdaptiveCardJson {
  const both = bothLanguages(cy, en);
  if (cardMessageSize(both) <= BILINGUAL_CARD_LIMIT) return both;
  const line = `${strings('cy').bothLanguages.tooLong}\n\n${strings('en').bothLanguages.tooLong}`;
  const body = Array.isArray(cy.body) ? (cy.body as unknown[]) : [];
  const actions = Array.isArray(cy.actions) ? (cy.actions as unknown[]) : [];
  const english = { type: 'Action.Execute', title: strings('cy').common.switchLanguage, verb: 'language.set', data: { language: 'en', view: 'help' } };
  return {
    ...cy,
    body: [...body, { type: 'Container', separator: true, items: [{ type: 'TextBlock', text: line, wrap: true, size: 'Small' }] }],
    actions: [...actions.slice(0, 5), english],
  };
}
