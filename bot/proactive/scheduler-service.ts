import type { ZodType, ZodTypeDef } from 'zod';
import type { Logger } from '../logging/logger';
import { safeId, type Stored } from '../storage/document-collection';
import { isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { updateDocument } from '../storage/update-document';
import type { DueCollection } from './due-collection';
import { leaseFor } from './lease';
import { backoffDelayMs, type RetryPolicy } from './retry-policy';
import { runConcurrently } from './run-concurrently';
import { BadJobPayloadError, withPayloadSchema, type JobHandler, type JobResult } from './scheduler-handler';
import { newJobRecord, OPEN_JOB_STATUSES, type JobRequest, type SchedulerJobRecord } from './scheduler-job-record';
import { allShards, SHARD_COUNT, shardOf } from './shard-key';

/** What the scheduler needs; everything but the collaborators has a default. */
export interface SchedulerOptions {
  jobs: DueCollection<SchedulerJobRecord>;
  now: () => Date;
  /** This instance's name on the leases it takes. */
  owner: string;
  log: Logger;
  shards?: number;
  /** Jobs read per shard per tick. Default 50. */
  pageSize?: number;
  /** Jobs running at once. Default 4. */
  concurrency?: number;
  /** How long a runner holds a job. Default 5 minutes. */
  leaseMs?: number;
  /** Retries of a handler that throws. Default 8 tries, 30 s doubling to 1 hour. */
  retry?: RetryPolicy;
  random?: () => number;
}

/** What one tick did. */
export interface TickReport {
  /** Documents the due queries returned. */
  read: number;
  rescheduled: number;
  done: number;
  retrying: number;
  failed: number;
  /** Claimed by another instance first, or left because the scheduler is stopping. */
  skipped: number;
}
type Tally = keyof Omit<TickReport, 'read'>;

/** What `schedule` did. */
export type ScheduleResult = 'created' | 'moved' | 'unchanged';

const DEFAULT_JOB_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/**
 * Durable scheduled work (review reminders, nudges, digests) that survives restarts and
 * runs in every instance without running twice at once: a tick reads only what is due
 * (an indexed query per shard, so its cost follows what is due, not how many jobs wait),
 * claims each job with a lease (eTag), runs its kind's handler, and reschedules or ends it.
 */
export class Scheduler {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly shards: number;

  constructor(private readonly o: SchedulerOptions) {
    this.shards = o.shards ?? SHARD_COUNT;
  }

  /** The handler for one kind of job, with a schema for its payload when given. */
  register<P>(kind: string, handler: JobHandler<P>, payloadSchema: ZodType<P, ZodTypeDef, unknown>): void;
  register(kind: string, handler: JobHandler): void;
  register<P>(kind: string, handler: JobHandler<P> | JobHandler, payloadSchema?: ZodType<P, ZodTypeDef, unknown>): void {
    if (this.handlers.has(kind)) throw new Error(`a handler for ${kind} jobs is registered already`);
    this.handlers.set(kind, payloadSchema ? withPayloadSchema(handler as JobHandler<P>, payloadSchema) : (handler as JobHandler));
  }

  /** Creates the job, or moves it (new time, kind or payload; a done or failed job is re-armed). */
  async schedule(job: JobRequest): Promise<ScheduleResult> {
    const now = this.o.now();
    const fresh = newJobRecord(job, now, this.shards);
    let result: ScheduleResult = 'unchanged';
    await updateDocument(this.o.jobs, fresh.id, fresh.pk, (current): SchedulerJobRecord | undefined => {
      if (!current) {
        result = 'created';
        return fresh;
      }
      const same =
        current.status === 'scheduled' &&
        current.runAt === fresh.runAt &&
        current.kind === fresh.kind &&
        JSON.stringify(current.payload) === JSON.stringify(fresh.payload);
      result = same ? 'unchanged' : 'moved';
      if (same) return undefined;
      const { lease: _lease, lastError: _error, ...rest } = current;
      return { ...rest, kind: fresh.kind, runAt: fresh.runAt, dueAt: fresh.dueAt, payload: fresh.payload, status: 'scheduled', attempts: 0, updatedAt: fresh.updatedAt };
    });
    return result;
  }

  /** Removes the job; true if there was one. A run in progress finishes but is not rescheduled. */
  async cancel(key: string): Promise<boolean> {
    const id = safeId(key);
    const pk = shardOf(key, this.shards);
    const existed = (await this.o.jobs.read(id, pk)) !== undefined;
    await this.o.jobs.delete(id, pk);
    return existed;
  }

  /** The job's document (status, next run, last error), or undefined. */
  async get(key: string): Promise<SchedulerJobRecord | undefined> {
    return (await this.o.jobs.read(safeId(key), shardOf(key, this.shards)))?.value;
  }

  /** Runs every job due at `now` that this instance has a handler for. */
  async tick(now: Date = this.o.now(), options: { signal?: AbortSignal } = {}): Promise<TickReport> {
    const report: TickReport = { read: 0, rescheduled: 0, done: 0, retrying: 0, failed: 0, skipped: 0 };
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return report;
    const limit = this.o.pageSize ?? 50;
    const pages = await Promise.all(
      allShards(this.shards).map((pk) => this.o.jobs.findDue({ pk, statuses: OPEN_JOB_STATUSES, dueBy: now.toISOString(), limit, kinds })),
    );
    const due = pages.flat().sort((a, b) => (a.value.dueAt < b.value.dueAt ? -1 : a.value.dueAt > b.value.dueAt ? 1 : 0));
    report.read = due.length;
    await runConcurrently(due, this.o.concurrency ?? 4, async (job) => {
      try {
        report[options.signal?.aborted ? 'skipped' : await this.run(job, options.signal)] += 1;
      } catch (err) {
        this.o.log.error('job-tick-failed', { error: (err as Error).message });
        report.skipped += 1;
      }
    });
    return report;
  }

  private async run(found: Stored<SchedulerJobRecord>, signal: AbortSignal | undefined): Promise<Tally> {
    const handler = this.handlers.get(found.value.kind);
    if (!handler) return 'skipped';
    const at = this.o.now();
    const lease = leaseFor(this.o.owner, at, this.o.leaseMs ?? 300_000);
    const mine = await this.replaceIfUnchanged(found, { ...found.value, status: 'running', lease, dueAt: lease.until, updatedAt: at.toISOString() });
    if (!mine) return 'skipped';
    const job = mine.value;
    let result: JobResult | void;
    try {
      result = await handler({ key: job.key, kind: job.kind, runAt: new Date(job.runAt), payload: job.payload, attempt: job.attempts + 1, runs: job.runs }, { now: at, signal });
    } catch (err) {
      return this.afterFailure(mine, err as Error);
    }
    const end = this.o.now().toISOString();
    const { lease: _lease, lastError: _error, ...rest } = job;
    if (result?.next) {
      const next = result.next.toISOString();
      await this.replaceIfUnchanged(mine, { ...rest, status: 'scheduled', runAt: next, dueAt: next, attempts: 0, runs: job.runs + 1, lastRunAt: at.toISOString(), updatedAt: end });
      return 'rescheduled';
    }
    await this.replaceIfUnchanged(mine, { ...rest, status: 'done', attempts: 0, runs: job.runs + 1, lastRunAt: at.toISOString(), updatedAt: end });
    return 'done';
  }

  private async afterFailure(mine: Stored<SchedulerJobRecord>, err: Error): Promise<Tally> {
    const now = this.o.now();
    const policy = this.o.retry ?? DEFAULT_JOB_RETRY;
    const attempts = mine.value.attempts + 1;
    const giveUp = err instanceof BadJobPayloadError || attempts >= policy.maxAttempts;
    this.o.log.error('job-failed', { kind: mine.value.kind, attempts, final: giveUp, error: err.message });
    const { lease: _lease, ...rest } = mine.value;
    const lastError = { message: err.message, at: now.toISOString() };
    const dueAt = giveUp ? rest.dueAt : new Date(now.getTime() + backoffDelayMs(attempts, policy, this.o.random)).toISOString();
    await this.replaceIfUnchanged(mine, { ...rest, status: giveUp ? 'failed' : 'scheduled', dueAt, attempts, lastError, updatedAt: now.toISOString() });
    return giveUp ? 'failed' : 'retrying';
  }

  /**
   * A conditional write; undefined when someone else changed the job first (a `schedule`
   * or `cancel` during the run wins over the run's own outcome).
   */
  private async replaceIfUnchanged(stored: Stored<SchedulerJobRecord>, next: SchedulerJobRecord): Promise<Stored<SchedulerJobRecord> | undefined> {
    try {
      return await this.o.jobs.replace(next, stored.etag);
    } catch (err) {
      if (isPreconditionFailed(err) || isNotFound(err)) return undefined;
      throw err;
    }
  }
}
