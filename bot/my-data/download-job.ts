import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fileConsentAttachment } from '../export/file-attachments';
import { MAX_FILE_BYTES } from '../export/file-offer';
import { offerStoreOf, saveOffer } from '../export/offer-repository';
import { toJson } from '../export/to-json';
import { strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import type { Scheduler } from '../proactive/scheduler-service';
import type { JobResult } from '../proactive/scheduler-handler';
import type { Store } from '../storage/store';
import { userRecordSchema } from '../users/user-record';
import { releaseDownloadLock } from './download-lock';
import { readParts, removeParts, writePart, type DownloadPart } from './download-parts';
import { downloadSummaryCard } from './my-data-views';
import { gatherPlace } from './personal-data-gather';
import { personalDataSteps } from './personal-data-registry';
import { subjectOf, type PersonalDataSubject } from './personal-data-subject';

/** The job kinds: the download itself, and the tidy that removes the download's own job record afterwards. */
export const DOWNLOAD_JOB = 'my-data-download';
export const DOWNLOAD_TIDY_JOB = 'my-data-download-tidy';

/**
 * Containers gathered per run: each may be a query across partitions, so a run stays short
 * (a runner's lease is 5 minutes) and a restart loses at most one run's work.
 */
export const DOWNLOAD_STEPS_PER_RUN = 4;

/** Documents gathered per run at most (a run ends after the container that passes it), bounding a run's memory. */
export const DOWNLOAD_RUN_DOCUMENTS = 500;

/**
 * Only who asked and when: the person's name and email are read from their own document at
 * each run, so the job record (copied into `job-history` when it ends) holds no more than
 * an object id, and the tidy job removes even that.
 */
const downloadPayloadSchema = z.object({ tenantId: z.string(), aadObjectId: z.string(), requested: z.string() });
type DownloadPayload = z.infer<typeof downloadPayloadSchema>;

const tidyPayloadSchema = z.object({ downloadKey: z.string() });

/** The download's id: a hash of the person's key and when they asked, so no job key names anyone. */
function downloadId(person: PersonalDataSubject, requested: string): string {
  return createHash('sha256').update(`${person.key}\u0000${requested}`).digest('hex').slice(0, 32);
}

/**
 * Asks for the person's file to be made by a durable job (it survives a restart and works
 * container by container over several runs). The caller holds the download lock, so two
 * presses at once make one job and one file.
 */
export async function scheduleDownload(scheduler: Scheduler, person: PersonalDataSubject, now: Date): Promise<void> {
  const requested = now.toISOString();
  const payload: DownloadPayload = { tenantId: person.tenantId, aadObjectId: person.aadObjectId, requested };
  await scheduler.ensure({ key: `${DOWNLOAD_JOB}:${downloadId(person, requested)}`, kind: DOWNLOAD_JOB, runAt: now, payload });
}

/** What the download job needs: the store it reads and the outbox the summary and the file consent card go through. */
export interface DownloadJobDeps {
  store: Store;
  outbox: Outbox;
}

/** Registers the download jobs' handlers with the scheduler (at start, before the loop runs). */
export function registerDownloadJobs(scheduler: Scheduler, deps: DownloadJobDeps): void {
  scheduler.register(
    DOWNLOAD_JOB,
    async (job, { now }): Promise<JobResult | void> => {
      const id = job.key.slice(DOWNLOAD_JOB.length + 1);
      const { person, present } = await subjectFor(deps.store, job.payload);
      // Their own document is gone only if they were erased meanwhile (the turn that pressed
      // Download wrote it): then nothing more is gathered or sent. Looked at again just
      // before sending, as an erasure may finish while the last places are gathered.
      if (present && (await gatherSomePlaces(deps.store, person, id, now))) return { next: now };
      if (present && (await subjectFor(deps.store, job.payload)).present) await offerTheFile(deps, person, id, now);
      else await abandon(deps.store, person);
      // The job's record names the person (its payload): it goes too, shortly after.
      await scheduler.schedule({ key: `${DOWNLOAD_TIDY_JOB}:${id}`, kind: DOWNLOAD_TIDY_JOB, runAt: new Date(now.getTime() + 1000), payload: { downloadKey: job.key } });
    },
    downloadPayloadSchema,
  );
  scheduler.register(
    DOWNLOAD_TIDY_JOB,
    async (job) => {
      await scheduler.cancel(job.payload.downloadKey);
    },
    tidyPayloadSchema,
  );
}

/** Who asked, as their document names them now, and whether that document still exists. */
async function subjectFor(store: Store, payload: DownloadPayload): Promise<{ person: PersonalDataSubject; present: boolean }> {
  const identity = { tenantId: payload.tenantId, aadObjectId: payload.aadObjectId };
  const subject = subjectOf(identity, undefined);
  const stored = await store.users.read(subject.key, subject.key);
  const user = stored ? userRecordSchema.safeParse(stored.value) : undefined;
  return { person: subjectOf(identity, user?.success ? user.data : undefined), present: stored !== undefined };
}

/** A download whose person was erased: what it gathered goes, and the job ends. */
async function abandon(store: Store, person: PersonalDataSubject): Promise<void> {
  await removeParts(store, person, await readParts(store, person));
  await releaseDownloadLock(store, person);
}

/**
 * Gathers the next containers not yet gathered for this download into parts, and says
 * whether any remain. Parts an earlier download left are removed first. A run repeated
 * after a crash gathers its containers again and replaces their parts.
 */
export async function gatherSomePlaces(store: Store, person: PersonalDataSubject, download: string, now: Date): Promise<boolean> {
  const existing = await readParts(store, person);
  await removeParts(store, person, existing.filter((p) => p.download !== download));
  const done = new Set(existing.filter((p) => p.download === download).map((p) => p.container));
  const waiting = personalDataSteps().filter((s) => !done.has(s.container));
  let steps = 0;
  let documents = 0;
  for (const { container, step } of waiting) {
    if (steps >= DOWNLOAD_STEPS_PER_RUN || documents >= DOWNLOAD_RUN_DOCUMENTS) return true;
    const found = await gatherPlace(store, person, container, step);
    // A part too large for a file is counted and left out: the summary says the file could not be made.
    const fits = Buffer.byteLength(JSON.stringify(found), 'utf8') <= MAX_FILE_BYTES;
    await writePart(store, person, download, container, fits ? found : undefined, found.length, now);
    steps += 1;
    documents += found.length;
  }
  return false;
}

/**
 * Makes the file from the parts and sends, through the outbox (keys derived from the
 * download, so a repeated run sends nothing twice), the summary card and then Teams' file
 * consent card; then removes the parts and releases the lock.
 */
async function offerTheFile(deps: DownloadJobDeps, person: PersonalDataSubject, download: string, now: Date): Promise<void> {
  const mine = (await readParts(deps.store, person)).filter((p) => p.download === download);
  const order = personalDataSteps().map((s) => s.container as string);
  const places = [...mine].sort((a, b) => order.indexOf(a.container) - order.indexOf(b.container));
  const held = places.filter((p) => p.count > 0);
  const fileKey = `${DOWNLOAD_JOB}:${download}:file`;
  const bytes = toJson({ generatedAt: now.toISOString(), person: { tenantId: person.tenantId, aadObjectId: person.aadObjectId, name: person.name, email: person.email }, places: held.map(asPlace) });
  const tooLarge = held.some((p) => p.documents === undefined) || bytes.length > MAX_FILE_BYTES;
  const counts = places.map((p) => ({ container: p.container, count: p.count }));
  await deps.outbox.enqueue({
    key: `${DOWNLOAD_JOB}:${download}:summary`,
    // Asked for now, so it goes now, whatever the hour.
    quietHours: false,
    recipient: person.key,
    content: { en: { card: downloadSummaryCard('en', counts, { tooLarge }) }, cy: { card: downloadSummaryCard('cy', counts, { tooLarge }) } },
  });
  if (held.length > 0 && !tooLarge && !(await deps.outbox.get(fileKey))) {
    const name = `cefnogi-my-data-${now.toISOString().slice(0, 10)}.json`;
    const description = { en: strings('en').myData.fileDescription, cy: strings('cy').myData.fileDescription };
    const offer = await saveOffer(offerStoreOf(deps.store), person, { name, contentType: 'application/json', bytes, description }, now);
    const consent = (language: 'en' | 'cy') => {
      const attachment = fileConsentAttachment({ id: offer.id, name: offer.name, size: offer.size, description: description[language] });
      return { attachments: [{ contentType: attachment.contentType, name: attachment.name, content: attachment.content as Record<string, unknown> }] };
    };
    // A moment after the summary, so the consent card arrives beneath it.
    await deps.outbox.enqueue({ key: fileKey, recipient: person.key, content: { en: consent('en'), cy: consent('cy') }, quietHours: false, notBefore: new Date(now.getTime() + 1000) });
  }
  await removeParts(deps.store, person, mine);
  await releaseDownloadLock(deps.store, person);
}

function asPlace(part: DownloadPart): { container: string; documents: DownloadPart['documents'] } {
  return { container: part.container, documents: part.documents };
}
