import type { Logger } from '../logging/logger';
import type { Stored } from '../storage/document-collection';
import { isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { updateDocument } from '../storage/update-document';
import type { DueCollection } from './due-collection';
import type { OutboxRecord } from './outbox-record';

/**
 * The sender's writes to outbox records, all conditional on the eTag it read, so that of
 * two instances acting on one record exactly one wins and nobody overwrites blindly.
 */
export class OutboxClaims {
  constructor(
    private readonly records: DueCollection<OutboxRecord>,
    private readonly owner: string,
    private readonly log: Logger,
  ) {}

  /** Writes `next` if the record is still as read; undefined when another writer came first. */
  async replaceIfUnchanged(stored: Stored<OutboxRecord>, next: OutboxRecord): Promise<Stored<OutboxRecord> | undefined> {
    try {
      return await this.records.replace(next, stored.etag);
    } catch (err) {
      if (isPreconditionFailed(err) || isNotFound(err)) return undefined;
      throw err;
    }
  }

  /**
   * Writes the outcome of our claim. Normally the record is as we left it and this is one
   * conditional write. If our lease was lost meanwhile (we were slower than the lease), a
   * final outcome is still recorded unless the record is already 'sent', while a non-final
   * one (`onlyIfOurs`) is dropped, so we never undo another instance's claim. Resolves with
   * the record as written, or undefined when nothing was written.
   */
  async settle(mine: Stored<OutboxRecord>, change: (r: OutboxRecord) => OutboxRecord, onlyIfOurs: boolean): Promise<Stored<OutboxRecord> | undefined> {
    let lost = false;
    let wrote = false;
    const result = await updateDocument(
      this.records,
      mine.value.id,
      mine.value.pk,
      (current) => {
        wrote = false;
        if (!current || current.status === 'sent') return undefined;
        if (current.status !== 'sending' || current.lease?.owner !== this.owner) {
          lost = true;
          if (onlyIfOurs) return undefined;
        }
        wrote = true;
        return change(current);
      },
      { stored: mine },
    );
    if (lost) this.log.warn('outbox-lease-lost', { shard: mine.value.pk });
    return wrote ? result : undefined;
  }
}
