import type { Logger } from '../logging/logger';
import { isConflict } from '../storage/storage-errors';
import { deliveryOf } from './delivery-record';
import type { ProactiveStore } from './proactive-engine';

/**
 * Once at start: finished messages and jobs written before they left the live containers on
 * finishing (or left behind by a crash between the two writes) are moved out, so the
 * loop's queries see live work only. A scan of the two live containers, which hold only
 * live work once this has run; cheap on every later start.
 */
export async function moveFinishedRecords(store: ProactiveStore, now: Date, log: Logger): Promise<{ messages: number; jobs: number }> {
  let messages = 0;
  for (const status of ['sent', 'failed', 'unreachable'] as const) {
    for (const found of await store.outbox.scanAllPartitions({ kind: 'outbox-message', status })) {
      await store.deliveries.create(deliveryOf(found.value, now)).catch(ignoreConflict);
      await store.outbox.delete(found.value.id, found.value.pk);
      messages += 1;
    }
  }
  let jobs = 0;
  for (const status of ['done', 'failed'] as const) {
    for (const found of await store.jobs.scanAllPartitions({ status })) {
      await store.jobHistory.create(found.value).catch(ignoreConflict);
      await store.jobs.delete(found.value.id, found.value.pk, found.etag);
      jobs += 1;
    }
  }
  if (messages + jobs > 0) log.info('proactive-finished-moved', { messages, jobs });
  return { messages, jobs };
}

function ignoreConflict(err: unknown): void {
  if (!isConflict(err)) throw err;
}
