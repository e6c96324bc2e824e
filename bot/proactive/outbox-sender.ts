import { resolveLanguage } from '../i18n/resolve-language';
import type { Logger } from '../logging/logger';
import type { DocumentCollection, Stored } from '../storage/document-collection';
import type { ConversationRef } from '../users/conversation-ref';
import type { UserRecord } from '../users/user-record';
import { StoppedError } from './abortable-sleep';
import type { ConnectorTransport, SendResult } from './connector-transport';
import { earliestDueFirst, type DueCollection } from './due-collection';
import { leaseRemainingMs } from './lease';
import { activityFor } from './outbox-activity';
import { OutboxClaims } from './outbox-claims';
import { OPEN_OUTBOX_STATUSES, type OutboxRecord } from './outbox-record';
import { claimed, failed, postponed, retrying, sent, unreachable } from './outbox-transitions';
import { isAllowedInstant, nextAllowedInstant } from './quiet-hours';
import { noteReachability } from './reachability-note';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { runConcurrently } from './run-concurrently';
import { sendOutcome, type SendOutcome } from './send-outcome';
import type { SendPacer } from './send-pacer';
import { allShards, SHARD_COUNT } from './shard-key';

/** What the sender needs; everything but the collaborators has a default. */
export interface OutboxSenderOptions {
  records: DueCollection<OutboxRecord>;
  users: DocumentCollection<UserRecord>;
  transport: ConnectorTransport;
  pacer: SendPacer;
  now: () => Date;
  /** This instance's name on the leases it takes. */
  owner: string;
  log: Logger;
  shards?: number;
  /** Records read per shard per drain. Default 50. */
  pageSize?: number;
  /** Records in flight at once. Default 8. */
  concurrency?: number;
  /** How long a claim lasts. Default 2 minutes: the longest pacing wait and connector call, with room. */
  leaseMs?: number;
  /** A record that would wait longer than this for its conversation's window goes back in the queue. Default 20 s. */
  maxPacingWaitMs?: number;
  /** A claim with less than this left is renewed before sending. Default 40 s. */
  minLeaseAtSendMs?: number;
  retry?: RetryPolicy;
  random?: () => number;
}

/** What one drain did, for logs, tests and the benchmark. */
export interface DrainReport {
  /** Documents the due queries returned. */
  read: number;
  sent: number;
  retrying: number;
  /** Moved later: quiet hours, or a conversation's window full. */
  postponed: number;
  unreachable: number;
  failed: number;
  /** Claimed by another instance first, or left because the sender is stopping. */
  skipped: number;
}
type Tally = keyof Omit<DrainReport, 'read'>;

/**
 * Delivers due outbox records. Each is claimed with a conditional write before it is sent,
 * so two instances never both send it; a claim is a lease, so a record whose sender died is
 * sent by another once the lease ends. Teams' limits are kept by waiting (the pacer);
 * refusals worth retrying go back in the queue with a delay; people who cannot be reached
 * are marked so, on the record and on their user document. Nothing fails silently.
 */
export class OutboxSender {
  private readonly claims: OutboxClaims;
  private readonly shards: string[];
  private readonly retry: RetryPolicy;

  constructor(private readonly o: OutboxSenderOptions) {
    this.claims = new OutboxClaims(o.records, o.owner, o.log);
    this.shards = allShards(o.shards ?? SHARD_COUNT);
    this.retry = o.retry ?? DEFAULT_RETRY_POLICY;
  }

  /**
   * Reads what is due at `now` (one bounded page per shard, earliest first: new records,
   * retries whose wait is over, and records whose sender's lease ran out) and delivers it.
   * When `signal` aborts, records not yet claimed are left for later and claimed ones still
   * waiting for their turn go back to the queue at once.
   */
  async drain(now: Date = this.o.now(), options: { signal?: AbortSignal } = {}): Promise<DrainReport> {
    const report: DrainReport = { read: 0, sent: 0, retrying: 0, postponed: 0, unreachable: 0, failed: 0, skipped: 0 };
    const limit = this.o.pageSize ?? 50;
    const pages = await Promise.all(
      this.shards.map((pk) => this.o.records.findDue({ pk, statuses: OPEN_OUTBOX_STATUSES, dueBy: now.toISOString(), limit })),
    );
    const due = pages.flat().sort(earliestDueFirst);
    report.read = due.length;
    await runConcurrently(due, this.o.concurrency ?? 8, async (record) => {
      try {
        report[options.signal?.aborted ? 'skipped' : await this.deliver(record, options.signal)] += 1;
      } catch (err) {
        // A store error on one record must not stop the others; its lease brings it back.
        this.o.log.error('outbox-deliver-failed', { error: (err as Error).message });
        report.skipped += 1;
      }
    });
    return report;
  }

