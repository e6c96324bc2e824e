import { z } from 'zod';
import { languageSchema } from '../users/user-record';
import { unreachableReasonSchema, type OutboxRecord } from './outbox-record';

const instant = z.string().datetime();

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
export const deliveryRecordSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('delivery'),
  key: z.string(),
  recipient: z.string(),
  /** The bulk message this delivery belongs to, if any. */
  bulk: z.string().optional(),
  status: deliveryStatusSchema,
  attempts: z.number().int().min(0),
  activityId: z.string().optional(),
  sentAt: instant.optional(),
  language: languageSchema.optional(),
  reason: z.string().optional(),
  unreachable: unreachableReasonSchema.optional(),
  lastError: z.object({ status: z.number().int(), message: z.string(), at: instant }).optional(),
  createdAt: instant,
  finishedAt: instant,
});
export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;

/** The delivery record of an outbox record in a final state; the content stays behind. */
export function deliveryOf(r: OutboxRecord, now: Date): DeliveryRecord {
  if (r.status !== 'sent' && r.status !== 'failed' && r.status !== 'unreachable') throw new Error(`an outbox record in state ${r.status} has not finished`);
  return {
    id: r.id,
    pk: r.pk,
    kind: 'delivery',
    key: r.key,
    recipient: r.recipient,
    ...(r.bulk ? { bulk: r.bulk } : {}),
    status: r.status,
    attempts: r.attempts,
    ...(r.activityId ? { activityId: r.activityId } : {}),
    ...(r.sentAt ? { sentAt: r.sentAt } : {}),
    ...(r.language ? { language: r.language } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.unreachable ? { unreachable: r.unreachable } : {}),
    ...(r.lastError ? { lastError: r.lastError } : {}),
    createdAt: r.createdAt,
    finishedAt: now.toISOString(),
  };
}
