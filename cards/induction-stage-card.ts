import { z } from 'zod';
import template from './induction-stage-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { progressBar, toneStyle, type ToneStyle } from './tone-kit';
import { fill, strings } from '../bot/i18n/strings';
import { shortenTypedText } from '../bot/text/shorten-typed-text';
import type { Language } from '../bot/users/user-record';

/** The why (content) and the what (content, or a school's item: typed at most 500 characters, inert). */
const why = z.string().max(500);
const what = z.string().max(1000);

/**
 * Items on one page of a stage: with each item's why and what, its named buttons, and what
 * to catch up on above them, four keep the card under 80 KB.
 */
export const STAGE_CARD_ITEMS = 4;

/** Lists on the card that point elsewhere (to catch up, needing a manager) show this many, then "and N more". */
export const SHORT_LIST = 3;

/** How much of an item's title a button's name or a short list repeats: enough to tell rows apart, small enough for Teams. */
export const SHORT_TITLE = 60;

/** A title cut to `max` with "…", without leaving an escape's backslash dangling. */
export function shortTitle(title: string, max = SHORT_TITLE): string {
  const cut = shortenTypedText(title, max);
  return cut === title ? title : cut.replace(/\\+…$/, '…');
}

export const inductionStageCardDataSchema = z.object({
  lead: z.string().max(300).default(''),
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
        status: z.enum(['signed-off', 'awaiting-sign-off', 'done', 'catch-up', 'overdue', 'due', 'upcoming']),
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
  /** Titles (with due dates) of items to catch up on, a few at most, the first line saying when the person started. */
  catchUpLead: z.string().max(200).default(''),
  catchUpCount: z.string().max(200).default(''),
  catchUpItems: z.array(z.string().min(1).max(SHORT_TITLE + 60)).max(SHORT_LIST).default([]),
  catchUpMore: z.string().max(60).default(''),
  /** With no line manager named: the items that need one, a few at most, and "and 3 more". */
  noManagerItems: z.array(z.string().min(1).max(SHORT_TITLE)).max(SHORT_LIST).default([]),
  noManagerMore: z.string().max(60).default(''),
  /** Development priorities noted so far, shown as they are noted. */
  priorities: z.array(z.string().min(1).max(200)).max(5).default([]),
  navigation: z.array(z.object({ title: z.string().min(1).max(200), stage: z.string().min(1).max(40) })).max(2),
  /** Links to the school's own policies, when its administrator added any. */
  policiesTitle: z.string().max(200).default(''),
  policies: z.array(z.object({ title: z.string().min(1).max(120), url: z.string().url().max(500) })).max(20).default([]),
});
export type InductionStageCardData = z.input<typeof inductionStageCardDataSchema>;

/**
 * Each status's icon, in a badge of its tone's style; the status line beside it says it in
 * words ("Overdue", "To catch up"). Catching up is the gentle view of what was due before the
 * person started, so it has the accent badge of something due, not the attention of overdue.
 */
const statusLook: Record<InductionStageCardData['items'][number]['status'], { icon: string; statusStyle: ToneStyle }> = {
  'signed-off': { icon: '✔', statusStyle: 'good' },
  done: { icon: '✔', statusStyle: 'good' },
  'awaiting-sign-off': { icon: '⏳', statusStyle: 'warning' },
  'catch-up': { icon: '●', statusStyle: 'accent' },
  overdue: { icon: '!', statusStyle: 'attention' },
  due: { icon: '●', statusStyle: 'accent' },
  upcoming: { icon: '○', statusStyle: 'default' },
};

/**
 * One stage of a person's induction: a progress bar, each item with its status and due
 * date, Done / Undo that replace the card in place, and "More about" that opens the why,
 * the what and the link without a round trip (and turns into "Less about" while open).
 * Above the items: what to catch up on, and the items waiting for a line manager not yet named.
 */
export function renderInductionStageCard(language: Language, data: InductionStageCardData): AdaptiveCardJson {
  const d = inductionStageCardDataSchema.parse(data);
  const steps = strings(language).inductionSteps;
  return expandCard(template, language, {
    ...d,
    leadStyle: toneStyle(d.leadTone),
    bar: progressBar(d.done, d.total),
    // Each button names its item ("Done: Read the safeguarding policy"), so a screen reader says which row it acts on.
    // Element ids are per card, so a row's place names them: short, whatever the item's id.
    items: d.items.map((item, row) => ({
      ...item,
      doneTitle: fill(steps.doneItem, { title: shortTitle(item.title) }),
      undoTitle: fill(steps.undoItem, { title: shortTitle(item.title) }),
      moreTitle: fill(steps.moreItem, { title: shortTitle(item.title) }),
      lessTitle: fill(steps.lessItem, { title: shortTitle(item.title) }),
      moreId: `more-${row}`,
      moreButtonId: `mb-${row}`,
      lessButtonId: `lb-${row}`,
      ...statusLook[item.status],
    })),
  });
}
