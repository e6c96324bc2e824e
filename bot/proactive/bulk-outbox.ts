import { z } from 'zod';
import { safeId, type DocumentCollection } from '../storage/document-collection';
import { isConflict } from '../storage/storage-errors';
import { bulkPageId, type BulkCursor, type BulkDocument, type BulkMessage } from './bulk-message';
import type { DueCollection } from './due-collection';
import { bilingualContentSchema } from './outbox-record';
import type { EnqueueResult } from './outbox-queue';
import { holidaySchema, nextAllowedInstant } from './quiet-hours';
import { languageSchema } from '../users/user-record';
import { SHARD_COUNT, shardOf } from './shard-key';

/** Recipients per page document: about 80 KB of user keys, far inside the 2 MB item limit. */
export const BULK_PAGE_SIZE = 1000;
/** At most this many cursors per message, so up to that many instances can share one message. */
export const BULK_MAX_PARTS = 4;

/** A message to many people, checked before anything is written. */
export const bulkMessageRequestSchema = z.object({
  /** Idempotency key of the whole message (e.g. `broadcast:{id}`). */
  key: z.string().min(1).max(150),
  /** User keys, or `conversationRecipient(…)` for channels and group chats; duplicates are sent once. */
  recipients: z.array(z.string().min(1)).min(1),
  content: bilingualContentSchema,
  /** The version channels and group chats get (default English); people get theirs. */
  language: languageSchema.optional(),
  notBefore: z.date().optional(),
  quietHours: z.boolean(),
  schoolHolidays: z.array(holidaySchema).optional(),
});
export type BulkMessageRequest = z.infer<typeof bulkMessageRequestSchema>;

/** A bulk cursor as the outbox container holds it. */
export type BulkCursorCollection = DueCollection<BulkCursor>;

/**
 * The front of the bulk lane: one message for many people is stored once (content, and its
 * recipients in pages) with a few cursors that the bulk sender works through at the
 * tenant's rate. The outbox holds only the cursors and, later, the retries of single
 * recipients, so a national message adds a handful of live documents, not one per person.
 */
export class BulkOutbox {
  constructor(
    private readonly documents: DocumentCollection<BulkDocument>,
    private readonly cursors: BulkCursorCollection,
    private readonly now: () => Date,
    private readonly shards: number = SHARD_COUNT,
    /** Told after each new message, so sending starts at once rather than at the next cycle. */
    private readonly onEnqueued: () => void = () => undefined,
  ) {}

  /** Stores the message once: a second call with the same key changes nothing. */
  async enqueue(request: BulkMessageRequest): Promise<EnqueueResult> {
    const m = bulkMessageRequestSchema.parse(request);
    const id = safeId(m.key);
    if (await this.documents.read(id, id)) return 'duplicate';
    const now = this.now();
    const recipients = [...new Set(m.recipients)];
    const pages = Math.ceil(recipients.length / BULK_PAGE_SIZE);
    // Pages first and cursors last: a cursor is what makes the message live, and by then all it points at exists.
    for (let p = 0; p < pages; p += 1) {
      await this.createOnce({ id: bulkPageId(p), pk: id, kind: 'bulk-page', recipients: recipients.slice(p * BULK_PAGE_SIZE, (p + 1) * BULK_PAGE_SIZE) });
    }
    const zero = { sent: 0, retrying: 0, unreachable: 0, failed: 0 };
    const message: BulkMessage = {
      id,
      pk: id,
      kind: 'bulk-message',
      key: m.key,
      content: m.content,
      ...(m.language ? { language: m.language } : {}),
      quietHours: m.quietHours,
      ...(m.schoolHolidays ? { schoolHolidays: m.schoolHolidays } : {}),
      recipients: recipients.length,
      pages,
      finishedParts: 0,
      figures: zero,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await this.createOnce(message);
    const notBefore = m.notBefore ?? now;
    const dueAt = (m.quietHours ? nextAllowedInstant(notBefore, m.schoolHolidays) : notBefore).toISOString();
    const parts = Math.min(BULK_MAX_PARTS, pages);
    for (let part = 0; part < parts; part += 1) {
      const key = `${m.key}#${part}`;
      try {
        await this.cursors.create({
          id: safeId(key),
          pk: shardOf(key, this.shards),
          kind: 'bulk-cursor',
          key,
          message: id,
          pages: Array.from({ length: pages }, (_, p) => p).filter((p) => p % parts === part),
          at: { page: 0, offset: 0 },
          status: 'pending',
          dueAt,
          resumed: false,
          figures: zero,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        });
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    this.onEnqueued();
    return 'enqueued';
  }

  /** The message with its figures so far, or undefined for an unknown key. */
  async get(key: string): Promise<BulkMessage | undefined> {
    const id = safeId(key);
    const found = (await this.documents.read(id, id))?.value;
    return found?.kind === 'bulk-message' ? found : undefined;
  }

  /** A crash between two writes of an earlier call leaves some written: writing them again is harmless. */
  private async createOnce(doc: BulkDocument): Promise<void> {
    try {
      await this.documents.create(doc);
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }
}
