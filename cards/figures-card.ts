import { z } from 'zod';
import template from './figures-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';
import { BAR_SEGMENTS } from './tone-kit';

// Bounds as the words are: a count's longest words ("not shown…") are about 40 characters, a bar is its segments.
// Kept tight so four rows of 21 categories and a full picker stay under 80 KB.
const line = z.object({ label: z.string().min(1).max(100), shown: z.string().min(1).max(45), bar: z.string().max(BAR_SEGMENTS).default('') });

/** At most this many views in the picker: a tenant administrator's nation and 22 LAs, and the card stays under 80 KB. */
export const FIGURES_PICKER_MAX = 23;

/** A block of the card: a school, an LA or the totals, with one line per category of the measure. */
export const figuresCardGroupSchema = z.object({
  name: z.string().min(1).max(120),
  note: z.string().max(120).default(''),
  lines: z.array(line).max(21).default([]),
});

/** What the figures card shows: one measure of one view of the latest snapshot, a page of its rows. */
export const figuresCardDataSchema = z.object({
  scope: z.string().max(80),
  /** A line above the title, e.g. that the CSV is on its way. */
  lead: z.string().max(300).default(''),
  scopeTitle: z.string().min(1).max(300),
  dateLine: z.string().min(1).max(300),
  measureTitle: z.string().max(200).default(''),
  /** What the measure counts, where its title alone would mislead (the priorities). */
  measureNote: z.string().max(200).default(''),
  /** The views the reader may choose between (empty: only one, so no picker); the chosen one is a claim the route checks. */
  choices: z.array(z.object({ title: z.string().min(1).max(80), value: z.string().min(1).max(80) })).max(FIGURES_PICKER_MAX).default([]),
  /** Said under the picker when the list was cut short. */
  pickerNote: z.string().max(120).default(''),
  measure: z.number().int().min(0).default(0),
  groups: z.array(figuresCardGroupSchema).max(4).default([]),
  hasPrevious: z.boolean().default(false),
  previousMeasure: z.number().int().min(0).default(0),
  hasNext: z.boolean().default(false),
  nextMeasure: z.number().int().min(0).default(0),
  page: z.number().int().min(0).default(0),
  hasMore: z.boolean().default(false),
  nextPage: z.number().int().min(0).default(0),
});
export type FiguresCardData = z.input<typeof figuresCardDataSchema>;

/** Anonymised workforce figures as text bar charts, one measure a page, with counts in words where hidden. */
export function renderFiguresCard(language: Language, data: FiguresCardData): AdaptiveCardJson {
  return expandCard(template, language, figuresCardDataSchema.parse(data));
}
