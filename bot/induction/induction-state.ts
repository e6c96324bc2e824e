import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** One item's progress: ticked by the person, confirmed by their line manager where needed. */
export const itemProgressSchema = z.object({
  doneAt: z.string().optional(),
  signedOffAt: z.string().optional(),
  signedOffBy: z.string().optional(),
});
export type ItemProgress = z.infer<typeof itemProgressSchema>;

/**
 * A person's induction, kept in their own user document so a turn reads it with everything
 * else in one round trip, and two devices ticking at once merge through the eTag retry.
 */
export const inductionStateSchema = z.object({
  startDate: isoDate,
  mode: z.enum(['new', 'refresher']),
  startedAt: z.string(),
  items: z.record(z.string(), itemProgressSchema),
  /** Development priorities the person noted along the way (shown on completion). */
  priorities: z.array(z.string().max(200)).max(5).default([]),
  /**
   * The day each of the school's own items first reached this checklist (by item id). An
   * item the school adds later is due no earlier than that for the person: what was due
   * before it reached them is theirs to catch up on, never already late.
   */
  reachedOn: z.record(z.string(), isoDate).default({}),
  lastProgressAt: z.string(),
  completedAt: z.string().optional(),
});
export type InductionState = z.infer<typeof inductionStateSchema>;
