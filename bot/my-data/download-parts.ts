import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';
import type { ContainerName } from '../storage/containers';
import type { Store } from '../storage/store';
import { isConflict } from '../storage/storage-errors';
import { rawDocumentSchema } from './raw-document';
import type { PersonalDataSubject } from './personal-data-subject';

/** The kind of a gathered part; the offer queries of `file-offers` read only `file-offer`. */
export const DOWNLOAD_PART_KIND = 'my-data-download-part';

/** How long a part may outlive its download (a job that failed for good): the retention purge and Cosmos' `ttl` remove it then. */
export const DOWNLOAD_PART_LIFETIME_MS = 24 * 60 * 60_000;

/**
 * What a download has gathered from one container, kept between the job's runs in the
 * person's OWN partition of `file-offers`, beside the file it becomes: the person's data
 * never goes into the shared job records (whose payloads are copied into `job-history` and
 * read by every instance's tick), an erasure removes it with the partition, and it carries
 * `expiresAt` and `ttl` so nothing is left if the job dies for good. `download` is the
 * download's id, so a part left by an earlier download is never mixed into this one.
 */
export const downloadPartSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal(DOWNLOAD_PART_KIND),
  download: z.string(),
  container: z.string(),
  count: z.number().int().min(0),
  /** The documents as the file shows them; absent when they alone would not fit in a file. */
  documents: z.array(rawDocumentSchema).optional(),
  expiresAt: z.string(),
  ttl: z.number().int(),
});
export type DownloadPart = z.infer<typeof downloadPartSchema>;

const parts = collectionSpec<DownloadPart>('fileOffers', downloadPartSchema);

/** The parts gathered so far in the person's partition (of this download and any left by an earlier one). */
export async function readParts(store: Store, person: PersonalDataSubject): Promise<DownloadPart[]> {
  return (await store.collection(parts).findInPartition(person.key, { kind: DOWNLOAD_PART_KIND })).map((p) => p.value);
}

/** Writes one container's part; a part written by an earlier try of the same run is replaced, so a repeated run converges. */
export async function writePart(store: Store, person: PersonalDataSubject, download: string, container: ContainerName, documents: DownloadPart['documents'], count: number, now: Date): Promise<void> {
  const collection = store.collection(parts);
  const part: DownloadPart = {
    id: `${DOWNLOAD_PART_KIND}:${container}`,
    pk: person.key,
    kind: DOWNLOAD_PART_KIND,
    download,
    container,
    count,
    ...(documents ? { documents } : {}),
    expiresAt: new Date(now.getTime() + DOWNLOAD_PART_LIFETIME_MS).toISOString(),
    ttl: Math.ceil((2 * DOWNLOAD_PART_LIFETIME_MS) / 1000),
  };
  try {
    await collection.create(part);
  } catch (err) {
    if (!isConflict(err)) throw err;
    const held = await collection.read(part.id, part.pk);
    if (held) await collection.replace(part, held.etag);
    else await collection.create(part);
  }
}

/** Removes parts (this download's once its file is offered, or those an earlier download left). */
export async function removeParts(store: Store, person: PersonalDataSubject, which: DownloadPart[]): Promise<void> {
  for (const part of which) await store.collection(parts).delete(part.id, person.key);
}

/**
 * `file-offers` read as it is, for the retention purge: where the store has no TTL (the
 * embedded one), parts a failed download left and offers past their lifetime (which
 * nobody can accept any more) go once their `expiresAt` has passed.
 */
export const expiringFileOffers = collectionSpec('fileOffers', rawDocumentSchema);
