import type { Logger } from '../logging/logger';
import type { DocumentCollection, Stored } from '../storage/document-collection';
import { isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { updateDocument } from '../storage/update-document';
import { BULK_MAX_PARTS } from './bulk-outbox';
import { safeId } from '../storage/document-collection';
import { bulkPageId, pagesPartitionOf, type BulkCursor, type BulkDocument, type BulkFigures, type BulkMessage } from './bulk-message';
import { sendToRecipient, type BulkRecipientDeps } from './bulk-recipient';
import type { DueCollection } from './due-collection';
import { leaseFor } from './lease';
import { isAllowedInstant, nextAllowedInstant } from './quiet-hours';
import { allShards } from './shard-key';

/** How long a revision or resend waits before looking again whether its original has finished. */
const ORIGINAL_WAIT_MS = 5000;

/** What the bulk sender needs beyond what each recipient's send needs. */
export interface BulkSenderOptions extends BulkRecipientDeps {
  cursors: DueCollection<BulkCursor>;
  documents: DocumentCollection<BulkDocument>;
  owner: string;
  log: Logger;
  /** How long a claim of a cursor lasts; renewed at every checkpoint. Default 2 minutes. */
  leaseMs?: number;
  /** Recipients between two checkpoints of the cursor. Default 50. */
  checkpointEvery?: number;
  /** Recipients in flight at once per cursor. Default 16. */
  inFlight?: number;
  /** Cursors this instance works at once. Default 2. */
  parallel?: number;
}

/**
 * Works through the cursors of bulk messages, each under a lease, recipient by recipient at
 * the tenant budget's bulk rate, writing the cursor's position every `checkpointEvery`
 * recipients (so a crash repeats at most that many, and those are checked first). Cursors
 * of one message cover disjoint pages, so two instances can share a message. It runs beside
 * the personal drain, never inside it: a national message never holds up a notice.
 */
export class BulkSender {
  private readonly working = new Map<string, Promise<void>>();
  private readonly leaseMs: number;

  constructor(private readonly o: BulkSenderOptions) {
    this.leaseMs = o.leaseMs ?? 120_000;
  }

  /** Starts work on due cursors while this instance has room; resolves once started, not when done. */
  async pump(signal?: AbortSignal): Promise<number> {
    const room = (this.o.parallel ?? 2) - this.working.size;
    if (room <= 0 || signal?.aborted) return 0;
    const dueBy = this.o.now().toISOString();
    const pages = await Promise.all(
      allShards(this.o.shards).map((pk) => this.o.cursors.findDue({ pk, statuses: ['pending', 'sending'], dueBy, limit: room + this.working.size, kinds: ['bulk-cursor'] })),
    );
    let started = 0;
    for (const found of pages.flat().sort((a, b) => (a.value.dueAt < b.value.dueAt ? -1 : 1))) {
      if (started >= room || this.working.has(found.value.id)) continue;
      const work = this.work(found, signal)
        .catch((err: unknown) => this.o.log.error('bulk-cursor-failed', { error: (err as Error).message }))
        .finally(() => this.working.delete(found.value.id));
      this.working.set(found.value.id, work);
      started += 1;
    }
    return started;
  }

  /** Resolves when every cursor this instance is working on has stopped (done, checkpointed or lost). */
  async idle(): Promise<void> {
    while (this.working.size > 0) await Promise.all([...this.working.values()]);
  }

  private async work(found: Stored<BulkCursor>, signal: AbortSignal | undefined): Promise<void> {
    const at = this.o.now();
    let mine = await this.write(found, {
      ...found.value,
      status: 'sending',
      lease: leaseFor(this.o.owner, at, this.leaseMs),
      dueAt: new Date(at.getTime() + this.leaseMs).toISOString(),
      resumed: found.value.resumed || found.value.status === 'sending',
      updatedAt: at.toISOString(),
    });
    if (!mine) return;
    const message = (await this.o.documents.read(mine.value.message, mine.value.message))?.value;
    if (message?.kind !== 'bulk-message') {
      await this.o.cursors.delete(mine.value.id, mine.value.pk);
      return;
    }
    if (message.quietHours && !isAllowedInstant(at, message.schoolHolidays)) {
      await this.release(mine, nextAllowedInstant(at, message.schoolHolidays));
      return;
    }
    // A revision or resend goes once the message it works on has been through all its recipients.
    if (message.basedOn && !(await this.finished(message.basedOn.of))) {
      await this.release(mine, new Date(at.getTime() + ORIGINAL_WAIT_MS));
      return;
    }
    const every = this.o.checkpointEvery ?? 50;
    let checkLeft = mine.value.resumed ? every : 0;
    const figures: BulkFigures = { ...mine.value.figures };
    const inFlight = new Set<Promise<void>>();
    const limit = this.o.inFlight ?? 16;
    let since = 0;
    // A store error on one recipient: the cursor goes back to its last checkpoint, to be resumed (and checked) shortly.
    let broken = false;
    for (let p = mine.value.at.page; p < mine.value.pages.length; p += 1) {
      const pageNo = mine.value.pages[p] as number;
      const page = (await this.o.documents.read(bulkPageId(pageNo), pagesPartitionOf(message)))?.value;
      const recipients = page?.kind === 'bulk-page' ? page.recipients : [];
      for (let i = p === mine.value.at.page ? mine.value.at.offset : 0; i < recipients.length; i += 1) {
        if (signal?.aborted) {
          // Stopping: sends cut short were not made; the next claim resumes at the last checkpoint and checks what followed it.
          await Promise.all(inFlight);
          return this.release({ ...mine, value: { ...mine.value, resumed: true } }, this.o.now());
        }
        const check = checkLeft > 0;
        if (check) checkLeft -= 1;
        const one = sendToRecipient(this.o, message, recipients[i] as string, check, signal)
          .then((outcome) => {
            if (outcome !== 'skipped') figures[outcome] += 1;
          })
          .catch((err: unknown) => {
            this.o.log.error('bulk-recipient-failed', { error: (err as Error).message });
            broken = true;
          })
          .finally(() => inFlight.delete(one));
        inFlight.add(one);
        if (inFlight.size >= limit) await Promise.race(inFlight);
        since += 1;
        if (since >= every) {
          since = 0;
          await Promise.all(inFlight);
          if (broken) return this.release({ ...mine, value: { ...mine.value, resumed: true } }, new Date(this.o.now().getTime() + 30_000));
          const next = await this.checkpoint(mine, { page: p, offset: i + 1 }, figures, checkLeft > 0);
          if (!next) return;
          mine = next;
        }
      }
    }
    await Promise.all(inFlight);
    if (broken) return this.release({ ...mine, value: { ...mine.value, resumed: true } }, new Date(this.o.now().getTime() + 30_000));
    await this.complete(mine, message, figures);
  }

  /** True when every cursor of the bulk message `key` has finished (or there is no such message). */
  private async finished(key: string): Promise<boolean> {
    const id = safeId(key);
    const found = (await this.o.documents.read(id, id))?.value;
    return found?.kind !== 'bulk-message' || found.finishedParts >= Math.min(BULK_MAX_PARTS, found.pages);
  }

  /** Records the position (and renews the lease); undefined when the claim was lost to another instance. */
  private async checkpoint(mine: Stored<BulkCursor>, position: BulkCursor['at'], figures: BulkFigures, resumed: boolean): Promise<Stored<BulkCursor> | undefined> {
    const now = this.o.now();
    const written = await this.write(mine, {
      ...mine.value,
      at: position,
      figures: { ...figures },
      resumed,
      lease: leaseFor(this.o.owner, now, this.leaseMs),
      dueAt: new Date(now.getTime() + this.leaseMs).toISOString(),
      updatedAt: now.toISOString(),
    });
    if (!written) this.o.log.warn('bulk-cursor-lost', { cursor: mine.value.key });
    return written;
  }

  /** Back to pending, due at `when`, for whichever instance comes next. */
  private async release(mine: Stored<BulkCursor>, when: Date): Promise<void> {
    const { lease: _lease, ...rest } = mine.value;
    await this.write(mine, { ...rest, status: 'pending', dueAt: when.toISOString(), updatedAt: this.o.now().toISOString() });
  }

  /** Adds this part's figures to the message, then removes the cursor: nothing of it stays live. */
  private async complete(mine: Stored<BulkCursor>, message: BulkMessage, figures: BulkFigures): Promise<void> {
    const now = this.o.now().toISOString();
    await updateDocument(this.o.documents, message.id, message.id, (doc) => {
      if (doc?.kind !== 'bulk-message') return undefined;
      const sum = { ...doc.figures };
      for (const k of Object.keys(sum) as (keyof BulkFigures)[]) sum[k] += figures[k];
      return { ...doc, figures: sum, finishedParts: doc.finishedParts + 1, updatedAt: now };
    });
    await this.o.cursors.delete(mine.value.id, mine.value.pk, mine.etag).catch((err: unknown) => {
      if (!isPreconditionFailed(err)) throw err;
    });
  }

  private async write(stored: Stored<BulkCursor>, next: BulkCursor): Promise<Stored<BulkCursor> | undefined> {
    try {
      return await this.o.cursors.replace(next, stored.etag);
    } catch (err) {
      if (isPreconditionFailed(err) || isNotFound(err)) return undefined;
      throw err;
    }
  }
}
