import { z } from 'zod';
import type { Logger } from '../logging/logger';
import type { Scheduler } from '../proactive/scheduler-service';
import type { SchoolRegister } from '../register/school-register';
import { schoolKey } from '../school/school-settings';
import type { Store } from '../storage/store';
import { isConflict } from '../storage/storage-errors';
import { figurePersonCollection } from './figure-person';
import { figuresOf, type FiguresSnapshotViews } from './figure-measures';
import { figuresPartition, figuresSnapshotCollection, figuresSnapshotId, type FiguresSnapshot } from './figures-snapshot';

/** The job kind; one job per tenant, keyed `figures:{tenantId}`. */
export const FIGURES_JOB_KIND = 'figures-snapshot';

const payloadSchema = z.object({ tenantId: z.string().min(1) });

/** The next run at 01:30 UTC (night in Wales all year) after `now`. */
function nextNight(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 1, 30));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** What the nightly figures read and where they write. */
export interface FiguresJobDeps {
  store: Store;
  register: Pick<SchoolRegister, 'catalogue'>;
  log: Logger;
}

/**
 * Computes and stores one tenant's figures for the day `now` falls on (UTC date): one
 * partition read per open school (its per-person records), never the people's documents,
 * then one document per LA and one national. Writing a day again replaces that day's
 * documents, so a rerun after a crash is harmless.
 */
export async function computeFiguresSnapshot(deps: FiguresJobDeps, tenantId: string, now: Date): Promise<{ schools: number; people: number; documents: number }> {
  const people = deps.store.collection(figurePersonCollection);
  const schools = (await deps.register.catalogue(tenantId)).filter((s) => s.open);
  const read = [];
  for (const s of schools) {
    const found = await people.findInPartition(schoolKey(tenantId, s.id), { kind: 'figures-person' });
    read.push({ schoolId: s.id, laId: s.laId, people: found.map((f) => f.value) });
  }
  const views = figuresOf(read);
  const date = now.toISOString().slice(0, 10);
  const documents = snapshotsOf(views, tenantId, date, now);
  const snapshots = deps.store.collection(figuresSnapshotCollection);
  for (const doc of documents) {
    try {
      await snapshots.create(doc);
    } catch (err) {
      if (!isConflict(err)) throw err;
      const old = await snapshots.read(doc.id, doc.pk);
      if (old) await snapshots.replace(doc, old.etag);
    }
  }
  return { schools: schools.length, people: read.reduce((n, s) => n + s.people.length, 0), documents: documents.length };
}

/** The day's documents: one per LA (its schools' rows), one national (LA rows, with priorities). */
export function snapshotsOf(views: FiguresSnapshotViews, tenantId: string, date: string, now: Date): FiguresSnapshot[] {
  const base = { pk: figuresPartition(tenantId), kind: 'figures-snapshot' as const, date, computedAt: now.toISOString() };
  const laIds = views.measures[0] ? [...views.measures[0].views.byLa.keys()] : [];
  const priorities = { keyAreas: views.priorities.keyAreas, table: views.priorities.table };
  const perLa = laIds.map((laId): FiguresSnapshot => ({
    ...base,
    id: figuresSnapshotId(date, laId),
    scope: laId,
    measures: views.measures.map((m) => ({ id: m.id, categories: m.categories, table: m.views.byLa.get(laId)! })),
    priorities: { keyAreas: priorities.keyAreas, table: { rows: priorities.table.rows.filter((r) => r.id === laId), totals: [] } },
  }));
  const national: FiguresSnapshot = {
    ...base,
    id: figuresSnapshotId(date, 'national'),
    scope: 'national',
    measures: views.measures.map((m) => ({ id: m.id, categories: m.categories, table: m.views.national })),
    ...(views.priorities.nationalShown ? { priorities } : {}),
  };
  return [...perLa, national];
}

/** A tenant's nightly figures job, first run the coming night (asking again changes nothing). */
export function figuresJobRequest(tenantId: string, now: Date): { key: string; kind: string; runAt: Date; payload: { tenantId: string } } {
  return { key: `figures:${tenantId}`, kind: FIGURES_JOB_KIND, runAt: nextNight(now), payload: { tenantId } };
}

/**
 * Registers the nightly figures with the scheduler. `ensureFor(tenantId)` starts a tenant's
 * job once (it then reschedules itself each night); calling it again changes nothing.
 */
export function registerFiguresJob(scheduler: Scheduler, deps: FiguresJobDeps): { ensureFor(tenantId: string, now: Date): Promise<void> } {
  scheduler.register(
    FIGURES_JOB_KIND,
    async (job, context) => {
      const done = await computeFiguresSnapshot(deps, job.payload.tenantId, context.now);
      deps.log.info('figures-computed', { schools: done.schools, people: done.people, documents: done.documents });
      return { next: nextNight(context.now) };
    },
    payloadSchema,
  );
  return {
    ensureFor: async (tenantId, now) => {
      await scheduler.ensure(figuresJobRequest(tenantId, now));
    },
  };
}
