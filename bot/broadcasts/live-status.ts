import { z } from 'zod';
import type { Outbox } from '../proactive/outbox-queue';
import type { Scheduler } from '../proactive/scheduler-service';
import { userKey } from '../users/user-record';
import type { BroadcastRecord } from './broadcast-record';
import type { BroadcastStore } from './broadcast-store';
import { finishedSending, sendsOf, statusContent, type StatusSources } from './broadcast-status-view';

/** The scheduler's kind for the job that keeps an author's status card up to date. */
export const LIVE_STATUS_JOB = 'broadcast-status';
/** Teams shows an edit within seconds; every 10 s keeps the card current without spending the tenant's budget on it. */
export const LIVE_STATUS_EVERY_MS = 10_000;

const payloadSchema = z.object({ tenantId: z.string().min(1), id: z.string().min(1) });

/** The outbox key of the author's status card for one broadcast (the one its updates replace). */
export function statusCardKey(record: Pick<BroadcastRecord, 'tenantId' | 'id'>): string {
  return `broadcast-status:${record.tenantId}:${record.id}`;
}

/**
 * The author's status card, sent when they press Send (or resend) and updated in place every
 * 10 s by a durable job while sending goes on, then once more when it has finished. The job
 * enqueues one update per run, keyed by the run, so a job run twice replaces the card twice
 * with the same figures and nothing else.
 */
export function createLiveStatus(deps: { broadcasts: BroadcastStore; outbox: Outbox; scheduler: Scheduler; sources: StatusSources }) {
  deps.scheduler.register(
    LIVE_STATUS_JOB,
    async (job, { now }) => {
      const record = (await deps.broadcasts.get(job.payload.tenantId, job.payload.id))?.value;
      if (!record || record.status !== 'sent') return;
      await deps.outbox.enqueueUpdate({ key: `${statusCardKey(record)}:run-${job.runs + 1}`, of: statusCardKey(record), content: await statusContent(deps.sources, record) });
      if (finishedSending(await sendsOf(deps.sources, record))) return;
      return { next: new Date(now.getTime() + LIVE_STATUS_EVERY_MS) };
    },
    payloadSchema,
  );
  return {
    /** Sends the author their status card and starts keeping it up to date (from `from`: a later send starts then). */
    async start(record: BroadcastRecord, from: Date): Promise<void> {
      await deps.outbox.enqueue({
        key: statusCardKey(record),
        recipient: userKey({ tenantId: record.tenantId, aadObjectId: record.authorId }),
        content: await statusContent(deps.sources, record),
        quietHours: false,
      });
      await deps.scheduler.schedule({ key: statusCardKey(record), kind: LIVE_STATUS_JOB, runAt: new Date(from.getTime() + LIVE_STATUS_EVERY_MS), payload: { tenantId: record.tenantId, id: record.id } });
    },
    /** Keeps the card up to date again (a resend or a withdrawal started more sending). */
    async resume(record: BroadcastRecord, now: Date): Promise<void> {
      await deps.scheduler.schedule({ key: statusCardKey(record), kind: LIVE_STATUS_JOB, runAt: new Date(now.getTime() + LIVE_STATUS_EVERY_MS), payload: { tenantId: record.tenantId, id: record.id } });
    },
  };
}

export type LiveStatus = ReturnType<typeof createLiveStatus>;
