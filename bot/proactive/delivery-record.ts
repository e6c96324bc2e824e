import { z } from 'zod';
import { outboxRecordShape, type OutboxRecord } from './outbox-record';

/** How a delivery ended. */
export const deliveryStatusSchema = z.enum(['sent', 'failed', 'unreachable']);

/**
 * A finished delivery in the `deliveries` container: one per message and recipient, written
 * when the message leaves the live outbox (sent, failed or unreachable). It keeps what an
 * administrator or a later update needs (activity id, language, reason) and no content, so
 * finished work costs the live queue nothing and holds nothing personal beyond its keys.
 * `id` is the message's idempotency key (escaped) and `pk` its shard, as in the outbox, so
 * `Outbox.get(key)` finds a message in one point read wherever it is.
 */
export const deliveryRecordSchema = outboxRecordShape
  .pick({ id: true, pk: true, key: true, recipient: true, bulk: true, updates: true, attempts: true, activityId: true, sentAt: true, language: true, reason: true, unreachable: true, lastError: true, createdAt: true })
  .extend({ kind: z.literal('delivery'), status: deliveryStatusSchema, finishedAt: z.string().datetime() });
export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;

/** The delivery record of an outbox record in a final state; the content and the queue's state stay behind. */
export function deliveryOf(r: OutboxRecord, now: Date): DeliveryRecord {
  if (r.status !== 'sent' && r.status !== 'failed' && r.status !== 'unreachable') throw new Error(`an outbox record in state ${r.status} has not finished`);
  const { kind: _kind, content: _content, lane: _lane, notBefore: _notBefore, quietHours: _quiet, schoolHolidays: _holidays, dueAt: _dueAt, lease: _lease, updatedAt: _updated, status, ...kept } = r;
  return { ...kept, kind: 'delivery', status, finishedAt: now.toISOString() };
}
