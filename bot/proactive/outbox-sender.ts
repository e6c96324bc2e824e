import type { Logger } from '../logging/logger';
import type { DocumentCollection, Stored } from '../storage/document-collection';
import type { ConversationRef } from '../users/conversation-ref';
import type { ConversationRecord } from '../users/conversation-record';
import type { Language, UserRecord } from '../users/user-record';
import { safeId } from '../storage/document-collection';
import { languageFor, resolveRecipient, type RecipientSources, type RecipientTarget } from './recipient-target';
import { shardOf } from './shard-key';
import { StoppedError } from './abortable-sleep';
import type { ConnectorTransport, SendResult } from './connector-transport';
import type { BulkDocument } from './bulk-message';
import type { DeliveryRecord } from './delivery-record';
import { DrainQueue, type DrainItem } from './drain-queue';
import type { DueCollection } from './due-collection';
import { activityFor, payloadFor } from './outbox-activity';
import { OutboxClaims } from './outbox-claims';
import { OPEN_OUTBOX_STATUSES, type BilingualContent, type OutboxRecord } from './outbox-record';
import { claimed, failed, postponed, retrying, sent, unreachable } from './outbox-transitions';
import { isAllowedInstant, nextAllowedInstant } from './quiet-hours';
import { noteReachability } from './reachability-note';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { sendOutcome, type SendOutcome } from './send-outcome';
import { awaitTurn, type TenantBudget } from './send-budget';
import type { PaceTarget, SendPacer } from './send-pacer';
import { allShards, SHARD_COUNT } from './shard-key';

/** What the sender needs; everything but the collaborators has a default. */
export interface OutboxSenderOptions {
  records: DueCollection<OutboxRecord>;
  /** Where finished messages go (without their content). */
  deliveries: DocumentCollection<DeliveryRecord>;
  /** Where a bulk message's content is, for the retries of its single recipients. */
  bulkMessages: DocumentCollection<BulkDocument>;
  users: DocumentCollection<UserRecord>;
  /** Channels and group chats, for recipients named by `conversationRecipient(…)`. */
  conversations: DocumentCollection<ConversationRecord>;
  transport: ConnectorTransport;
  pacer: SendPacer;
  /** The tenant's budget shared with every other instance (absent: this instance's pacer alone). */
  budget?: TenantBudget;
  now: () => Date;
  /** This instance's name on the leases it takes. */
  owner: string;
  log: Logger;
  shards?: number;
  /** Records read per shard per read. Default 50. */
  pageSize?: number;
  /** Records in flight at once. Default 8. */
  concurrency?: number;
  /** How long a claim lasts. Default 2 minutes: a connector call and its tenant slot, with a lot of room. */
  leaseMs?: number;
  /**
   * A drain keeps the records it sent back to wait for their conversation's window, and
   * sends them when their turn comes, if that is within this long of its start; later
   * ones are left to later drains. Default 20 s.
   */
  lingerMs?: number;
  /** While a drain keeps records waiting, it reads what is due again this often. Default 1 s. */
  refreshMs?: number;
  retry?: RetryPolicy;
  random?: () => number;
}

/** What one drain did, for logs, tests and the benchmark. */
export interface DrainReport {
  /** Documents the due queries returned (each counted once per drain). */
  read: number;
  sent: number;
  retrying: number;
  /** Moved later and left for a later drain: quiet hours, or a conversation's window shut beyond this drain. */
  postponed: number;
  unreachable: number;
  failed: number;
  /** Claimed by another instance first, or left because the sender is stopping. */
  skipped: number;
}
type Tally = keyof Omit<DrainReport, 'read'>;
type Item = DrainItem<RecipientTarget>;

/** The reason an update ends `failed` when there is nothing to replace (callers match on it). */
export const NOT_DELIVERED = 'not-delivered';
/** How long an update waits before looking again for its original, still in the outbox. */
const ORIGINAL_WAIT_MS = 5000;

