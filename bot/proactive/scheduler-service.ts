import type { ZodType, ZodTypeDef } from 'zod';
import type { Logger } from '../logging/logger';
import { safeId, type DocumentCollection } from '../storage/document-collection';
import { isConflict } from '../storage/storage-errors';
import { updateDocument } from '../storage/update-document';
import { earliestDueFirst, type DueCollection } from './due-collection';
import type { RetryPolicy } from './retry-policy';
import { runConcurrently } from './run-concurrently';
import { withPayloadSchema, type JobHandler } from './scheduler-handler';
import { JobRunner } from './scheduler-job-runner';
import { newJobRecord, OPEN_JOB_STATUSES, type JobRequest, type SchedulerJobRecord } from './scheduler-job-record';
import { allShards, SHARD_COUNT, shardOf } from './shard-key';

/** What the scheduler needs; everything but the collaborators has a default. */
export interface SchedulerOptions {
  jobs: DueCollection<SchedulerJobRecord>;
  /** Jobs done or failed for good, out of the live container. */
  history: DocumentCollection<SchedulerJobRecord>;
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

/** What `schedule` did. */
export type ScheduleResult = 'created' | 'moved' | 'unchanged';

/** What `ensure` did. */
export type EnsureResult = 'created' | 'exists';

/** Eight tries of a handler that throws, 30 s doubling to an hour apart: about four hours in all. */
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
  private readonly runner: JobRunner;

  constructor(private readonly o: SchedulerOptions) {
    this.shards = o.shards ?? SHARD_COUNT;
    this.runner = new JobRunner({
      jobs: o.jobs,
      history: o.history,
      now: o.now,
      owner: o.owner,
      log: o.log,
      leaseMs: o.leaseMs ?? 300_000,
      retry: o.retry ?? DEFAULT_JOB_RETRY,
      random: o.random ?? Math.random,
    });
  }

  /** The handler for one kind of job, with a schema for its payload when given. */
  register<P>(kind: string, handler: JobHandler<P>, payloadSchema: ZodType<P, ZodTypeDef, unknown>): void;
  register(kind: string, handler: JobHandler): void;
  register<P>(kind: string, handler: JobHandler<P> | JobHandler, payloadSchema?: ZodType<P, ZodTypeDef, unknown>): void {
    if (this.handlers.has(kind)) throw new Error(`a handler for ${kind} jobs is registered already`);
    this.handlers.set(kind, payloadSchema ? withPayloadSchema(handler as JobHandler<P>, payloadSchema) : (handler as JobHandler));
  }

  /**
   * Creates the job, or moves it to a new time, kind or payload (re-arming it if it was done
   * or failed). Asking for exactly what is there changes nothing, even once it has run, so a
   * repeated call never repeats the work; a failed job asked for again is tried again.
   */
  async schedule(job: JobRequest): Promise<ScheduleResult> {
    const now = this.o.now();
    const fresh = newJobRecord(job, now, this.shards);
    let live = await this.o.jobs.read(fresh.id, fresh.pk);
    if (!live) {
      // Not live: it may have run already, and asking for exactly that again changes nothing.
      const finished = (await this.o.history.read(fresh.id, fresh.pk))?.value;
      if (finished && finished.status === 'done' && sameJob(finished, fresh)) return 'unchanged';
      try {
        await this.o.jobs.create(fresh);
        return finished ? 'moved' : 'created';
      } catch (err) {
        if (!isConflict(err)) throw err;
        live = await this.o.jobs.read(fresh.id, fresh.pk);
      }
    }
    let result: ScheduleResult = 'unchanged';
    await updateDocument(this.o.jobs, fresh.id, fresh.pk, (current): SchedulerJobRecord | undefined => {
      if (!current) {
        result = 'created';
        return fresh;
      }
      const same = current.status !== 'failed' && sameJob(current, fresh);
      result = same ? 'unchanged' : 'moved';
      if (same) return undefined;
      const { lease: _lease, lastError: _error, ...rest } = current;
      return { ...rest, kind: fresh.kind, runAt: fresh.runAt, dueAt: fresh.dueAt, payload: fresh.payload, status: 'scheduled', attempts: 0, updatedAt: fresh.updatedAt };
    }, { stored: live });
    return result;
  }

  /**
   * Creates the job only if no job has its key, whatever state that one is in: for work
   * that starts once and then keeps its own rhythm (a daily digest that reschedules itself),
   * so calling this on every install or visit never resets or repeats it.
   */
  async ensure(job: JobRequest): Promise<EnsureResult> {
    const fresh = newJobRecord(job, this.o.now(), this.shards);
    try {
      await this.o.jobs.create(fresh);
    } catch (err) {
      if (isConflict(err)) return 'exists';
      throw err;
    }
    // It may have run and left already: then it exists, and the copy just made goes again.
    // (Checked after the create, so a job finishing at this very moment cannot slip between.)
    if (await this.o.history.read(fresh.id, fresh.pk)) {
      await this.o.jobs.delete(fresh.id, fresh.pk);
      return 'exists';
    }
    return 'created';
  }

  /** Removes the job; true if there was one. A run in progress finishes but is not rescheduled. */
  async cancel(key: string): Promise<boolean> {
    const id = safeId(key);
    const pk = shardOf(key, this.shards);
    const existed = (await this.o.jobs.read(id, pk)) !== undefined;
    await this.o.jobs.delete(id, pk);
    await this.o.history.delete(id, pk);
    return existed;
  }

  /** The job's document (status, next run, last error), live or finished, or undefined. */
  async get(key: string): Promise<SchedulerJobRecord | undefined> {
    const id = safeId(key);
    const pk = shardOf(key, this.shards);
    return (await this.o.jobs.read(id, pk))?.value ?? (await this.o.history.read(id, pk))?.value;
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
    const due = pages.flat().sort(earliestDueFirst);
    report.read = due.length;
    await runConcurrently(due, this.o.concurrency ?? 4, async (job) => {
      try {
        const handler = this.handlers.get(job.value.kind);
        report[options.signal?.aborted || !handler ? 'skipped' : await this.runner.run(job, handler, options.signal)] += 1;
      } catch (err) {
        this.o.log.error('job-tick-failed', { error: (err as Error).message });
        report.skipped += 1;
      }
    });
    return report;
  }
}

/** The same work at the same time: asking for it again changes nothing. */
function sameJob(a: SchedulerJobRecord, b: SchedulerJobRecord): boolean {
  return a.runAt === b.runAt && a.kind === b.kind && JSON.stringify(a.payload) === JSON.stringify(b.payload);
}
