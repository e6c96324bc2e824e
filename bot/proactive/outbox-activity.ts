import type { Language } from '../users/user-record';
import type { Payload } from './outbox-record';

/** The content type Teams renders as an Adaptive Card. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * The message activity for one payload, as plain JSON: text and/or the card as an
 * attachment. The transport adds who it is from and to, from the conversation reference.
 */
export function activityFor(payload: Payload, language: Language): Record<string, unknown> {
  const activity: Record<string, unknown> = { type: 'message', locale: language === 'cy' ? 'cy-GB' : 'en-GB' };
  if (payload.text !== undefined) activity.text = payload.text;
  if (payload.card !== undefined) activity.attachments = [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: payload.card }];
  return activity;
}
