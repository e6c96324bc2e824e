import { z } from 'zod';
import { safeId, type DocumentCollection } from '../storage/document-collection';
import { isConflict } from '../storage/storage-errors';
import { bulkPageId, noFigures, pagesPartitionOf, type BulkCursor, type BulkDocument, type BulkMessage } from './bulk-message';
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

/** A replacement of every delivered copy of a bulk message. */
export const bulkRevisionRequestSchema = z.object({
  /** Idempotency key of the revision (e.g. `broadcast-edit:{id}:{version}`, `broadcast-withdraw:{id}`). */
  key: z.string().min(1).max(150),
  /** The bulk message whose copies are replaced. */
  of: z.string().min(1),
  content: bilingualContentSchema,
});
export type BulkRevisionRequest = z.infer<typeof bulkRevisionRequestSchema>;

/** Another try for the recipients a bulk message did not reach. */
export const bulkResendRequestSchema = z.object({
  key: z.string().min(1).max(150),
  of: z.string().min(1),
});
export type BulkResendRequest = z.infer<typeof bulkResendRequestSchema>;

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
      figures: noFigures(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await this.createOnce(message);
    const notBefore = m.notBefore ?? now;
    await this.startCursors(message, m.quietHours ? nextAllowedInstant(notBefore, m.schoolHolidays) : notBefore);
    return 'enqueued';
  }

  /**
   * Replaces every delivered copy of bulk message `of` with `content` (an edit, or a
   * withdrawal: a revision to a short notice), each in the language it went in, over the
   * activity it made. It goes in the bulk lane at the shared budget, resumable after a crash
   * like a send, and works from `of`'s recipient pages and a point read of each recipient's
   * delivery: recipients never delivered are passed over. Idempotent by `key`. A revision of
   * a revision replaces the first message's copies again. Throws for an unknown `of`.
   */
  async enqueueRevision(request: BulkRevisionRequest): Promise<EnqueueResult> {
    const r = bulkRevisionRequestSchema.parse(request);
    const of = await this.mustGet(r.of);
    // The copies to replace are the first message's: a revision of a revision edits them again.
    const first = of.basedOn?.kind === 'revision' ? of.basedOn.of : of.key;
    return this.derive(r.key, of, { kind: 'revision', of: first, pages: pagesPartitionOf(of) }, r.content, false);
  }

  /**
   * Sends `of`'s content again to those of its recipients whose delivery ended `failed` or
   * `unreachable` (now reachable, perhaps: the app installed since), as a new bulk message
   * under `key` with its own deliveries and figures; the others are passed over. Idempotent
   * by `key`. Throws for an unknown `of`.
   */
  async enqueueResend(request: BulkResendRequest): Promise<EnqueueResult> {
    const r = bulkResendRequestSchema.parse(request);
    const of = await this.mustGet(r.of);
    return this.derive(r.key, of, { kind: 'resend', of: of.key, pages: pagesPartitionOf(of) }, of.content, of.quietHours);
  }

  private async derive(key: string, of: BulkMessage, basedOn: NonNullable<BulkMessage['basedOn']>, content: BulkMessage['content'], quietHours: boolean): Promise<EnqueueResult> {
    const id = safeId(key);
    if (await this.documents.read(id, id)) return 'duplicate';
    const now = this.now();
    const message: BulkMessage = {
      id,
      pk: id,
      kind: 'bulk-message',
      key,
      content,
      ...(of.language ? { language: of.language } : {}),
      quietHours,
      ...(of.schoolHolidays ? { schoolHolidays: of.schoolHolidays } : {}),
      recipients: of.recipients,
      pages: of.pages,
      basedOn,
      finishedParts: 0,
      figures: noFigures(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await this.createOnce(message);
    await this.startCursors(message, quietHours ? nextAllowedInstant(now, of.schoolHolidays) : now);
    return 'enqueued';
  }

  /** Up to BULK_MAX_PARTS cursors over disjoint pages: what makes the message live. */
  private async startCursors(message: BulkMessage, due: Date): Promise<void> {
    const now = this.now().toISOString();
    const parts = Math.min(BULK_MAX_PARTS, message.pages);
    for (let part = 0; part < parts; part += 1) {
      const key = `${message.key}#${part}`;
      try {
        await this.cursors.create({
          id: safeId(key),
          pk: shardOf(key, this.shards),
          kind: 'bulk-cursor',
          key,
          message: message.id,
          pages: Array.from({ length: message.pages }, (_, p) => p).filter((p) => p % parts === part),
          at: { page: 0, offset: 0 },
          status: 'pending',
          dueAt: due.toISOString(),
          resumed: false,
          figures: noFigures(),
          createdAt: now,
          updatedAt: now,
        });
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    this.onEnqueued();
  }

  private async mustGet(key: string): Promise<BulkMessage> {
    const found = await this.get(key);
    if (!found) throw new Error(`there is no bulk message with key ${key}`);
    return found;
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
