import { createHash } from 'node:crypto';
import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';
import type { DocumentCollection } from '../storage/document-collection';
import type { Store } from '../storage/store';
import { isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import type { Scheduler } from '../proactive/scheduler-service';
import type { JobResult } from '../proactive/scheduler-handler';
import { personalDataSteps, type PersonalDataStep } from './personal-data-registry';
import { rawDocumentSchema, type RawDocument } from './raw-document';
import type { PersonalDataSubject } from './personal-data-subject';

/** The job kinds: the erasure itself, and the tidy that removes the erasure's own record afterwards. */
export const ERASURE_JOB = 'my-data-erasure';
export const ERASURE_TIDY_JOB = 'my-data-erasure-tidy';

/** Documents changed per run: a page, so one person with a long history never holds a runner for long. */
export const ERASURE_PAGE = 50;

const erasurePayloadSchema = z.object({
  tenantId: z.string(),
  aadObjectId: z.string(),
  key: z.string(),
  email: z.string().optional(),
  name: z.string().optional(),
});

const tidyPayloadSchema = z.object({ erasureKey: z.string() });

/**
 * Job keys name one confirmation, never the person: a hash of their key and the time the
 * confirmation card was made, so pressing the same Yes twice finds the same job.
 */
function confirmationId(person: PersonalDataSubject, asked: string): string {
  return createHash('sha256').update(`${person.key}\u0000${asked}`).digest('hex').slice(0, 32);
}

/**
 * Asks for the person's data to be erased by a durable job (it survives a restart and runs
 * in pages), once per confirmation: `already` when this confirmation was used before
 * (a replay changes nothing). The job's own record names the person while it works; when
 * it is done a second job removes that record too.
 */
export async function scheduleErasure(scheduler: Scheduler, person: PersonalDataSubject, asked: string, now: Date): Promise<'scheduled' | 'already'> {
  const id = confirmationId(person, asked);
  if (await scheduler.get(`${ERASURE_TIDY_JOB}:${id}`)) return 'already';
  const made = await scheduler.ensure({ key: `${ERASURE_JOB}:${id}`, kind: ERASURE_JOB, runAt: now, payload: erasurePayloadSchema.parse(person) });
  return made === 'created' ? 'scheduled' : 'already';
}

/** Registers the erasure jobs' handlers with the scheduler (at start, before the loop runs). */
export function registerErasureJobs(scheduler: Scheduler, store: Store): void {
  scheduler.register(
    ERASURE_JOB,
    async (job, { now }): Promise<JobResult | void> => {
      const changed = await eraseOnePage(store, job.payload, job.key);
      if (changed >= ERASURE_PAGE) return { next: now };
      await scheduler.schedule({ key: `${ERASURE_TIDY_JOB}:${job.key.slice(ERASURE_JOB.length + 1)}`, kind: ERASURE_TIDY_JOB, runAt: new Date(now.getTime() + 1000), payload: { erasureKey: job.key } });
    },
    erasurePayloadSchema,
  );
  scheduler.register(
    ERASURE_TIDY_JOB,
    async (job) => {
      await scheduler.cancel(job.payload.erasureKey);
    },
    tidyPayloadSchema,
  );
}

/**
 * Applies each registry step's erasure to at most a page of documents, and says how many it
 * changed. Idempotent: a document already deleted or already anonymised is passed over, so
 * a run repeated after a crash does nothing twice, and a finished person yields zero.
 */
export async function eraseOnePage(store: Store, person: PersonalDataSubject, ownJobKey?: string): Promise<number> {
  let changed = 0;
  for (const { container, step } of personalDataSteps()) {
    const collection = store.collection(collectionSpec<RawDocument>(container, rawDocumentSchema));
    for (const { doc, etag } of await step.find(store, person)) {
      if (changed >= ERASURE_PAGE) return changed;
      // The erasure's own job record leaves by the tidy job, once it has finished.
      if (ownJobKey && (doc.key === ownJobKey || (typeof doc.key === 'string' && doc.key.startsWith(ERASURE_JOB)))) continue;
      if (await eraseOne(collection, step, doc, etag, person)) changed += 1;
    }
  }
  return changed;
}

/** Conflicting writes retried on a fresh read before the run moves on. */
const ERASE_ATTEMPTS = 5;

/**
 * One document's erasure. Changed meanwhile (a shared document such as a school's figures, or
 * a colleague's write): it is read again and erased again at once, because the way the step
 * found it (the person's memberships) may be gone by the next run.
 */
async function eraseOne(collection: DocumentCollection<RawDocument>, step: PersonalDataStep, found: RawDocument, foundEtag: string, person: PersonalDataSubject): Promise<boolean> {
  let doc = found;
  let etag = foundEtag;
  for (let attempt = 1; ; attempt += 1) {
    const outcome = step.erase(doc, person);
    try {
      if (outcome.action === 'delete') await collection.delete(doc.id, doc.pk, etag);
      else if (same(outcome.doc, doc)) return attempt > 1;
      else await collection.replace(withoutSystemFields(outcome.doc), etag);
      return true;
    } catch (err) {
      if (isNotFound(err)) return true;
      if (!isPreconditionFailed(err) || attempt >= ERASE_ATTEMPTS) throw err;
      const fresh = await collection.read(doc.id, doc.pk);
      if (!fresh) return true;
      doc = fresh.value;
      etag = fresh.etag;
    }
  }
}

function same(a: RawDocument, b: RawDocument): boolean {
  return JSON.stringify(withoutSystemFields(a)) === JSON.stringify(withoutSystemFields(b));
}

function withoutSystemFields(doc: RawDocument): RawDocument {
  const copy: RawDocument = { ...doc };
  for (const key of Object.keys(copy)) if (key.startsWith('_')) delete copy[key];
  return copy;
}
