import { z } from 'zod';
import template from './broadcast-card.json';
import { expandCard, otherLanguage, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

export const broadcastCardDataSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().min(1).max(200),
  from: z.string().min(1).max(200),
  /** Markdown as the author wrote it (links already checked to be https). */
  body: z.string().min(1).max(4000),
  link: z.string().max(500).default(''),
  readBy: z.string().max(200).default(''),
  /** The "I have read this" button: shown while the broadcast asks for it and the reader has not confirmed. */
  askToConfirm: z.boolean().default(false),
  /** When the reader confirmed, in words ('' until then). */
  confirmed: z.string().max(200).default(''),
  /** When it was last corrected, in words ('' if never). */
  edited: z.string().max(200).default(''),
  /** A line above the title: a reminder says why it came again. */
  lead: z.string().max(200).default(''),
});
export type BroadcastCardData = z.input<typeof broadcastCardDataSchema>;

/**
 * A broadcast as one recipient sees it, in one language, with a button to read it in the
 * other (answered in place) and, when asked for, "I have read this".
 */
export function renderBroadcastCard(language: Language, data: BroadcastCardData): AdaptiveCardJson {
  const d = broadcastCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, otherLanguage: otherLanguage(language) });
}
