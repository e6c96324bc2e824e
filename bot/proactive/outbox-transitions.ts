import type { Language } from '../users/user-record';
import { leaseFor } from './lease';
import type { OutboxRecord, UnreachableReason } from './outbox-record';

/*
 * Every change of an outbox record's state, as pure functions from the record as read to
 * the record to write. The sender writes each one conditionally (eTag), so of two
 * instances acting on one record exactly one succeeds.
 */

/** Taken by `owner` until the lease ends; it is due again (for anyone) from then. */
export function claimed(r: OutboxRecord, owner: string, now: Date, leaseMs: number): OutboxRecord {
  const lease = leaseFor(owner, now, leaseMs);
  return { ...r, status: 'sending', lease, dueAt: lease.until, updatedAt: now.toISOString() };
}

/** Back in the queue, untouched, to be looked at again at `dueAt` (quiet hours, pacing, stopping). */
export function postponed(r: OutboxRecord, dueAt: Date, now: Date): OutboxRecord {
  const { lease: _lease, ...rest } = r;
  return { ...rest, status: 'pending', dueAt: dueAt.toISOString(), updatedAt: now.toISOString() };
}

/** One more attempt failed in a way worth retrying at `dueAt`. */
export function retrying(r: OutboxRecord, failure: { status: number; message: string }, dueAt: Date, now: Date): OutboxRecord {
  return {
    ...postponed(r, dueAt, now),
    attempts: r.attempts + 1,
    lastError: { status: failure.status, message: failure.message, at: now.toISOString() },
  };
}

/** Delivered: the activity id is kept so the message can be updated or withdrawn. */
export function sent(r: OutboxRecord, activityId: string, language: Language, now: Date): OutboxRecord {
  const { lease: _lease, ...rest } = r;
  return {
    ...rest,
    status: 'sent',
    attempts: r.attempts + 1,
    activityId,
    language,
    sentAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/** Given up on, with the reason in words (and the last answer, if there was one). */
export function failed(r: OutboxRecord, reason: string, failure: { status: number; message: string } | undefined, now: Date): OutboxRecord {
  const { lease: _lease, ...rest } = r;
  return {
    ...rest,
    status: 'failed',
    attempts: failure ? r.attempts + 1 : r.attempts,
    reason,
    ...(failure ? { lastError: { status: failure.status, message: failure.message, at: now.toISOString() } } : {}),
    updatedAt: now.toISOString(),
  };
}

/** The person cannot be reached this way; their user record says so too. */
export function unreachable(r: OutboxRecord, why: UnreachableReason, reason: string, attempted: boolean, now: Date): OutboxRecord {
  const { lease: _lease, ...rest } = r;
  return {
    ...rest,
    status: 'unreachable',
    attempts: attempted ? r.attempts + 1 : r.attempts,
    unreachable: why,
    reason,
    updatedAt: now.toISOString(),
  };
}
