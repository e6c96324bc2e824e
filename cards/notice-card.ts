import { z } from 'zod';
import template from './notice-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import { verbSchema } from './verbs';
import type { Language } from '../bot/users/user-record';

/** Lines a notice lists at most: a longer list ends "and N more" in the text the caller writes. */
export const NOTICE_CARD_LINES = 15;

export const noticeCardDataSchema = z.object({
  title: z.string().min(1).max(200),
  text: z.string().min(1).max(2000),
  tone: z.enum(['default', 'attention']).default('default'),
  /** Lines listed under the text, one each (e.g. the items a line manager signed off); inert text only. */
  list: z.array(z.string().min(1).max(300)).max(NOTICE_CARD_LINES).default([]),
  /** Shown small under the text, e.g. an error's correlation reference. */
  reference: z.string().max(200).default(''),
  actions: z.array(z.object({ title: z.string().min(1).max(200), verb: verbSchema, data: z.record(z.unknown()) })).max(5).default([]),
  /** Buttons that open a web page (https only), before the actions: a notice about a resource opens it. */
  links: z.array(z.object({ title: z.string().min(1).max(200), url: z.string().url().startsWith('https://').max(2000) })).max(1).default([]),
});
export type NoticeCardData = z.input<typeof noticeCardDataSchema>;

/** A short titled message: errors, confirmations, notices (with a list when they gather several things), and features still to come. */
export function renderNoticeCard(language: Language, data: NoticeCardData): AdaptiveCardJson {
  const d = noticeCardDataSchema.parse(data);
  const card = expandCard(template, language, { ...d, list: d.list.map((line) => ({ line: `• ${line}` })), titleStyle: toneStyle(d.tone) });
  // An empty action list would leave "actions": [] which is valid, but tidier without.
  if (d.actions.length === 0 && d.links.length === 0) delete card.actions;
  return card;
}
