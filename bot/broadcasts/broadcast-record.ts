import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';
import { holidaySchema } from '../proactive/quiet-hours';

/** One language version of a broadcast: what its recipients in that language read. */
export const broadcastVersionSchema = z.object({
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(4000),
});
export type BroadcastVersion = z.infer<typeof broadcastVersionSchema>;

/**
 * Who a broadcast goes to, always inside the author's scope (checked again at send):
 * everyone they administer, one local authority, or chosen schools; their confirmed members,
 * narrowed by job family and NJC level when any are chosen.
 */
export const broadcastAudienceSchema = z.object({
  kind: z.enum(['scope', 'la', 'schools']),
  laId: z.string().max(100).optional(),
  schoolIds: z.array(z.string().max(100)).max(50).default([]),
  familyIds: z.array(z.string().max(100)).max(20).default([]),
  levels: z.array(z.number().int().min(1).max(6)).max(6).default([]),
  /** Also the General channel of each chosen school's linked team. */
  channels: z.boolean().default(false),
});
export type BroadcastAudience = z.infer<typeof broadcastAudienceSchema>;

/**
 * An administrator's broadcast: a draft until sent, then the record of what went, to how
 * many, and when. Kept in the tenant's partition of `broadcasts` (id = a random UUID), so an
 * author's list is one partition read; a sent one is never removed (its reads hang off it).
 */
export const broadcastRecordSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('broadcast'),
  tenantId: z.string(),
  authorId: z.string(),
  authorName: z.string().max(100).optional(),
  status: z.enum(['draft', 'sent']),
  en: broadcastVersionSchema,
  cy: broadcastVersionSchema,
  link: z.string().max(500).optional(),
  confirmRead: z.boolean(),
  readBy: z.string().optional(),
  /** Remind those who have not confirmed after this many school days. */
  remindAfterDays: z.number().int().min(1).max(10).optional(),
  audience: broadcastAudienceSchema,
  urgent: z.boolean(),
  /** When to send (ISO instant); absent: at once. */
  sendAt: z.string().optional(),
  /** How many people it was sent to, fixed when Send was pressed. */
  recipients: z.number().int().min(0).optional(),
  sentAt: z.string().optional(),
  /** 1 as first sent; each correction adds one. */
  version: z.number().int().min(1).default(1),
  editedAt: z.string().optional(),
  /** A correction previewed and not yet saved: the sent versions stay as they are until Save. */
  pendingEdit: z.object({ en: broadcastVersionSchema, cy: broadcastVersionSchema, link: z.string().max(500).optional() }).optional(),
  /** The one chosen school's holidays, fixed at Send: sending and reminders keep off them. */
  schoolHolidays: z.array(holidaySchema).max(30).optional(),
  /** How many times it was sent again to those not reached: resend N is its own bulk message. */
  resends: z.number().int().min(0).default(0),
  /** Who withdrew it and when: every delivered card then shows a short notice instead. */
  withdrawn: z.object({ byName: z.string().max(100).optional(), at: z.string() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BroadcastRecord = z.infer<typeof broadcastRecordSchema>;

/**
 * That one person confirmed they read one broadcast. The id is their user key, the partition
 * the broadcast's, so pressing twice finds the first and writes nothing, and a broadcast's
 * readers are one partition read.
 */
export const broadcastReadSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('broadcast-read'),
  broadcastId: z.string(),
  readAt: z.string(),
  /** The version the person confirmed: a correction later keeps what they read. */
  version: z.number().int().min(1).default(1),
});
export type BroadcastRead = z.infer<typeof broadcastReadSchema>;

export const broadcastsCollection = collectionSpec('broadcasts', broadcastRecordSchema);
export const broadcastReadsCollection = collectionSpec('broadcasts', broadcastReadSchema);

/** The tenant's partition, where its broadcasts live. */
export function broadcastsPartition(tenantId: string): string {
  return `tenant:${tenantId.toLowerCase()}`;
}

/** One broadcast's partition, where its reads live. */
export function readsPartition(tenantId: string, broadcastId: string): string {
  return `reads:${tenantId.toLowerCase()}:${broadcastId}`;
}

/** The bulk messages that carried it: the first send, then each resend to those not reached. */
export function broadcastBulkKeys(record: Pick<BroadcastRecord, 'tenantId' | 'id' | 'resends'>): string[] {
  const first = broadcastBulkKey(record.tenantId, record.id);
  return [first, ...Array.from({ length: record.resends }, (_, i) => `${first}:resend-${i + 1}`)];
}

/** The bulk message's idempotency key: one broadcast is one bulk message, however often Send is pressed. */
export function broadcastBulkKey(tenantId: string, broadcastId: string): string {
  return `broadcast:${tenantId.toLowerCase()}:${broadcastId}`;
}
