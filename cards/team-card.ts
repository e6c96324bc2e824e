import { z } from 'zod';
import template from './team-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

export const teamCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  reports: z
    .array(
      z.object({
        reportId: z.string().min(1),
        name: z.string().min(1).max(200),
        progressText: z.string().min(1),
        /** Where their appraisal stands: next meeting, overdue (and whether reminders have stopped), or done. */
        appraisalText: z.string().min(1),
        appraisalAttention: z.boolean().default(false),
        unreachable: z.boolean().default(false),
        /** They share a self-assessment summary with this manager. */
        sharedSummary: z.boolean().default(false),
        /** Linked by an administrator's import: the manager can decline it ("Not my report"). */
        imported: z.boolean().default(false),
        awaiting: z.array(z.object({ reportId: z.string().min(1), itemId: z.string().min(1), title: z.string().min(1) })),
      }),
    )
    .max(100),
  /** People who name this manager and wait for an answer. */
  requests: z.array(z.object({ reportId: z.string().min(1), name: z.string().min(1).max(200) })).max(100).default([]),
});
export type TeamCardData = z.input<typeof teamCardDataSchema>;

/** A line manager's view of their reports' induction and appraisal, with sign-off where it waits on them. */
export function renderTeamCard(language: Language, data: TeamCardData): AdaptiveCardJson {
  const d = teamCardDataSchema.parse(data);
  return expandCard(template, language, {
    ...d,
    leadColor: d.leadTone === 'good' ? 'Good' : 'Attention',
    reports: d.reports.map((r) => ({ ...r, appraisalColor: r.appraisalAttention ? 'Attention' : 'Default' })),
  });
}
