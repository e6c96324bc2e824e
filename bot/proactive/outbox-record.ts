import { z } from 'zod';
import { languageSchema } from '../users/user-record';
import { leaseSchema } from './lease';
import { holidaySchema } from './quiet-hours';

/**
 * An attachment other than an Adaptive Card, as Teams takes it: a file consent card is the
 * one in use, so a file offered by a background job reaches the person's personal chat.
 */
export const otherAttachmentSchema = z.object({
  contentType: z.string().min(1),
  name: z.string().optional(),
  content: z.record(z.unknown()),
});

/**
 * What one person sees: text, an Adaptive Card (its JSON, already rendered), other
 * attachments (a file consent card), or several of these.
 * Plain data, so the engine never depends on the Bot Framework's types.
 */
export const payloadSchema = z
  .object({
    text: z.string().min(1).optional(),
    card: z.record(z.unknown()).optional(),
    attachments: z.array(otherAttachmentSchema).min(1).max(1).optional(),
  })
  .refine((p) => p.text !== undefined || p.card !== undefined || p.attachments !== undefined, { message: 'a message needs text, a card or an attachment' });
export type Payload = z.infer<typeof payloadSchema>;

/**
 * Every proactive message is written in Welsh and English; the sender picks the
 * recipient's language when it sends, so a change of language before then is honoured.
 */
export const bilingualContentSchema = z.object({ en: payloadSchema, cy: payloadSchema });
export type BilingualContent = z.infer<typeof bilingualContentSchema>;

/** pending → sending (leased) → sent | failed | unreachable; 'sending' returns to pending on retry. */
export const outboxStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'unreachable']);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

/** Statuses the sender still has work for. */
export const OPEN_OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending'];

/** Why a person could not be reached; the same words go on their user record. */
export const unreachableReasonSchema = z.enum(['no-conversation', 'not-installed', 'blocked']);
export type UnreachableReason = z.infer<typeof unreachableReasonSchema>;

const instant = z.string().datetime();

/**
 * Which lane a message travels in: personal messages (notices, prompts, sign-offs) go before
 * bulk ones (broadcasts, digests, reminders to many) within the tenant's budget.
 */
export const laneSchema = z.enum(['personal', 'bulk']);
export type Lane = z.infer<typeof laneSchema>;

/**
 * One proactive message in the `outbox` container. `id` is the caller's idempotency key
 * (escaped), `pk` a shard of it. `dueAt` is when the sender should next look at it: for
 * 'pending' when to (re)try, for 'sending' when the lease runs out; so one indexed query
 * (`status IN (pending, sending) AND dueAt <= now`) finds both new work and abandoned work.
 */
/** The fields of an outbox record (the finished delivery keeps some of them). */
export const outboxRecordShape = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('outbox-message'),
  /** The caller's key, unescaped. */
  key: z.string(),
  /** The user key (`userKey(identity)`) of the person it is for. */
  recipient: z.string(),
  /** What to send; absent when the record is one recipient of a bulk message, whose content is stored once with it. */
  content: bilingualContentSchema.optional(),
  /** The bulk message (its id in `bulk-messages`) this record retries for one recipient. */
  bulk: z.string().optional(),
  /**
   * Set on an update: the outbox key of the message whose delivered activity this one
   * replaces (its delivery record holds the activity id and the language it went in).
   */
  updates: z.string().optional(),
  /** Absent: personal. */
  lane: laneSchema.optional(),
  notBefore: instant,
  /** Prompts obey quiet hours (no nights, weekends or school holidays); urgent notices may not. */
  quietHours: z.boolean(),
  schoolHolidays: z.array(holidaySchema).optional(),
  status: outboxStatusSchema,
  dueAt: instant,
  /** Send attempts made (a claim that never reached the connector is not one). */
  attempts: z.number().int().min(0),
  lease: leaseSchema.optional(),
  /** The Teams activity id, so a message can later be updated or withdrawn. */
  activityId: z.string().optional(),
  sentAt: instant.optional(),
  /**
   * The language it went out in. Before then, for a channel or group chat (which has no
   * language of its own), the language it was asked to go in.
   */
  language: languageSchema.optional(),
  /** Why it failed or is unreachable, in words for an administrator. */
  reason: z.string().optional(),
  unreachable: unreachableReasonSchema.optional(),
  lastError: z.object({ status: z.number().int(), message: z.string(), at: instant }).optional(),
  createdAt: instant,
  updatedAt: instant,
});

/** An outbox record as stored; one with neither content nor bulk message is refused. */
export const outboxRecordSchema = outboxRecordShape.refine((r) => r.content !== undefined || r.bulk !== undefined, {
  message: 'an outbox record needs its content or its bulk message',
});
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;
