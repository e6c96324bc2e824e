import { z } from 'zod';
import template from './appraisal-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { attentionWeight, toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';

/**
 * A record on the overview is shortened (the record card has it whole): an objective to this
 * many typed characters in an outcome line, and comments and priorities to this many.
 */
export const RECORD_OBJECTIVE_TYPED = 80;
export const RECORD_NOTE_TYPED = 250;
/** Escaping can double typed text; a line adds its label. */
const outcomeLine = z.string().min(1).max(RECORD_OBJECTIVE_TYPED * 2 + 60);
const noteLine = z.string().min(1).max(RECORD_NOTE_TYPED * 2 + 60);

// Key areas are named in the action plan's full wording (data/key-areas.json), up to about 90 characters.
const choice = z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(40) });

/** One meeting as a card shows it: its status, any record, and the inputs the viewer may use. */
export const appraisalMeetingViewSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(100),
  statusText: z.string().min(1).max(200),
  attention: z.boolean().default(false),
  date: z.string().max(10).default(''),
  dateLabel: z.string().min(1).max(120),
  editable: z.boolean(),
  /** Confirmations, small. */
  notes: z.array(z.string().min(1).max(200)).max(2).default([]),
  /** The recorded outcome of each objective, then the comments, priorities and staff comment: inert, shortened. */
  record: z.array(outcomeLine).max(5).default([]),
  recordNotes: z.array(noteLine).max(3).default([]),
  /** The button to the whole record ("Read the record and comment" for the staff member); empty before it is recorded. */
  recordButton: z.string().max(100).default(''),
});

export const appraisalCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  /** For a manager, names the person (inert). */
  title: z.string().min(1).max(300),
  intro: z.string().min(1).max(500),
  cycleText: z.string().min(1).max(200),
  /** Set when the cycle shown has ended but a meeting of it is still to be recorded. */
  cycleEndedText: z.string().max(300).default(''),
  /** The previous cycle, short; empty when there is none. */
  lastCycleTitle: z.string().max(200).default(''),
  lastCycleLines: z.array(outcomeLine).max(5).default([]),
  lastCycleNotes: z.array(noteLine).max(3).default([]),
  /** Empty for the staff member's own view; the report's id when their line manager looks. */
  reportId: z.string().max(36).default(''),
  /** Inert; a typed priority is at most 200 characters, escaped at most 400. */
  priorities: z.array(z.string().min(1).max(400)).max(8).default([]),
  objectives: z
    .array(
      z.object({
        id: z.string().min(1).max(20),
        /** Inert; typed at most 300 characters. */
        text: z.string().min(1).max(600),
        measureText: z.string().min(1).max(660),
        tagsText: z.string().max(400).default(''),
      }),
    )
    .max(5),
  canEditObjectives: z.boolean(),
  agreed: z.boolean(),
  standardChoices: z.array(choice).min(1).max(12),
  keyAreaChoices: z.array(choice).min(1).max(12),
  meetings: z.array(appraisalMeetingViewSchema).length(3),
  /** For a line manager: a button per meeting that can be recorded now. */
  recordActions: z.array(z.object({ title: z.string().min(1).max(200), meeting: z.string().min(1).max(40) })).max(3).default([]),
});
export type AppraisalCardData = z.input<typeof appraisalCardDataSchema>;

/** A person's appraisal for the cycle: development priorities, objectives and the three meetings. */
export function renderAppraisalCard(language: Language, data: AppraisalCardData): AdaptiveCardJson {
  const d = appraisalCardDataSchema.parse(data);
  const full = d.objectives.length >= 5;
  return expandCard(template, language, {
    ...d,
    leadStyle: toneStyle(d.leadTone),
    full: d.canEditObjectives && full,
    canAddObjective: d.canEditObjectives && !full,
    anyEditable: d.meetings.some((m) => m.editable),
    meetings: d.meetings.map((m) => ({ ...m, statusWeight: attentionWeight(m.attention) })),
  });
}
