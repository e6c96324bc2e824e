import { z } from 'zod';
import { safeId, type DocumentCollection } from '../storage/document-collection';
import { isConflict } from '../storage/storage-errors';
import type { DeliveryRecord } from './delivery-record';
import type { DueCollection } from './due-collection';
import { bilingualContentSchema, laneSchema, type OutboxRecord } from './outbox-record';
import { holidaySchema, nextAllowedInstant } from './quiet-hours';
import { languageSchema } from '../users/user-record';
import { SHARD_COUNT, shardOf } from './shard-key';

/** A message a feature wants delivered; checked before anything is written. */
export const outboxMessageSchema = z.object({
  /** Idempotency key: the same key twice is one message (e.g. `review-14d:{cycle}:{user}`). */
  key: z
    .string()
    .min(1)
    .refine((key) => safeId(key).length <= 255, { message: 'a key must fit a Cosmos id (255 characters once escaped)' }),
  /** `userKey(identity)` of the person it is for, or `conversationRecipient(tenantId, conversationId)` for a channel or group chat. */
  recipient: z.string().min(1),
  content: bilingualContentSchema,
  /** For a channel or group chat, which has no language of its own: the version of `content` it gets. Default English; ignored for a person. */
  language: languageSchema.optional(),
  /** Not before this instant (default: now). */
  notBefore: z.date().optional(),
  /** True for prompts: never at night, at weekends or in the given holidays. */
  quietHours: z.boolean(),
  /** The recipient school's holidays, resolved by the caller. */
  schoolHolidays: z.array(holidaySchema).optional(),
  /** Default personal: notices, prompts, sign-offs. A message sent to many people one by one says bulk, and goes after personal ones. */
  lane: laneSchema.optional(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** A replacement for a message already delivered; checked before anything is written. */
export const outboxUpdateSchema = z.object({
  /** Idempotency key of the update itself (e.g. `notice-edit:{id}:{version}`). */
  key: outboxMessageSchema.shape.key,
  /** The outbox key of the message to replace. */
  of: z.string().min(1),
  /** The new content; the copy goes in the language the original went in. */
  content: bilingualContentSchema,
  /** Default false: an edit or a withdrawal should not wait for the morning. */
  quietHours: z.boolean().optional(),
});
export type OutboxUpdate = z.infer<typeof outboxUpdateSchema>;

/** Where a message has got to, whether it still waits in the outbox or has finished. */
export type MessageState = Pick<OutboxRecord, 'key' | 'recipient' | 'status' | 'attempts'> & Partial<OutboxRecord>;

/** What `enqueue` did: wrote the message, or found one with the same key (and left it). */
export type EnqueueResult = 'enqueued' | 'duplicate';

/**
 * The front of the proactive engine: features write a message here and are done; the
 * sender delivers it later, even if this instance dies first. The write is the only thing
 * that has to succeed inside a user's turn (one round trip).
 */
export class Outbox {
  constructor(
    private readonly records: DueCollection<OutboxRecord>,
    private readonly deliveries: DocumentCollection<DeliveryRecord>,
    private readonly now: () => Date,
    private readonly shards: number = SHARD_COUNT,
    /** Told after each new message, so the sender can go at once. */
    private readonly onEnqueued: () => void = () => undefined,
  ) {}

  /** Stores the message once: a second call with the same key changes nothing. */
  async enqueue(message: OutboxMessage): Promise<EnqueueResult> {
    const m = outboxMessageSchema.parse(message);
    const now = this.now();
    const notBefore = m.notBefore ?? now;
    const dueAt = m.quietHours ? nextAllowedInstant(notBefore, m.schoolHolidays) : notBefore;
    const record: OutboxRecord = {
      id: safeId(m.key),
      pk: shardOf(m.key, this.shards),
      kind: 'outbox-message',
      key: m.key,
      recipient: m.recipient,
      content: m.content,
      notBefore: notBefore.toISOString(),
      quietHours: m.quietHours,
      ...(m.schoolHolidays ? { schoolHolidays: m.schoolHolidays } : {}),
      ...(m.lane === 'bulk' ? { lane: m.lane } : {}),
      ...(m.language ? { language: m.language } : {}),
      status: 'pending',
      dueAt: dueAt.toISOString(),
      attempts: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    return this.store(record);
  }

  /**
   * Replaces what the message `of` delivered with `content`, in the language it went in,
   * paced and retried like a send, idempotent by `key`. An update of a message still waiting
   * waits for it; one of a message never delivered (unknown, failed, unreachable) ends
   * `failed` with reason `not-delivered`.
   */
  async enqueueUpdate(update: OutboxUpdate): Promise<EnqueueResult> {
    const u = outboxUpdateSchema.parse(update);
    const now = this.now();
    // The recipient is copied for whoever reads the record; the sender goes by the original's delivery.
    const original = (await this.get(u.of))?.recipient ?? '';
    const quietHours = u.quietHours ?? false;
    return this.store({
      id: safeId(u.key),
      pk: shardOf(u.key, this.shards),
      kind: 'outbox-message',
      key: u.key,
      recipient: original,
      content: u.content,
      updates: u.of,
      notBefore: now.toISOString(),
      quietHours,
      status: 'pending',
      dueAt: (quietHours ? nextAllowedInstant(now) : now).toISOString(),
      attempts: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  }

  private async store(record: OutboxRecord): Promise<EnqueueResult> {
    try {
      // A message that has already finished is not sent again either.
      if (await this.deliveries.read(record.id, record.pk)) return 'duplicate';
      await this.records.create(record);
      this.onEnqueued();
      return 'enqueued';
    } catch (err) {
      if (isConflict(err)) return 'duplicate';
      throw err;
    }
  }

  /** Where the message has got to (status, activity id, reason), or undefined for an unknown key. */
  async get(key: string): Promise<MessageState | undefined> {
    const id = safeId(key);
    const pk = shardOf(key, this.shards);
    const live = await this.records.read(id, pk);
    if (live) return live.value;
    const finished = (await this.deliveries.read(id, pk))?.value;
    if (!finished) return undefined;
    const { kind: _kind, id: _id, pk: _pk, bulk: _bulk, createdAt: _c, finishedAt: _f, ...state } = finished;
    return state;
  }
}
