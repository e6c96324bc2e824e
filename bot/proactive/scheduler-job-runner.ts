import type { Logger } from '../logging/logger';
import type { DocumentCollection, Stored } from '../storage/document-collection';
import { isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import type { DueCollection } from './due-collection';
import { leaseFor } from './lease';
import { backoffDelayMs, type RetryPolicy } from './retry-policy';
import { BadJobPayloadError, type JobHandler, type JobResult } from './scheduler-handler';
import type { SchedulerJobRecord } from './scheduler-job-record';

/** How one due job ended up, as a tick counts it. */
export type JobTally = 'rescheduled' | 'done' | 'retrying' | 'failed' | 'skipped';

/** What a runner needs (the scheduler passes its own settings). */
export interface JobRunnerOptions {
  jobs: DueCollection<SchedulerJobRecord>;
  /** Where jobs go once done or failed for good. */
  history: DocumentCollection<SchedulerJobRecord>;
  now: () => Date;
  owner: string;
  log: Logger;
  leaseMs: number;
  retry: RetryPolicy;
  random: () => number;
}

/**
 * Runs one due job: claims it under a lease with a conditional write (so only one instance
 * runs it), calls its handler, and writes the outcome (rescheduled, done, retrying with
 * backoff and the error, or failed) conditionally too: if someone moved or cancelled the
 * job meanwhile, their change wins over the run's outcome.
 */
export class JobRunner {
  constructor(private readonly o: JobRunnerOptions) {}

  async run(found: Stored<SchedulerJobRecord>, handler: JobHandler, signal: AbortSignal | undefined): Promise<JobTally> {
    const at = this.o.now();
    const lease = leaseFor(this.o.owner, at, this.o.leaseMs);
    const mine = await this.replaceIfUnchanged(found, { ...found.value, status: 'running', lease, dueAt: lease.until, updatedAt: at.toISOString() });
    if (!mine) return 'skipped';
    const job = mine.value;
    let result: JobResult | void;
    try {
      const due = { key: job.key, kind: job.kind, runAt: new Date(job.runAt), payload: job.payload, attempt: job.attempts + 1, runs: job.runs };
      result = await handler(due, { now: at, signal });
    } catch (err) {
      return this.afterFailure(mine, err as Error);
    }
    const end = this.o.now().toISOString();
    const { lease: _lease, lastError: _error, ...rest } = job;
    const ran = { attempts: 0, runs: job.runs + 1, lastRunAt: at.toISOString(), updatedAt: end };
    if (result?.next) {
      const next = result.next.toISOString();
      await this.replaceIfUnchanged(mine, { ...rest, ...ran, status: 'scheduled', runAt: next, dueAt: next });
      return 'rescheduled';
    }
    await this.retire(mine, { ...rest, ...ran, status: 'done' });
    return 'done';
  }

  private async afterFailure(mine: Stored<SchedulerJobRecord>, err: Error): Promise<JobTally> {
    const now = this.o.now();
    const attempts = mine.value.attempts + 1;
    const giveUp = err instanceof BadJobPayloadError || attempts >= this.o.retry.maxAttempts;
    this.o.log.error('job-failed', { kind: mine.value.kind, attempts, final: giveUp, error: err.message });
    const { lease: _lease, ...rest } = mine.value;
    const lastError = { message: err.message, at: now.toISOString() };
    const dueAt = giveUp ? rest.dueAt : new Date(now.getTime() + backoffDelayMs(attempts, this.o.retry, this.o.random)).toISOString();
    const next: SchedulerJobRecord = { ...rest, status: giveUp ? 'failed' : 'scheduled', dueAt, attempts, lastError, updatedAt: now.toISOString() };
    await (giveUp ? this.retire(mine, next) : this.replaceIfUnchanged(mine, next));
    return giveUp ? 'failed' : 'retrying';
  }

  /**
   * A job done or failed for good leaves the live container for `history`, so the tick's
   * queries never see finished work. If someone moved or cancelled the job meanwhile, their
   * change wins: the history entry is then taken back and the live job left as they wrote it.
   */
  private async retire(mine: Stored<SchedulerJobRecord>, finished: SchedulerJobRecord): Promise<void> {
    try {
      await this.o.history.create(finished);
    } catch (err) {
      if (!isConflict(err)) throw err;
      // A key reused after an earlier run finished: the newest outcome is the one kept.
      const old = await this.o.history.read(finished.id, finished.pk);
      if (old) await this.o.history.replace(finished, old.etag);
    }
    try {
      await this.o.jobs.delete(finished.id, finished.pk, mine.etag);
    } catch (err) {
      if (!isPreconditionFailed(err)) throw err;
      await this.o.history.delete(finished.id, finished.pk);
    }
  }

  /** A conditional write; undefined when someone else changed the job first. */
  private async replaceIfUnchanged(stored: Stored<SchedulerJobRecord>, next: SchedulerJobRecord): Promise<Stored<SchedulerJobRecord> | undefined> {
    try {
      return await this.o.jobs.replace(next, stored.etag);
    } catch (err) {
      if (isPreconditionFailed(err) || isNotFound(err)) return undefined;
      throw err;
    }
  }
}
