import type { Logger } from '../logging/logger';
import type { DocumentCollection, Stored } from '../storage/document-collection';
import { isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { deliveryOf, type DeliveryRecord } from './delivery-record';
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
    private readonly deliveries: DocumentCollection<DeliveryRecord>,
    private readonly owner: string,
    private readonly log: Logger,
  ) {}

  /**
   * Ends our claim for good (sent, failed, unreachable): the outcome is written to
   * `deliveries` first, then the record leaves the live outbox. A crash between the two
   * leaves the record claimed; when its lease ends the next sender finds the delivery
   * (`alreadyFinished`) and only removes it. If another writer recorded an outcome first,
   * theirs stands.
   */
  async finish(mine: Stored<OutboxRecord>, change: (r: OutboxRecord) => OutboxRecord, now: Date): Promise<void> {
    try {
      await this.deliveries.create(deliveryOf(change(mine.value), now));
    } catch (err) {
      if (!isConflict(err)) throw err;
      this.log.warn('outbox-finished-elsewhere', { shard: mine.value.pk });
    }
    await this.records.delete(mine.value.id, mine.value.pk);
  }

  /**
   * For a record found claimed by a sender whose lease ran out: true (and the record is
   * removed) when that sender had finished it and died before removing it.
   */
  async alreadyFinished(found: Stored<OutboxRecord>): Promise<boolean> {
    if (found.value.status !== 'sending') return false;
    if (!(await this.deliveries.read(found.value.id, found.value.pk))) return false;
    await this.records.delete(found.value.id, found.value.pk, found.etag).catch((err: unknown) => {
      if (!isPreconditionFailed(err)) throw err;
    });
    return true;
  }

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
   * Puts our claimed record back in the queue (postponed or retrying). Normally the record is
   * as we left it and this is one conditional write. If our lease was lost meanwhile (we were
   * slower than the lease), nothing is written, so we never undo another instance's claim.
   * (A final outcome goes through `finish`.) Resolves with the record as written, or undefined.
   */
  async settle(mine: Stored<OutboxRecord>, change: (r: OutboxRecord) => OutboxRecord): Promise<Stored<OutboxRecord> | undefined> {
    let lost = false;
    let wrote = false;
    const result = await updateDocument(
      this.records,
      mine.value.id,
      mine.value.pk,
      (current) => {
        wrote = false;
        lost = current !== undefined && (current.status !== 'sending' || current.lease?.owner !== this.owner);
        if (!current || lost) return undefined;
        wrote = true;
        return change(current);
      },
      { stored: mine },
    );
    if (lost) this.log.warn('outbox-lease-lost', { shard: mine.value.pk });
    return wrote ? result : undefined;
  }
}
