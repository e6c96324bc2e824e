import { z } from 'zod';
import template from './learning-entry-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';
import { KEY_AREA_IDS, STANDARD_IDS } from '../bot/appraisal/appraisal-state';
import { LEARNING_KINDS } from '../bot/learning/learning-entry';

const choice = z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(40) });
const error = z.string().max(300).default('');
/** What was typed, shown again as it was: bounded as the form's input schema bounds it. */
const typed = (max: number) => z.string().max(max).default('');

export const learningEntryCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention', 'default']).default('default'),
  title: z.string().min(1).max(100),
  /** Empty for a new entry; the entry's id when editing. */
  entryId: z.union([z.string().uuid(), z.literal('')]).default(''),
  /** Today in Wales: the date picker offers nothing later. */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  typedTitle: typed(2000),
  typedDate: typed(40),
  typedHours: typed(40),
  typedKind: typed(40),
  typedAreas: typed(400),
  typedStandards: typed(400),
  typedLearned: typed(5000),
  typedChanged: typed(5000),
  typedDifference: typed(5000),
  typedObjective: typed(20),
  errors: z.object({ title: error, date: error, hours: error, kind: error, learned: error, changed: error, difference: error, objective: error }).default({}),
  /** The person's own objectives this cycle, after "not linked"; none means the question is not asked. */
  objectiveChoices: z.array(z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(20) })).max(6).default([]),
  kindChoices: z.array(choice).min(1).max(LEARNING_KINDS.length),
  areaChoices: z.array(choice).min(1).max(KEY_AREA_IDS.length),
  standardChoices: z.array(choice).min(1).max(STANDARD_IDS.length),
});
export type LearningEntryCardData = z.input<typeof learningEntryCardDataSchema>;

/**
 * One learning entry's form, new or being edited: a refused save comes back with everything
 * typed and the problem under its field, so nothing is lost.
 */
export function renderLearningEntryCard(language: Language, data: LearningEntryCardData): AdaptiveCardJson {
  return expandCard(template, language, learningEntryCardDataSchema.parse(data));
}
