import { z } from 'zod';
import { safeId } from '../storage/document-collection';
import { leaseSchema } from './lease';
import { SHARD_COUNT, shardOf } from './shard-key';

/** scheduled → running (leased) → scheduled again (rescheduled or retrying) | done | failed. */
export const jobStatusSchema = z.enum(['scheduled', 'running', 'done', 'failed']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** Statuses a tick still has work for. */
export const OPEN_JOB_STATUSES: readonly JobStatus[] = ['scheduled', 'running'];

const instant = z.string().datetime();

/**
 * One piece of scheduled work in the `jobs` container. `id` is the job key (escaped), `pk`
 * a shard of it. `dueAt` is when a tick should next act: `runAt` (or a retry time) while
 * scheduled, the end of the lease while running, so a job whose runner died runs again.
 */
export const schedulerJobRecordSchema = z.object({
  id: z.string(),
  pk: z.string(),
  /** Which handler runs it, e.g. `appraisal-review-reminder`. */
  kind: z.string().min(1),
  key: z.string(),
  /** When it was asked to run. */
  runAt: instant,
  dueAt: instant,
  /** Whatever the handler needs, as JSON; the handler may give a schema to parse it with. */
  payload: z.unknown(),
  status: jobStatusSchema,
  /** Failures in a row (0 after a good run). */
  attempts: z.number().int().min(0),
  /** Good runs so far. */
  runs: z.number().int().min(0),
  lease: leaseSchema.optional(),
  lastRunAt: instant.optional(),
  lastError: z.object({ message: z.string(), at: instant }).optional(),
  createdAt: instant,
  updatedAt: instant,
});
export type SchedulerJobRecord = z.infer<typeof schedulerJobRecordSchema>;

/** A job as a feature asks for it. */
export interface JobRequest {
  /** Idempotency key: scheduling the same key again moves the job rather than adding one. */
  key: string;
  kind: string;
  runAt: Date;
  payload?: unknown;
}

/** The document for a new job (exported so bulk loads and tests build exactly what `schedule` writes). */
export function newJobRecord(job: JobRequest, now: Date, shards: number = SHARD_COUNT): SchedulerJobRecord {
  return {
    id: safeId(job.key),
    pk: shardOf(job.key, shards),
    kind: job.kind,
    key: job.key,
    runAt: job.runAt.toISOString(),
    dueAt: job.runAt.toISOString(),
    payload: job.payload ?? null,
    status: 'scheduled',
    attempts: 0,
    runs: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}
