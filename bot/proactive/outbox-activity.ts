import type { Language } from '../users/user-record';
import { bilingualCard } from '../i18n/bilingual-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { BilingualContent, Payload } from './outbox-record';

/** The content type Teams renders as an Adaptive Card. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * The message activity for one payload, as plain JSON: text and/or the card as an
 * attachment, then any other attachment (a file consent card). The transport adds who it is from and to, from the conversation reference.
 */
export function activityFor(payload: Payload, language: Language): Record<string, unknown> {
  const activity: Record<string, unknown> = { type: 'message', locale: language === 'cy' ? 'cy-GB' : 'en-GB' };
  if (payload.text !== undefined) activity.text = payload.text;
  const attachments: unknown[] = payload.card !== undefined ? [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: payload.card }] : [];
  if (payload.attachments !== undefined) attachments.push(...payload.attachments);
  if (attachments.length > 0) activity.attachments = attachments;
  return activity;
}

/**
 * The payload for one reader, picked at send: theirs, or for a "Welsh and English" reader
 * the Welsh card with the English beneath (`bilingualCard`, which keeps it under the size
 * limit). An update to a message goes in the language the original went in.
 */
export function payloadFor(content: BilingualContent, language: Language, bothLanguages: boolean | undefined): Payload {
  const { cy, en } = content;
  if (!bothLanguages || language !== 'cy' || !isCard(cy.card) || !isCard(en.card)) return content[language];
  return { ...cy, card: bilingualCard(cy.card, en.card) };
}

function isCard(card: unknown): card is AdaptiveCardJson {
  return typeof card === 'object' && card !== null && (card as { type?: unknown }).type === 'AdaptiveCard';
}