/**
 * Delivers due outbox records. Each is claimed with a conditional write before it is sent,
 * so two instances never both send it; a claim is a lease, so a record whose sender died is
 * sent by another once the lease ends. Teams' limits are kept without anyone waiting in
 * line: a record whose conversation's window is shut goes back to the outbox at once, due
 * at the turn the pacer booked for it, and the drain's slots go on to other records (see
 * DrainQueue). Refusals worth retrying go back with a delay; people who cannot be reached
 * are marked so, on the record and on their user document. Nothing fails silently.
 */
export class OutboxSender {
  private readonly claims: OutboxClaims;
  private readonly shards: string[];
  private readonly retry: RetryPolicy;

  constructor(private readonly o: OutboxSenderOptions) {
    this.claims = new OutboxClaims(o.records, o.deliveries, o.owner, o.log);
    this.shards = allShards(o.shards ?? SHARD_COUNT);
    this.retry = o.retry ?? DEFAULT_RETRY_POLICY;
  }

  /**
   * Reads what is due at `now` (one bounded page per shard, earliest first: new records,
   * retries whose wait is over, and records whose sender's lease ran out) and delivers it,
   * keeping records that must wait for their conversation's window until their turn (within
   * `lingerMs`) while reading again for new work. When `signal` aborts, records not yet
   * claimed are left, and those waiting for their turn go back to be due at once.
   */
  async drain(now: Date = this.o.now(), options: { signal?: AbortSignal } = {}): Promise<DrainReport> {
    const report: DrainReport = { read: 0, sent: 0, retrying: 0, postponed: 0, unreachable: 0, failed: 0, skipped: 0 };
    const limit = this.o.pageSize ?? 50;
    let dueBy = now;
    const readDue = async () => {
      const pages = await Promise.all(this.shards.map((pk) => this.o.records.findDue({ pk, statuses: OPEN_OUTBOX_STATUSES, dueBy: dueBy.toISOString(), limit, kinds: ['outbox-message'] })));
      dueBy = this.o.now();
      return pages.flat();
    };
    const queue = new DrainQueue<RecipientTarget>({ readDue, refreshMs: this.o.refreshMs ?? 1000, keepUntil: performance.now() + (this.o.lingerMs ?? 20_000), clock: () => performance.now() });
    const onRead = (count: number) => void (report.read += count);
    onRead(await queue.read());
    const recipients = new RecipientCache(this.o);
    const contents = new BulkContentCache(this.o.bulkMessages);
    const worker = async (): Promise<void> => {
      for (let item = await queue.next(onRead, options.signal); item; item = await queue.next(onRead, options.signal)) {
        try {
          const outcome = await this.deliver(item, recipients, contents, queue, options.signal);
          if (outcome !== 'kept') report[outcome] += 1;
        } catch (err) {
          // A store error on one record must not stop the others; its lease brings it back.
          this.o.log.error('outbox-deliver-failed', { error: (err as Error).message });
          report.skipped += 1;
        } finally {
          queue.done();
        }
      }
    };
    await Promise.all(Array.from({ length: this.o.concurrency ?? 8 }, worker));
    // Stopping: records kept for their turn go back to be due at once, for whichever instance comes next.
    for (const item of queue.takeWaiting()) {
      await this.claims.replaceIfUnchanged(item.stored, postponed(item.stored.value, this.o.now(), this.o.now()));
      report.skipped += 1;
    }
    return report;
  }

