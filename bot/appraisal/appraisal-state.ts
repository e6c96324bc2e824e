import { z } from 'zod';
import { keyAreaIds, keyAreaIdSchema, type KeyAreaId } from '../content/key-area-schemas';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** The five professional standards for assisting teaching (FACTS §2), which objectives are tagged with. */
export const STANDARD_IDS = ['pedagogy', 'collaboration', 'leadership', 'innovation', 'professional-learning'] as const;
export const standardIdSchema = z.enum(STANDARD_IDS);
export type StandardId = z.infer<typeof standardIdSchema>;

/** The key areas (data/key-areas.json): objectives and the self-assessment share one list, and stored ids keep their meaning. */
export const KEY_AREA_IDS = keyAreaIds;
export { keyAreaIdSchema, type KeyAreaId };

/** The three meetings of a Practice, Review and Development cycle, in order. */
export const MEETING_IDS = ['planning', 'mid-year', 'end-of-year'] as const;
export const meetingIdSchema = z.enum(MEETING_IDS);
export type MeetingId = z.infer<typeof meetingIdSchema>;

/** Who a prompt is for, and who confirmed or snoozed: the staff member or their line manager. */
export const ROLES = ['staff', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const MAX_OBJECTIVES = 5;

export const objectiveSchema = z.object({
  id: z.string().min(1).max(20),
  text: z.string().min(1).max(300),
  /** How both sides will know it is met. */
  measure: z.string().min(1).max(300),
  standards: z.array(standardIdSchema).max(STANDARD_IDS.length),
  keyAreas: z.array(keyAreaIdSchema).max(KEY_AREA_IDS.length),
  /**
   * The wording agreed at the planning meeting, kept when the objective is edited after it:
   * both sides can still see what was agreed. Absent while it reads as agreed.
   */
  agreedAs: z.object({ text: z.string().min(1).max(300), measure: z.string().min(1).max(300) }).optional(),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const outcomeSchema = z.enum(['met', 'partly-met', 'not-met']);
export type Outcome = z.infer<typeof outcomeSchema>;

/** What the line manager recorded at a meeting, and the staff member's own comment on it. */
export const reviewSchema = z.object({
  recordedAt: z.string(),
  recordedBy: z.string(),
  /** Outcome per objective id (the planning meeting records none: objectives are agreed there). */
  outcomes: z.record(z.string(), outcomeSchema),
  comments: z.string().max(2000),
  /** Development priorities for the year ahead. */
  priorities: z.array(z.string().max(200)).max(MAX_OBJECTIVES),
  staffComment: z.string().max(2000).optional(),
  staffCommentAt: z.string().optional(),
});
export type Review = z.infer<typeof reviewSchema>;

/** One meeting: its date in Wales, who confirmed it, who snoozed its prompts, and its record. */
export const meetingSchema = z.object({
  date: isoDate.optional(),
  confirmed: z.object({ staff: z.string().optional(), manager: z.string().optional() }).default({}),
  /** No prompts to that person before this date; one reminder on it. */
  snoozedUntil: z.object({ staff: isoDate.optional(), manager: isoDate.optional() }).default({}),
  review: reviewSchema.optional(),
});
export type Meeting = z.infer<typeof meetingSchema>;

/**
 * A person's appraisal (Practice, Review and Development) for one annual cycle, kept in
 * their own user document: their turn reads it with everything else in one round trip, and
 * a line manager writes a review to it under its eTag, after the link check.
 */
export const appraisalStateSchema = z.object({
  /** The cycle's first month, YYYY-MM (the school's start month, September by default). */
  cycleId: z.string().regex(/^\d{4}-\d{2}$/),
  objectives: z.array(objectiveSchema).max(MAX_OBJECTIVES),
  nextObjectiveNumber: z.number().int().min(1),
  meetings: z.object({ planning: meetingSchema, 'mid-year': meetingSchema, 'end-of-year': meetingSchema }),
  /** The development priorities recorded at the end of the previous cycle, carried forward. */
  previousPriorities: z.array(z.string().max(200)).max(MAX_OBJECTIVES).default([]),
  startedAt: z.string(),
});
export type AppraisalState = z.infer<typeof appraisalStateSchema>;

/** A fresh cycle with no objectives or dates yet. */
export function newAppraisal(cycleId: string, now: Date, previousPriorities: string[] = []): AppraisalState {
  const meeting = (): Meeting => ({ confirmed: {}, snoozedUntil: {} });
  return {
    cycleId,
    objectives: [],
    nextObjectiveNumber: 1,
    meetings: { planning: meeting(), 'mid-year': meeting(), 'end-of-year': meeting() },
    previousPriorities,
    startedAt: now.toISOString(),
  };
}
