import { z } from 'zod';
import { fill, strings } from '../bot/i18n/strings';
import template from './resource-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
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
  /** A curated library item's id: the card then offers "Save to my learning" for it (shared resources have their PLC's own card). */
  resourceId: z.string().max(200).default(''),
  /** A line above the card for the person who pressed a button on it (where their entry went, or why it did not). */
  lead: z.string().max(400).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
});
export type ResourceCardData = z.input<typeof resourceCardDataSchema>;

/**
 * One resource as a card a person can put into any chat from the compose box: what it is,
 * where it came from, its key areas and language, and a button to open it. The next step
 * is the link; the card says where to find more, since it may land in a chat without Cefnogi.
 * A library item also offers "Save to my learning", which starts the entry in the presser's
 * own chat with Cefnogi, since the card may sit in a chat others read.
 */
export function renderResourceCard(language: Language, data: ResourceCardData): AdaptiveCardJson {
  const d = resourceCardDataSchema.parse(data);
  return expandCard(template, language, {
    ...d,
    keyAreaText: d.keyAreas.join('; '),
    hasNote: d.note !== '',
    hasKeyAreas: d.keyAreas.length > 0,
    hasUseful: d.usefulLine !== '',
    leadStyle: toneStyle(d.leadTone),
    learnTooltip: fill(strings(language).libraryToLearning.saveTooltip, { title: d.title }),
  });
}