  private async deliver(item: Item, recipients: RecipientCache, contents: BulkContentCache, queue: DrainQueue<RecipientTarget>, signal: AbortSignal | undefined): Promise<Tally | 'kept'> {
    const record = item.stored.value;
    const at = this.o.now();
    if (await this.claims.alreadyFinished(item.stored)) return 'skipped';
    if (record.quietHours && !isAllowedInstant(at, record.schoolHolidays)) {
      const later = nextAllowedInstant(at, record.schoolHolidays);
      return (await this.claims.replaceIfUnchanged(item.stored, postponed(record, later, at))) ? 'postponed' : 'skipped';
    }
    // An update goes where its original went, in the language it went in, over the activity it made.
    const original = record.updates !== undefined ? await this.originalOf(record.updates) : undefined;
    if (original === 'waiting') {
      return (await this.claims.replaceIfUnchanged(item.stored, postponed(record, new Date(at.getTime() + ORIGINAL_WAIT_MS), at))) ? 'postponed' : 'skipped';
    }
    if (original === 'not-delivered') {
      const mine = await this.claims.replaceIfUnchanged(item.stored, claimed(record, this.o.owner, at, this.o.leaseMs ?? 120_000));
      if (!mine) return 'skipped';
      await this.claims.finish(mine, (r) => failed(r, NOT_DELIVERED, undefined, at), this.o.now());
      return 'failed';
    }
    const target = (item.target ??= await recipients.get(original?.recipient ?? record.recipient));
    if (!target.reachable) {
      const mine = await this.claims.replaceIfUnchanged(item.stored, claimed(record, this.o.owner, at, this.o.leaseMs ?? 120_000));
      if (!mine) return 'skipped';
      return this.unreachable(mine, target.user, { kind: 'unreachable', why: target.why, reason: target.reason }, false);
    }
    const ref = target.ref;
    const pace: PaceTarget = { tenantId: ref.tenantId, conversationId: ref.conversationId };
    // A conversation known to be busy: back to the outbox in one write, without a claim.
    let decision = this.o.pacer.opensInMs(pace) > 0 ? this.o.pacer.tryAcquire(pace) : undefined;
    if (decision && !decision.ok) return this.wait(item, item.stored, decision.retryInMs, queue, false);
    const mine = await this.claims.replaceIfUnchanged(item.stored, claimed(record, this.o.owner, at, this.o.leaseMs ?? 120_000));
    if (!mine) return 'skipped';
    decision ??= this.o.pacer.tryAcquire(pace);
    if (!decision.ok) return this.wait(item, mine, decision.retryInMs, queue, true);
    try {
      await awaitTurn(this.o.budget, ref.tenantId, record.lane ?? 'personal', decision.waitMs, signal);
      this.o.pacer.sentLater(pace.conversationId, decision.at, this.o.pacer.clockNow());
    } catch (err) {
      if (!(err instanceof StoppedError)) throw err;
      await this.claims.settle(mine, (r) => postponed(r, this.o.now(), this.o.now()));
      return 'skipped';
    }
    const language = original?.language ?? languageFor(target, record.language);
    const content = mine.value.content ?? (mine.value.bulk ? await contents.get(mine.value.bulk) : undefined);
    if (!content) {
      await this.claims.finish(mine, (r) => failed(r, 'its bulk message no longer exists', undefined, at), this.o.now());
      return 'failed';
    }
    const activity = activityFor(payloadFor(content, language, target.bothLanguages), language);
    const result = await this.sendOnce(() => (original ? this.o.transport.update(ref, original.activityId, activity) : this.o.transport.send(ref, activity)));
    return this.afterSend(mine, target.user, ref, result, language);
  }

  /**
   * The delivery an update replaces: sent (with its activity id and language), still
   * waiting in the outbox (the update waits too), or never delivered.
   */
  private async originalOf(key: string): Promise<{ recipient: string; activityId: string; language: Language | undefined } | 'waiting' | 'not-delivered'> {
    const id = safeId(key);
    const pk = shardOf(key, this.o.shards ?? SHARD_COUNT);
    const done = (await this.o.deliveries.read(id, pk))?.value;
    if (done?.status === 'sent' && done.activityId) return { recipient: done.recipient, activityId: done.activityId, language: done.language };
    if (done) return 'not-delivered';
    return (await this.o.records.read(id, pk)) ? 'waiting' : 'not-delivered';
  }

