import { z } from 'zod';
import template from './appraisal-objective-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';
import { KEY_AREA_IDS, STANDARD_IDS } from '../bot/appraisal/appraisal-state';

// Key areas are named in the action plan's full wording (data/key-areas.json), up to about 90 characters.
const choice = z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(40) });
/** Typed text as the form shows it again: at most 300 characters. */
const typed = z.string().max(300).default('');

export const appraisalObjectiveCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  /** "Edit the objective: …", naming it (inert, shortened). */
  title: z.string().min(1).max(200),
  /** What it was agreed as at the planning meeting, when it has changed since (inert, whole). */
  agreedAsText: z.string().max(300 * 2 * 2 + 160).default(''),
  objectiveId: z.string().min(1).max(20),
  text: typed,
  measure: typed,
  standards: z.string().max(200).default(''),
  keyAreas: z.string().max(200).default(''),
  textError: z.string().max(200).default(''),
  measureError: z.string().max(200).default(''),
  saveTitle: z.string().min(1).max(64),
  standardChoices: z.array(choice).min(1).max(STANDARD_IDS.length),
  keyAreaChoices: z.array(choice).min(1).max(KEY_AREA_IDS.length),
  /**
   * The appraisal card's inputs as they were when this card opened, sent back by both
   * buttons: the half-typed objective and the dates are there again on the way back.
   */
  carried: z.object({
    objectiveText: typed,
    objectiveMeasure: typed,
    standards: z.string().max(200).default(''),
    keyAreas: z.string().max(200).default(''),
    'date-planning': z.string().max(30).default(''),
    'date-mid-year': z.string().max(30).default(''),
    'date-end-of-year': z.string().max(30).default(''),
  }),
});
export type AppraisalObjectiveCardData = z.input<typeof appraisalObjectiveCardDataSchema>;

/**
 * One objective's edit form, on its own card so the appraisal card stays small: the wording
 * agreed at the planning meeting stays in view while it is changed, and a refused save
 * comes back as it was typed with the mark at the field.
 */
export function renderAppraisalObjectiveCard(language: Language, data: AppraisalObjectiveCardData): AdaptiveCardJson {
  return expandCard(template, language, appraisalObjectiveCardDataSchema.parse(data));
}
