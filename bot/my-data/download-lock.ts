import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';
import type { Store } from '../storage/store';
import { isConflict, isPreconditionFailed } from '../storage/storage-errors';
import type { PersonalDataSubject } from './personal-data-subject';

/**
 * How long one download holds the lock at most: its job releases it when the file is
 * offered, so this only matters when the job dies for good (then a new press works again).
 */
export const DOWNLOAD_LOCK_MS = 15 * 60_000;

/**
 * A small marker in the person's own partition of `file-offers` (kind `my-data-download`,
 * which offer queries never read): created with a conditional write, so two presses at once
 * (two devices, two instances) make one file. Erasure removes it with the partition.
 */
const downloadLockSchema = z.object({
  id: z.literal('my-data-download'),
  pk: z.string(),
  kind: z.literal('my-data-download'),
  until: z.string(),
  ttl: z.number().int(),
});
type DownloadLock = z.infer<typeof downloadLockSchema>;
const downloadLocks = collectionSpec<DownloadLock>('fileOffers', downloadLockSchema);

/** True when this caller may make the file (the lock is theirs until the download's job releases it); false while another download of theirs is under way. */
export async function takeDownloadLock(store: Store, person: PersonalDataSubject, now: Date): Promise<boolean> {
  const locks = store.collection(downloadLocks);
  const lock: DownloadLock = { id: 'my-data-download', pk: person.key, kind: 'my-data-download', until: new Date(now.getTime() + DOWNLOAD_LOCK_MS).toISOString(), ttl: 3600 };
  try {
    await locks.create(lock);
    return true;
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
  const held = await locks.read(lock.id, lock.pk);
  if (!held) return false;
  if (held.value.until > now.toISOString()) return false;
  try {
    await locks.replace(lock, held.etag);
    return true;
  } catch (err) {
    if (isPreconditionFailed(err)) return false;
    throw err;
  }
}

/** Lets the person ask for another download: called by the download's job once the file is offered. */
export async function releaseDownloadLock(store: Store, person: PersonalDataSubject): Promise<void> {
  await store.collection(downloadLocks).delete('my-data-download', person.key);
}
