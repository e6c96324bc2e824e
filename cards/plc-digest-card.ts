import { z } from 'zod';
import template from './plc-digest-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

/** Items in each list of a digest: the card stays short and far under 80 KB. */
export const PLC_DIGEST_ITEMS = 5;

const item = z.object({ title: z.string().min(1).max(200), url: z.string().url().max(2000), line: z.string().min(1).max(400) });

export const plcDigestCardDataSchema = z.object({
  title: z.string().min(1).max(200),
  fresh: z.array(item).min(1).max(PLC_DIGEST_ITEMS),
  useful: z.array(item).max(3),
  /** One item of the curated library matching the PLC's key areas, or empty. */
  curatedTitle: z.string().max(200).default(''),
  curatedSummary: z.string().max(600).default(''),
  curatedUrl: z.string().url().max(500).or(z.literal('')).default(''),
  plcId: z.string().max(40),
});
export type PlcDigestCardData = z.input<typeof plcDigestCardDataSchema>;

/** A PLC's Monday digest: what is new this week, the most useful, and one item from the curated library. */
export function renderPlcDigestCard(language: Language, data: PlcDigestCardData): AdaptiveCardJson {
  return expandCard(template, language, plcDigestCardDataSchema.parse(data));
}
