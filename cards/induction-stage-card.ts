import { z } from 'zod';
import template from './induction-stage-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

const text = z.string().max(2000);

export const inductionStageCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  stageId: z.string().min(1),
  stageName: z.string().min(1),
  stageSummary: z.string(),
  done: z.number().int().min(0),
  total: z.number().int().min(1),
  progressText: z.string().min(1),
  items: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string().min(1),
        status: z.enum(['signed-off', 'awaiting-sign-off', 'done', 'overdue', 'due', 'upcoming']),
        statusLine: z.string().min(1),
        canTick: z.boolean(),
        canUndo: z.boolean(),
        why: text,
        what: text,
        contactLine: z.string().max(300).default(''),
        linkUrl: z.string().url().or(z.literal('')).default(''),
        linkLabel: z.string().max(200).default(''),
      }),
    )
    .min(1),
  navigation: z.array(z.object({ title: z.string().min(1), stage: z.string().min(1) })).max(2),
  /** Links to the school's own policies, when its administrator added any. */
  policiesTitle: z.string().default(''),
  policies: z.array(z.object({ title: z.string().min(1).max(120), url: z.string().url() })).max(20).default([]),
});
export type InductionStageCardData = z.input<typeof inductionStageCardDataSchema>;

const statusLook = {
  'signed-off': { icon: '✔', color: 'Good' },
  done: { icon: '✔', color: 'Good' },
  'awaiting-sign-off': { icon: '⏳', color: 'Warning' },
  overdue: { icon: '●', color: 'Attention' },
  due: { icon: '●', color: 'Accent' },
  upcoming: { icon: '○', color: 'Default' },
} as const;

/**
 * One stage of a person's induction: a progress bar, each item with its status and due
 * date, Done / Undo that replace the card in place, and "More" that opens the why, the
 * what and the link without a round trip.
 */
export function renderInductionStageCard(language: Language, data: InductionStageCardData): AdaptiveCardJson {
  const d = inductionStageCardDataSchema.parse(data);
  return expandCard(template, language, {
    ...d,
    leadColor: d.leadTone === 'good' ? 'Good' : 'Attention',
    doneWeight: d.done,
    leftWeight: d.total - d.done,
    items: d.items.map((item) => ({ ...item, moreId: `more-${item.id}`, ...statusLook[item.status], statusColor: statusLook[item.status].color })),
  });
}
