import { z } from 'zod';
import template from './appraisal-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

const choice = z.object({ title: z.string().min(1), value: z.string().min(1) });

/** One meeting as a card shows it: its status, any record, and the inputs the viewer may use. */
export const appraisalMeetingViewSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  statusText: z.string().min(1),
  attention: z.boolean().default(false),
  date: z.string().default(''),
  dateLabel: z.string().min(1),
  editable: z.boolean(),
  /** Confirmations, small. */
  notes: z.array(z.string().min(1)).default([]),
  /** The recorded outcomes, comments and priorities, one line each. */
  record: z.array(z.string().min(1)).default([]),
  commentable: z.boolean().default(false),
  comment: z.string().max(2000).default(''),
});

export const appraisalCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  title: z.string().min(1),
  intro: z.string().min(1),
  cycleText: z.string().min(1),
  /** Set when the cycle shown has ended but a meeting of it is still to be recorded. */
  cycleEndedText: z.string().default(''),
  /** The previous cycle, short; empty when there is none. */
  lastCycleTitle: z.string().default(''),
  lastCycleLines: z.array(z.string().min(1)).max(10).default([]),
  /** Empty for the staff member's own view; the report's id when their line manager looks. */
  reportId: z.string().default(''),
  priorities: z.array(z.string().min(1).max(200)).max(10).default([]),
  objectives: z
    .array(z.object({ id: z.string().min(1), text: z.string().min(1), measureText: z.string().min(1), tagsText: z.string().default('') }))
    .max(5),
  canEditObjectives: z.boolean(),
  agreed: z.boolean(),
  standardChoices: z.array(choice).min(1),
  keyAreaChoices: z.array(choice).min(1),
  meetings: z.array(appraisalMeetingViewSchema).length(3),
  /** For a line manager: a button per meeting that can be recorded now. */
  recordActions: z.array(z.object({ title: z.string().min(1), meeting: z.string().min(1) })).max(3).default([]),
});
export type AppraisalCardData = z.input<typeof appraisalCardDataSchema>;

/** A person's appraisal for the cycle: development priorities, objectives and the three meetings. */
export function renderAppraisalCard(language: Language, data: AppraisalCardData): AdaptiveCardJson {
  const d = appraisalCardDataSchema.parse(data);
  const full = d.objectives.length >= 5;
  return expandCard(template, language, {
    ...d,
    leadColor: d.leadTone === 'good' ? 'Good' : 'Attention',
    full: d.canEditObjectives && full,
    canAddObjective: d.canEditObjectives && !full,
    anyEditable: d.meetings.some((m) => m.editable),
    meetings: d.meetings.map((m) => ({ ...m, statusColor: m.attention ? 'Attention' : 'Default' })),
  });
}
