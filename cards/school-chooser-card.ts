import { z } from 'zod';
import template from './school-chooser-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import { verbSchema } from './verbs';
import type { Language } from '../bot/users/user-record';

/** At most this many schools on one card: enough to choose from, far under Teams' size limit. */
export const MAX_CHOOSER_RESULTS = 15;

export const schoolChooserCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  title: z.string().min(1).max(200),
  intro: z.string().max(500).default(''),
  findLabel: z.string().min(1).max(200),
  findTitle: z.string().min(1).max(60),
  findVerb: verbSchema,
  /** What was typed, kept in the box. */
  find: z.string().max(80).default(''),
  results: z
    .array(z.object({ id: z.string().min(1).max(80), name: z.string().min(1).max(250), detail: z.string().max(300), actionTitle: z.string().min(1).max(40), actionTooltip: z.string().min(1).max(300), verb: verbSchema }))
    .max(MAX_CHOOSER_RESULTS)
    .default([]),
});
export type SchoolChooserCardData = z.input<typeof schoolChooserCardDataSchema>;

/** A school found by part of its name, each with the one action that card is for (open, choose). */
export function renderSchoolChooserCard(language: Language, data: SchoolChooserCardData): AdaptiveCardJson {
  const d = schoolChooserCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, leadStyle: toneStyle(d.leadTone) });
}
