import type { ZodType, ZodTypeDef } from 'zod';

/** A due job as its handler sees it. */
export interface DueJob<P = unknown> {
  key: string;
  kind: string;
  /** When it was asked to run (a retry runs later than this). */
  runAt: Date;
  payload: P;
  /** 1 on the first try, more when earlier tries threw. */
  attempt: number;
  /** Good runs before this one. */
  runs: number;
}

/** `next`: run again then (a daily digest); nothing: the job is done. */
export interface JobResult {
  next?: Date;
}

/**
 * The work for one kind of job. Jobs run at least once (a runner that dies mid-way is
 * replaced when its lease ends), so a handler must be idempotent: it enqueues outbox
 * messages with keys derived from the job, never sends directly.
 */
export type JobHandler<P = unknown> = (job: DueJob<P>, context: { now: Date; signal?: AbortSignal }) => Promise<JobResult | void>;

/** Thrown (by parsing) when a job's payload is not what its handler expects: retrying cannot help. */
export class BadJobPayloadError extends Error {}

/**
 * A typed handler behind the scheduler's untyped call: the stored payload is parsed with
 * `schema` first, so the handler only ever sees a payload of its own shape.
 */
export function withPayloadSchema<P>(handler: JobHandler<P>, schema: ZodType<P, ZodTypeDef, unknown>): JobHandler {
  return (job, context) => {
    const parsed = schema.safeParse(job.payload);
    if (!parsed.success) throw new BadJobPayloadError(`payload of ${job.kind} job is not as expected: ${parsed.error.issues[0]?.message ?? ''}`);
    return handler({ ...job, payload: parsed.data }, context);
  };
}
