import { z } from 'zod';
import template from './resource-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

export const resourceCardDataSchema = z.object({
  /** Plain text or already made inert: people's titles go through inertMarkdown first. */
  title: z.string().min(1).max(200),
  url: z.string().url().max(2000),
  /** Where it comes from: the curated library, or who shared it and when. */
  sourceLine: z.string().max(200),
  note: z.string().max(1000).default(''),
  /** The key areas' names in the reader's language: there are seven. */
  keyAreas: z.array(z.string().max(200)).max(7).default([]),
  languages: z.string().max(60),
  /** "Useful to 3" for a shared resource; empty for the library. */
  usefulLine: z.string().max(60).default(''),
});
export type ResourceCardData = z.input<typeof resourceCardDataSchema>;

/**
 * One resource as a card a person can put into any chat from the compose box: what it is,
 * where it came from, its key areas and language, and a button to open it. The next step
 * is the link; the card says where to find more, since it may land in a chat without Cefnogi.
 */
export function renderResourceCard(language: Language, data: ResourceCardData): AdaptiveCardJson {
  const d = resourceCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, keyAreaText: d.keyAreas.join('; '), hasNote: d.note !== '', hasKeyAreas: d.keyAreas.length > 0, hasUseful: d.usefulLine !== '' });
}
