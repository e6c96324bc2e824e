import type { Logger } from '../logging/logger';
import type { Scheduler } from '../proactive/scheduler-service';
import type { DocumentCollection, Keyed } from '../storage/document-collection';
import { DEFAULT_PURGE_BOUNDS, purgeExpired, type PurgeBounds } from './purge-expired';

/** The one purge job of a deployment (a fixed key, so every instance ensures the same job). */
export const RETENTION_PURGE_JOB = { key: 'retention-purge', kind: 'retention-purge' } as const;

/** When a run leaves expired documents behind, the next page is taken this soon. */
const NEXT_PAGE_MS = 60_000;

/** The next run at 02:30 UTC (night in Europe/London, winter or summer) after `now`. */
export function nextNightlyRun(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 2, 30));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * Registers the daily purge with the scheduler and makes sure it exists: a durable job, so a
 * restart resumes it, run by one instance at a time under the scheduler's lease, in bounded
 * pages (a large backlog is worked through a minute apart rather than in one run).
 */
export async function startRetentionPurge(scheduler: Scheduler, collections: DocumentCollection<Keyed>[], now: () => Date, log: Logger, bounds: PurgeBounds = DEFAULT_PURGE_BOUNDS): Promise<void> {
  scheduler.register(RETENTION_PURGE_JOB.kind, async (_job, context) => {
    const report = await purgeExpired(collections, context.now, bounds);
    if (report.removed > 0) log.info('retention-purged', { removed: report.removed, more: report.more });
    return { next: report.more ? new Date(context.now.getTime() + NEXT_PAGE_MS) : nextNightlyRun(context.now) };
  });
  await scheduler.ensure({ ...RETENTION_PURGE_JOB, runAt: nextNightlyRun(now()) });
}
