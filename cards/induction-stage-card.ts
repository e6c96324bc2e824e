import { z } from 'zod';
import template from './induction-stage-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { progressBar, toneStyle, type ToneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';

/** The why (content) and the what (content, or a school's item: typed at most 500 characters, inert). */
const why = z.string().max(500);
const what = z.string().max(1000);

/** Items on one page of a stage: with each item's why and what on the card, five keep it under 80 KB. */
export const STAGE_CARD_ITEMS = 5;

export const inductionStageCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  stageId: z.string().min(1).max(40),
  stageName: z.string().min(1).max(100),
  stageSummary: z.string().max(300),
  done: z.number().int().min(0).max(200),
  total: z.number().int().min(1).max(200),
  progressText: z.string().min(1).max(200),
  /** This page of the stage's items (0-based), the pages either side (-1 at an end), and "Items 6 to 10 of 12" when there is more than one. */
  page: z.number().int().min(0).max(100).default(0),
  previousPage: z.number().int().min(-1).max(100).default(-1),
  nextPage: z.number().int().min(-1).max(100).default(-1),
  pageText: z.string().max(200).default(''),
  items: z
    .array(
      z.object({
        id: z.string().min(1).max(60),
        /** A school's item is inert: typed at most 120 characters. */
        title: z.string().min(1).max(250),
        status: z.enum(['signed-off', 'awaiting-sign-off', 'done', 'overdue', 'due', 'upcoming']),
        statusLine: z.string().min(1).max(120),
        canTick: z.boolean(),
        canUndo: z.boolean(),
        why,
        what,
        contactLine: z.string().max(300).default(''),
        linkUrl: z.string().url().max(500).or(z.literal('')).default(''),
        linkLabel: z.string().max(100).default(''),
      }),
    )
    .min(1)
    .max(STAGE_CARD_ITEMS),
  navigation: z.array(z.object({ title: z.string().min(1).max(200), stage: z.string().min(1).max(40) })).max(2),
  /** Links to the school's own policies, when its administrator added any. */
  policiesTitle: z.string().max(200).default(''),
  policies: z.array(z.object({ title: z.string().min(1).max(120), url: z.string().url().max(500) })).max(20).default([]),
});
export type InductionStageCardData = z.input<typeof inductionStageCardDataSchema>;

/** Each status's icon, in a badge of its tone's style; the status line beside it says it in words. */
const statusLook: Record<string, { icon: string; statusStyle: ToneStyle }> = {
  'signed-off': { icon: '✔', statusStyle: 'good' },
  done: { icon: '✔', statusStyle: 'good' },
  'awaiting-sign-off': { icon: '⏳', statusStyle: 'warning' },
  overdue: { icon: '!', statusStyle: 'attention' },
  due: { icon: '●', statusStyle: 'accent' },
  upcoming: { icon: '○', statusStyle: 'default' },
};

/**
 * One stage of a person's induction: a progress bar, each item with its status and due
 * date, Done / Undo that replace the card in place, and "More" that opens the why, the
 * what and the link without a round trip.
 */
export function renderInductionStageCard(language: Language, data: InductionStageCardData): AdaptiveCardJson {
  const d = inductionStageCardDataSchema.parse(data);
  return expandCard(template, language, {
    ...d,
    leadStyle: toneStyle(d.leadTone),
    bar: progressBar(d.done, d.total),
    items: d.items.map((item) => ({ ...item, moreId: `more-${item.id}`, ...statusLook[item.status] })),
  });
}
