import { z } from 'zod';
import template from './plc-form-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

const choice = z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(60) });
const fieldText = z.string().max(1000).default('');

export const plcFormCardDataSchema = z.object({
  /** The seven key areas. */
  keyAreaChoices: z.array(choice).min(1).max(10),
  /** What the form shows filled in: empty at first, what was submitted after a refusal (key areas and co-owners comma-separated). */
  values: z.object({ plcName: fieldText, keyAreas: fieldText, plcLanguage: z.string().max(4).default('cy'), coOwners: fieldText }).default({}),
  /** A message per field the server refused, in the person's language. */
  errors: z.object({ plcName: fieldText, keyAreas: fieldText }).default({}),
});
export type PlcFormCardData = z.input<typeof plcFormCardDataSchema>;

/** Making a channel a PLC: its name, key areas, the language of its cards and its co-owners (Teams people picker). */
export function renderPlcFormCard(language: Language, data: PlcFormCardData): AdaptiveCardJson {
  return expandCard(template, language, plcFormCardDataSchema.parse(data));
}