  /**
   * Sends the record back to the outbox, due at its booked turn, and keeps it in this
   * drain if the turn comes soon enough. `claimedByUs`: written over our own claim.
   */
  private async wait(item: Item, stored: Stored<OutboxRecord>, retryInMs: number, queue: DrainQueue<RecipientTarget>, claimedByUs: boolean): Promise<Tally | 'kept'> {
    const now = this.o.now();
    const when = new Date(now.getTime() + retryInMs);
    const back = claimedByUs
      ? await this.claims.settle(stored, (r) => postponed(r, when, now))
      : await this.claims.replaceIfUnchanged(stored, postponed(stored.value, when, now));
    if (!back) return 'skipped';
    return queue.keep({ stored: back, target: item.target }, performance.now() + retryInMs) ? 'kept' : 'postponed';
  }

  private async sendOnce(call: () => Promise<SendResult>): Promise<SendResult> {
    try {
      return await call();
    } catch (err) {
      return { ok: false, status: 0, message: (err as Error).message };
    }
  }
  private async afterSend(
    mine: Stored<OutboxRecord>,
    user: Stored<UserRecord> | undefined,
    ref: ConversationRef,
    result: SendResult,
    language: 'en' | 'cy',
  ): Promise<Tally> {
    const now = this.o.now();
    const outcome = sendOutcome(result, mine.value.attempts + 1, this.retry, this.o.random);
    switch (outcome.kind) {
      case 'sent':
        await this.claims.finish(mine, (r) => sent(r, outcome.activityId, language, now), now);
        await noteReachability(this.o.users, user, 'reachable', undefined, now);
        return 'sent';
      case 'unreachable':
        // A 404 to an update may mean only that the activity is gone: it says nothing sure about the person.
        return this.unreachable(mine, mine.value.updates !== undefined && outcome.why === 'not-installed' ? undefined : user, outcome, true);
      case 'retry':
        if (!result.ok && result.status === 429) this.o.pacer.pause(ref.conversationId, outcome.waitMs);
        if (!result.ok) await this.claims.settle(mine, (r) => retrying(r, result, new Date(now.getTime() + outcome.waitMs), now));
        return 'retrying';
      case 'failed':
        this.o.log.warn('outbox-failed', { status: result.ok ? 200 : result.status, attempts: mine.value.attempts + 1 });
        await this.claims.finish(mine, (r) => failed(r, outcome.reason, result.ok ? undefined : result, now), now);
        await noteReachability(this.o.users, user, 'failing', outcome.reason, now);
        return 'failed';
    }
  }

  private async unreachable(
    mine: Stored<OutboxRecord>,
    user: Stored<UserRecord> | undefined,
    outcome: Extract<SendOutcome, { kind: 'unreachable' }>,
    attempted: boolean,
  ): Promise<'unreachable'> {
    const now = this.o.now();
    this.o.log.warn('outbox-unreachable', { reason: outcome.why });
    await this.claims.finish(mine, (r) => unreachable(r, outcome.why, outcome.reason, attempted, now), now);
    await noteReachability(this.o.users, user, outcome.why, outcome.reason, now);
    return 'unreachable';
  }
}

/**
 * Where each recipient is (their user document, or a channel's stored reference), looked up
 * once per drain (a backlog for one person does not read their document per record);
 * concurrent asks share one read.
 */
class RecipientCache {
  private readonly reads = new Map<string, Promise<RecipientTarget>>();

  constructor(private readonly sources: RecipientSources) {}

  get(key: string): Promise<RecipientTarget> {
    let read = this.reads.get(key);
    if (!read) this.reads.set(key, (read = resolveRecipient(this.sources, key)));
    return read;
  }
}

/** A bulk message's content, read once per drain however many of its retries are due. */
class BulkContentCache {
  private readonly reads = new Map<string, Promise<BilingualContent | undefined>>();

  constructor(private readonly documents: DocumentCollection<BulkDocument>) {}

  get(id: string): Promise<BilingualContent | undefined> {
    let read = this.reads.get(id);
    if (!read) {
      read = this.documents.read(id, id).then((found) => (found?.value.kind === 'bulk-message' ? found.value.content : undefined));
      this.reads.set(id, read);
    }
    return read;
  }
}
