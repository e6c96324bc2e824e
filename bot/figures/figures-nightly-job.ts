import { z } from 'zod';
import type { Logger } from '../logging/logger';
import type { Scheduler } from '../proactive/scheduler-service';
import type { SchoolRegister } from '../register/school-register';
import { runConcurrently } from '../proactive/run-concurrently';
import { schoolKey } from '../school/school-settings';
import type { Store } from '../storage/store';
import { isConflict } from '../storage/storage-errors';
import { figureFactsSchema, type FigureFacts } from './figure-person';
import { moveLegacyFigureRecords } from './figures-legacy-records';
import { figuresSchoolCollection, FIGURES_SCHOOL_ID } from './figures-school';
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

/** Point reads of school documents under way at once: a night's 1,500 reads finish in seconds without crowding the store. */
const READS_AT_ONCE = 8;

/**
 * Computes and stores one tenant's figures for the day `now` falls on (UTC date): the
 * catalogue, then ONE POINT READ per open school (its `figures-school` document, every
 * member's facts), no query and never the people's documents; then one document per LA and
 * one national. Writing a day again replaces that day's documents, so a rerun after a crash
 * is harmless. The first night after the per-school documents came, the tenant's first-storage
 * per-person documents are moved into them once (figures-legacy-records.ts).
 */
export async function computeFiguresSnapshot(deps: FiguresJobDeps, tenantId: string, now: Date): Promise<{ schools: number; people: number; documents: number }> {
  const catalogue = await deps.register.catalogue(tenantId);
  await moveLegacyFigureRecords(deps.store, tenantId, catalogue, now);
  const documents = deps.store.collection(figuresSchoolCollection);
  const schools = catalogue.filter((s) => s.open);
  const read = schools.map((s) => ({ schoolId: s.id, laId: s.laId, people: [] as FigureFacts[] }));
  await runConcurrently(read, READS_AT_ONCE, async (school) => {
    const doc = await documents.read(FIGURES_SCHOOL_ID, schoolKey(tenantId, school.schoolId));
    school.people = Object.values(doc?.value.people ?? {}).map((entry) => figureFactsSchema.parse(entry));
  });
  const views = figuresOf(read);
  const date = now.toISOString().slice(0, 10);
  const written = snapshotsOf(views, tenantId, date, now);
  const snapshots = deps.store.collection(figuresSnapshotCollection);
  for (const doc of written) {
    try {
      await snapshots.create(doc);
    } catch (err) {
      if (!isConflict(err)) throw err;
      const old = await snapshots.read(doc.id, doc.pk);
      if (old) await snapshots.replace(doc, old.etag);
    }
  }
  return { schools: schools.length, people: read.reduce((n, s) => n + s.people.length, 0), documents: written.length };
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