  private async deliver(found: Stored<OutboxRecord>, signal: AbortSignal | undefined): Promise<Tally> {
    const record = found.value;
    const at = this.o.now();
    if (record.quietHours && !isAllowedInstant(at, record.schoolHolidays)) {
      const later = nextAllowedInstant(at, record.schoolHolidays);
      return (await this.claims.replaceIfUnchanged(found, postponed(record, later, at))) ? 'postponed' : 'skipped';
    }
    let mine = await this.claims.replaceIfUnchanged(found, claimed(record, this.o.owner, at, this.o.leaseMs ?? 120_000));
    if (!mine) return 'skipped';

    const user = await this.o.users.read(record.recipient, record.recipient);
    const ref = user?.value.conversation;
    if (!user || !ref) {
      const reason = 'no conversation with this person: Cefnogi is not installed for them, or they have never used it';
      return this.unreachable(mine, user, { kind: 'unreachable', why: 'no-conversation', reason }, false);
    }
    const pace = await this.pace(ref, signal);
    if (pace !== 'go') {
      const when = new Date(this.o.now().getTime() + (pace === 'stopping' ? 0 : pace));
      await this.claims.settle(mine, (r) => postponed(r, when, this.o.now()), true);
      return pace === 'stopping' ? 'skipped' : 'postponed';
    }
    if (leaseRemainingMs(mine.value.lease, this.o.now()) < (this.o.minLeaseAtSendMs ?? 40_000)) {
      mine = await this.claims.replaceIfUnchanged(mine, claimed(mine.value, this.o.owner, this.o.now(), this.o.leaseMs ?? 120_000));
      if (!mine) return 'skipped';
    }
    const language = resolveLanguage(user.value.language, ref.locale);
    const result = await this.sendOnce(ref, activityFor(mine.value.content[language], language));
    return this.afterSend(mine, user, ref, result, language);
  }

  /** Waits for Teams' limits: 'go', milliseconds to postpone by, or 'stopping'. */
  private async pace(ref: ConversationRef, signal: AbortSignal | undefined): Promise<'go' | 'stopping' | number> {
    try {
      const target = { tenantId: ref.tenantId, conversationId: ref.conversationId };
      const result = await this.o.pacer.acquire(target, { maxWaitMs: this.o.maxPacingWaitMs ?? 20_000, signal });
      return result.ok ? 'go' : result.retryInMs;
    } catch (err) {
      if (err instanceof StoppedError) return 'stopping';
      throw err;
    }
  }

  private async sendOnce(ref: ConversationRef, activity: Record<string, unknown>): Promise<SendResult> {
    try {
      return await this.o.transport.send(ref, activity);
    } catch (err) {
      return { ok: false, status: 0, message: (err as Error).message };
    }
  }

  private async afterSend(
    mine: Stored<OutboxRecord>,
    user: Stored<UserRecord>,
    ref: ConversationRef,
    result: SendResult,
    language: 'en' | 'cy',
  ): Promise<Tally> {
    const now = this.o.now();
    const outcome = sendOutcome(result, mine.value.attempts + 1, this.retry, this.o.random);
    switch (outcome.kind) {
      case 'sent':
        await this.claims.settle(mine, (r) => sent(r, outcome.activityId, language, now), false);
        await noteReachability(this.o.users, user, 'reachable', undefined, now);
        return 'sent';
      case 'unreachable':
        return this.unreachable(mine, user, outcome, true);
      case 'retry':
        if (!result.ok && result.status === 429) this.o.pacer.pause(ref.conversationId, outcome.waitMs);
        if (!result.ok) await this.claims.settle(mine, (r) => retrying(r, result, new Date(now.getTime() + outcome.waitMs), now), true);
        return 'retrying';
      case 'failed':
        this.o.log.warn('outbox-failed', { status: result.ok ? 200 : result.status, attempts: mine.value.attempts + 1 });
        await this.claims.settle(mine, (r) => failed(r, outcome.reason, result.ok ? undefined : result, now), false);
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
    await this.claims.settle(mine, (r) => unreachable(r, outcome.why, outcome.reason, attempted, now), false);
    await noteReachability(this.o.users, user, outcome.why, outcome.reason, now);
    return 'unreachable';
  }
}
