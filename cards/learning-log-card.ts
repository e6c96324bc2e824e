import { z } from 'zod';
import template from './learning-log-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';
import { KEY_AREA_IDS, STANDARD_IDS } from '../bot/appraisal/appraisal-state';

/** Entries on one page of the log: ten keeps the card well under Teams' size limit. */
export const ENTRIES_PER_PAGE = 10;
/** School years offered in the year filter (with "all years"). */
export const MAX_YEAR_CHOICES = 40;

const choice = z.object({ title: z.string().min(1).max(120), value: z.string().max(40) });
const bar = z.object({ name: z.string().min(1).max(120), bar: z.string().min(1).max(60) });

export const learningLogCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention', 'default']).default('default'),
  /** An entry whose Delete was pressed: asked once more before it goes. */
  confirmDeleteId: z.union([z.string().uuid(), z.literal('')]).default(''),
  confirmDeleteText: z.string().max(300).default(''),
  confirmDeleteTitle: z.string().max(100).default(''),
  totalsText: z.string().min(1).max(300),
  filterYear: z.string().max(4).default(''),
  filterArea: z.string().max(40).default(''),
  filterStandard: z.string().max(40).default(''),
  yearChoices: z.array(choice).min(1).max(MAX_YEAR_CHOICES + 1),
  areaChoices: z.array(choice).min(1).max(KEY_AREA_IDS.length + 1),
  standardChoices: z.array(choice).min(1).max(STANDARD_IDS.length + 1),
  areaBars: z.array(bar).max(KEY_AREA_IDS.length),
  standardBars: z.array(bar).max(STANDARD_IDS.length),
  emptyText: z.string().max(300).default(''),
  entries: z
    .array(
      z.object({
        id: z.string().uuid(),
        /** The title as typed (inert). */
        heading: z.string().min(1).max(2 * 200 + 10),
        details: z.string().min(1).max(300),
        linked: z.string().max(400).default(''),
        /** Accessible names: each button says which entry it acts on. */
        editTitle: z.string().min(1).max(100),
        deleteTitle: z.string().min(1).max(100),
      }),
    )
    .max(ENTRIES_PER_PAGE),
  page: z.number().int().min(0).max(1000),
  pageText: z.string().max(100).default(''),
  previous: z.number().int().min(-1).max(1000),
  next: z.number().int().min(-1).max(1000),
});
export type LearningLogCardData = z.input<typeof learningLogCardDataSchema>;

/**
 * `my learning`: totals and bars by key area and by standard for the entries the filters keep,
 * then one page of those entries, each with Edit and Delete naming it.
 */
export function renderLearningLogCard(language: Language, data: LearningLogCardData): AdaptiveCardJson {
  return expandCard(template, language, learningLogCardDataSchema.parse(data));
}
