import { z } from 'zod';
import { scaleValueSchema } from '../content/self-assessment-schemas';

/**
 * Stored ids (areas, statements, tracks) are plain strings, not the content's enums: a later
 * release that renames an area must not make a person's whole document unreadable. Ids the
 * content no longer knows are left out when results are shown.
 */
const storedId = z.string().min(1).max(80);

/** A statement's answer: a point on the four-point scale, or explicitly skipped. */
export const answerSchema = z.union([scaleValueSchema, z.literal('skip')]);
export type Answer = z.infer<typeof answerSchema>;

/** An assessment in progress: answers so far and the areas already submitted. */
export const attemptSchema = z.object({
  id: z.string().min(1),
  trackId: z.string().min(1),
  startedAt: z.string(),
  answers: z.record(z.string(), answerSchema),
  doneAreas: z.array(storedId),
});
export type Attempt = z.infer<typeof attemptSchema>;

/** One area's outcome: the mean mapped onto 0–100 and onto the scale's four points. */
export const areaResultSchema = z.object({
  area: storedId,
  /** 0–100, or null when every statement was skipped. */
  score: z.number().min(0).max(100).nullable(),
  /** The scale point nearest the mean (1–4), or null when not rated. */
  band: scaleValueSchema.nullable(),
  answered: z.number().int().min(0),
  skipped: z.number().int().min(0),
});
export type AreaResult = z.infer<typeof areaResultSchema>;

/** A finished assessment. The answers stay with it: they belong to the person and only they see them. */
export const resultSchema = z.object({
  id: z.string().min(1),
  trackId: z.string().min(1),
  completedAt: z.string(),
  areas: z.array(areaResultSchema),
  priorities: z.array(storedId).max(3),
  answers: z.record(z.string(), answerSchema),
});
export type AssessmentResult = z.infer<typeof resultSchema>;

/** Results kept per person: enough to compare with the last attempt and to look back a little. */
export const MAX_RESULTS = 5;

/**
 * A person's self-assessment in their own user document: the attempt in progress, finished
 * results (newest last) and, when they chose to, the summary shared with their line manager.
 */
export const selfAssessmentStateSchema = z.object({
  current: attemptSchema.optional(),
  results: z.array(resultSchema).max(MAX_RESULTS).default([]),
  shared: z
    .object({
      managerAadObjectId: z.string(),
      resultId: z.string(),
      sharedAt: z.string(),
    })
    .optional(),
});
export type SelfAssessmentState = z.infer<typeof selfAssessmentStateSchema>;

/**
 * The newest MAX_RESULTS results, oldest first; a result still shared with the line manager
 * is kept in place of the oldest other one, so pruning never withdraws a share by surprise.
 */
export function keepResults(results: AssessmentResult[], sharedResultId: string | undefined): AssessmentResult[] {
  const kept = [...results];
  while (kept.length > MAX_RESULTS) {
    const drop = kept.findIndex((r) => r.id !== sharedResultId);
    kept.splice(drop, 1);
  }
  return kept;
}
