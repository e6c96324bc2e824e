import { z } from 'zod';
import { appraisalStateSchema } from './appraisal-state';

/** How many past cycles a person's document keeps (the newest first); older ones drop off. */
export const MAX_PAST_CYCLES = 5;

/**
 * A person's past appraisal cycles, newest first: objectives, meeting records and their own
 * comments, kept when a new cycle takes over so last year's record is never overwritten.
 */
export const appraisalHistorySchema = z.array(appraisalStateSchema).max(MAX_PAST_CYCLES);
export type AppraisalHistory = z.infer<typeof appraisalHistorySchema>;
