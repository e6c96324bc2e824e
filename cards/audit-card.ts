import { z } from 'zod';
import template from './audit-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { attentionWeight } from './tone-kit';
import type { Language } from '../bot/users/user-record';

/** One audit entry in words: when, who and their role; what to what; done or refused and why. */
export const auditCardEntrySchema = z.object({
  line: z.string().min(1).max(250),
  what: z.string().min(1).max(250),
  outcome: z.string().min(1).max(250),
  refused: z.boolean(),
});
export type AuditCardEntry = z.infer<typeof auditCardEntrySchema>;

/** A page cursor as the card carries it: the last entry id of the page before (empty for the newest). */
const cursor = z.string().max(100);

export const auditCardDataSchema = z.object({
  intro: z.string().min(1).max(300),
  empty: z.string().min(1).max(300),
  entries: z.array(auditCardEntrySchema).max(20).default([]),
  hasOlder: z.boolean().default(false),
  olderBefore: cursor.default(''),
  olderTrail: z.string().max(2000).default(''),
  hasNewer: z.boolean().default(false),
  newerBefore: cursor.default(''),
  newerTrail: z.string().max(2000).default(''),
  /** The Export button (a CSV file through Teams' file consent, in the personal chat). */
  exportable: z.boolean().default(false),
  /** A line above the title, e.g. that the export is on its way. */
  lead: z.string().max(300).default(''),
});
export type AuditCardData = z.input<typeof auditCardDataSchema>;

/** The audit of administrative acts and refusals, newest first, one page at a time. */
export function renderAuditCard(language: Language, data: AuditCardData): AdaptiveCardJson {
  const d = auditCardDataSchema.parse(data);
  const entries = d.entries.map((e) => ({ ...e, outcomeWeight: attentionWeight(e.refused) }));
  return expandCard(template, language, { ...d, entries });
}
