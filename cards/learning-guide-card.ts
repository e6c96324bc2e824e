import { z } from 'zod';
import template from './learning-guide-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { verbSchema } from './verbs';
import type { Language } from '../bot/users/user-record';

/** Headings and facts under each: enough for every guide, and under Teams' size limit at their longest. */
export const GUIDE_SECTIONS = 4;
export const GUIDE_FACTS = 5;

const fact = z.object({ text: z.string().min(1).max(500), source: z.string().max(250).default('') });

export const learningGuideCardDataSchema = z.object({
  lead: z.string().max(600).default(''),
  leadTone: z.enum(['good', 'attention', 'default']).default('default'),
  title: z.string().min(1).max(120),
  intro: z.string().max(600).default(''),
  /** Facts under headings, each with its source in small print. */
  sections: z.array(z.object({ heading: z.string().min(1).max(120), facts: z.array(fact).max(GUIDE_FACTS) })).max(GUIDE_SECTIONS).default([]),
  questionsTitle: z.string().max(120).default(''),
  /** Yes/no questions, each keeping its answer and, on a refused submit, its problem. */
  questions: z.array(z.object({ id: z.string().min(1).max(40), label: z.string().min(1).max(300), value: z.enum(['yes', 'no', '']).default(''), error: z.string().max(200).default('') })).max(8).default([]),
  yes: z.string().min(1).max(20),
  no: z.string().min(1).max(20),
  checklistTitle: z.string().max(120).default(''),
  /** Items a person ticks and keeps. */
  checklist: z.array(z.object({ id: z.string().min(1).max(40), title: z.string().min(1).max(300), value: z.enum(['true', 'false']) })).max(10).default([]),
  linksTitle: z.string().max(120).default(''),
  /** Site roots only. */
  links: z.array(z.object({ title: z.string().min(1).max(120), url: z.string().url().max(200) })).max(6).default([]),
  /** The next step and the way back. */
  actions: z
    .array(z.object({ title: z.string().min(1).max(80), verb: verbSchema, inputs: z.enum(['auto', 'none']).default('none'), data: z.record(z.unknown()) }))
    .min(1)
    .max(5),
});
export type LearningGuideCardData = z.input<typeof learningGuideCardDataSchema>;

/**
 * Sourced guidance with, where it asks, yes/no questions or a checklist: EWC registration,
 * HLTA status, a career pathway, Welsh-language learning. Every fact shows its source.
 */
export function renderLearningGuideCard(language: Language, data: LearningGuideCardData): AdaptiveCardJson {
  return expandCard(template, language, learningGuideCardDataSchema.parse(data));
}
