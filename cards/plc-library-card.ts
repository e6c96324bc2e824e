import { z } from 'zod';
import template from './plc-library-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

/** Resources on one page of a library: the fullest page stays far under 80 KB. */
export const PLC_LIBRARY_PAGE = 10;

const choice = z.object({ title: z.string().min(1).max(120), value: z.string().max(60) });

export const plcLibraryCardDataSchema = z.object({
  title: z.string().min(1).max(200),
  /** What is shown ("Newest, page 1 of 3"), or why the list is empty. */
  lead: z.string().min(1).max(400),
  items: z.array(z.object({ title: z.string().min(1).max(200), url: z.string().url().max(2000), line: z.string().min(1).max(400) })).max(PLC_LIBRARY_PAGE),
  /** "All key areas" (value 'all') and the seven areas. */
  keyAreaChoices: z.array(choice).min(1).max(10),
  keyArea: z.string().max(60).default('all'),
  /** Order buttons and paging; each sends the library verb with its page, order and the chosen key area. */
  actions: z
    .array(z.object({ title: z.string().min(1).max(60), data: z.object({ plcId: z.string().max(40), page: z.number().int().min(0).max(10000), order: z.enum(['newest', 'useful']), keyArea: z.string().max(60) }) }))
    .min(1)
    .max(5),
});
export type PlcLibraryCardData = z.input<typeof plcLibraryCardDataSchema>;

/** A PLC's library, one page at a time: newest or most useful first, optionally one key area. */
export function renderPlcLibraryCard(language: Language, data: PlcLibraryCardData): AdaptiveCardJson {
  return expandCard(template, language, plcLibraryCardDataSchema.parse(data));
}
