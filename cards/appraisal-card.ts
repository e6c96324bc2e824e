import { z } from 'zod';
import template from './appraisal-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { attentionWeight, toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';
import { KEY_AREA_IDS, STANDARD_IDS } from '../bot/appraisal/appraisal-state';

/**
 * A record on the overview is shortened (the record card has it whole): an objective to this
 * many typed characters in an outcome line, and comments and priorities to this many.
 */
export const RECORD_OBJECTIVE_TYPED = 60;
export const RECORD_NOTE_TYPED = 200;
/** A development priority on the overview (typed at most 200): the records and the induction card have it whole. */
export const PRIORITY_TYPED = 120;
/** Each part of an objective's agreed wording, when it has changed since, on the overview. */
export const AGREED_TYPED = 40;
/** Escaping can double typed text; a line adds its label. */
const outcomeLine = z.string().min(1).max(RECORD_OBJECTIVE_TYPED * 2 + 60);
/** The agreed wording of an objective changed since: two typed parts, escaped, and the words around them. */
const AGREED_LINE = AGREED_TYPED * 2 * 2 + 120;
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
  notes: z.array(z.string().min(1).max(100)).max(2).default([]),
  /** The recorded outcome of each objective, then the comments, priorities and staff comment: inert, shortened. */
  record: z.array(outcomeLine).max(5).default([]),
  recordNotes: z.array(noteLine).max(3).default([]),
  /** The button to the whole record ("Read the record and comment" for the staff member); empty before it is recorded. */
  recordButton: z.string().max(60).default(''),
  /** The picker's range: the dates the rules accept, widened to the date it shows. */
  min: z.string().max(10).default(''),
  max: z.string().max(10).default(''),
});

/** Typed text as a form shows it again (at most 300 characters), and a mark beside it. */
const typedValue = z.string().max(300).default('');
const fieldError = z.string().max(200).default('');

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
  /** Inert and shortened (PRIORITY_TYPED), so at most twice that escaped. */
  priorities: z.array(z.string().min(1).max(PRIORITY_TYPED * 2)).max(8).default([]),
  /** Priorities the staff member noted during their induction; inert and shortened the same way. */
  inductionPriorities: z.array(z.string().min(1).max(PRIORITY_TYPED * 2)).max(5).default([]),
  /** What to say when there are no objectives: how to add them, or to a manager, who adds them. */
  noObjectivesText: z.string().min(1).max(400),
  objectives: z
    .array(
      z.object({
        id: z.string().min(1).max(20),
        /** Inert; typed at most 300 characters. */
        text: z.string().min(1).max(600),
        measureText: z.string().min(1).max(660),
        tagsText: z.string().max(400).default(''),
        /** The agreed wording, when it was changed after the planning meeting (inert). */
        agreedAsText: z.string().max(AGREED_LINE).default(''),
        /** Set once an outcome is recorded against it: it can no longer change. */
        lockedText: z.string().max(120).default(''),
        canEdit: z.boolean().default(false),
        canRemove: z.boolean().default(false),
        /** Button titles that name the objective ("Edit: …", "Remove: …"). */
        editTitle: z.string().max(64).default(''),
        removeTitle: z.string().max(64).default(''),
      }),
    )
    .max(5),
  canEditObjectives: z.boolean(),
  /** The new objective's form as it was left, with marks beside a missing text. */
  objectiveText: typedValue,
  objectiveMeasure: typedValue,
  standards: z.string().max(200).default(''),
  keyAreas: z.string().max(200).default(''),
  objectiveError: fieldError,
  measureError: fieldError,
  agreed: z.boolean(),
  standardChoices: z.array(choice).min(1).max(STANDARD_IDS.length),
  keyAreaChoices: z.array(choice).min(1).max(KEY_AREA_IDS.length),
  meetings: z.array(appraisalMeetingViewSchema).length(3),
  /** For a line manager: a button per meeting that can be recorded now. */
  recordActions: z.array(z.object({ title: z.string().min(1).max(120), meeting: z.string().min(1).max(40) })).max(3).default([]),
  /** A refused date: which meeting's picker it was, and why (said beside it). */
  dateError: z.object({ meeting: z.enum(['planning', 'mid-year', 'end-of-year']), text: z.string().min(1).max(300) }).optional(),
});
export type AppraisalCardData = z.input<typeof appraisalCardDataSchema>;

/** A person's appraisal for the cycle: development priorities, objectives and the three meetings. */
export function renderAppraisalCard(language: Language, data: AppraisalCardData): AdaptiveCardJson {
  const d = appraisalCardDataSchema.parse(data);
  const full = d.objectives.length >= 5;
  return expandCard(template, language, {
    ...d,
    manager: d.reportId !== '',
    leadStyle: toneStyle(d.leadTone),
    full: d.canEditObjectives && full,
    canAddObjective: d.canEditObjectives && !full,
    anyEditable: d.meetings.some((m) => m.editable),
    meetings: d.meetings.map((m) => ({ ...m, statusWeight: attentionWeight(m.attention), dateError: d.dateError?.meeting === m.id ? d.dateError.text : '' })),
  });
}
