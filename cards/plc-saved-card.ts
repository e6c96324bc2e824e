import { z } from 'zod';
import template from './plc-saved-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

/** Saved resources on one page: six keep the fullest page (2,000-character links) under 80 KB. */
export const PLC_SAVED_PAGE = 6;

export const plcSavedCardDataSchema = z.object({
  /** "3 saved, newest first. Page 1 of 1.", or why the list is empty. */
  lead: z.string().min(1).max(400),
  items: z
    .array(
      z.object({
        title: z.string().min(1).max(200),
        url: z.string().url().max(2000),
        line: z.string().min(1).max(200),
        /** Button titles naming the resource, so each of the repeated buttons says what it acts on. */
        openTitle: z.string().min(1).max(260),
        learnTitle: z.string().min(1).max(260),
        /** `learning.new` data: the entry form opens with these filled in (see bot/learning). */
        learnData: z.object({ title: z.string().max(200), areas: z.string().max(400), kind: z.literal('plc'), link: z.string().url().max(900).optional() }),
      }),
    )
    .max(PLC_SAVED_PAGE),
  /** Paging, the learning log (the next step) and help (the way back). */
  actions: z
    .array(z.object({ title: z.string().min(1).max(60), verb: z.enum(['plc.saved', 'learning.show', 'help.show']), data: z.object({ page: z.number().int().min(0).max(1000).optional() }) }))
    .min(1)
    .max(4),
});
export type PlcSavedCardData = z.input<typeof plcSavedCardDataSchema>;

/** The resources a person saved for later from PLCs, each with its link and "Save to my learning". */
export function renderPlcSavedCard(language: Language, data: PlcSavedCardData): AdaptiveCardJson {
  return expandCard(template, language, plcSavedCardDataSchema.parse(data));
}
