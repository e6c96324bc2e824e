import { z } from 'zod';
import template from './plc-resource-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

export const plcResourceCardDataSchema = z.object({
  /** "Shared in {PLC}", or a notice above the card (e.g. "already shared by …"). */
  heading: z.string().min(1).max(400),
  title: z.string().min(1).max(200),
  url: z.string().url().max(2000),
  note: z.string().max(1000).default(''),
  sharedLine: z.string().min(1).max(300),
  keyAreasLine: z.string().min(1).max(600),
  languagesLine: z.string().min(1).max(200),
  usefulLine: z.string().min(1).max(100),
  usefulTitle: z.string().min(1).max(40),
  plcId: z.string().max(40),
  resourceId: z.string().max(40),
});
export type PlcResourceCardData = z.input<typeof plcResourceCardDataSchema>;

/**
 * A resource shared in a PLC, as every channel of the PLC shows it: the same card for all
 * (votes are counted on it, so it says nothing about the person looking), with the link to
 * open, "useful", "save for later" and the way to the library.
 */
export function renderPlcResourceCard(language: Language, data: PlcResourceCardData): AdaptiveCardJson {
  return expandCard(template, language, plcResourceCardDataSchema.parse(data));
}
