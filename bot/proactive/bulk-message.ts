import { z } from 'zod';
import { leaseSchema } from './lease';
import { bilingualContentSchema } from './outbox-record';
import { holidaySchema } from './quiet-hours';
import { languageSchema } from '../users/user-record';

const instant = z.string().datetime();

/**
 * What became of a bulk message's recipients. `passedOver`: recipients a revision or resend
 * had nothing to do for (a revision: their copy of the original was never delivered; a
 * resend: the original reached them).
 */
const figuresSchema = z.object({
  sent: z.number().int(),
  retrying: z.number().int(),
  unreachable: z.number().int(),
  failed: z.number().int(),
  passedOver: z.number().int().default(0),
});

/**
 * A message to many people, in `bulk-messages`: its content stored once (each recipient's
 * copy is chosen in their language when it is sent), and figures the cursors add to as
 * they finish. `id` is the caller's key (escaped) and also the partition, which holds the
 * message and its recipient pages together.
 */
export const bulkMessageSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('bulk-message'),
  key: z.string(),
  content: bilingualContentSchema,
  /** The version of `content` channels and group chats get (they have no language of their own); absent: English. */
  language: languageSchema.optional(),
  quietHours: z.boolean(),
  schoolHolidays: z.array(holidaySchema).optional(),
  recipients: z.number().int().min(0),
  pages: z.number().int().min(0),
  /**
   * A revision (replaces every delivered copy of `of`) or a resend (sends again to those of
   * `of`'s recipients whose delivery failed or found them unreachable). It has no pages of its
   * own: it walks those in the partition `pages` (the first message's), and decides each
   * recipient by a point read of their delivery of `of` (`bulkDeliveryKey(of, recipient)`).
   */
  basedOn: z.object({ kind: z.enum(['revision', 'resend']), of: z.string(), pages: z.string() }).optional(),
  /** Cursors that have finished, and what they did. */
  finishedParts: z.number().int().min(0),
  figures: figuresSchema,
  createdAt: instant,
  updatedAt: instant,
});
export type BulkMessage = z.infer<typeof bulkMessageSchema>;

/** One page of a bulk message's recipients (user keys), in the message's partition. */
export const bulkPageSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('bulk-page'),
  recipients: z.array(z.string()),
});
export type BulkPage = z.infer<typeof bulkPageSchema>;

/** Either document of a bulk message's partition. */
export const bulkDocumentSchema = z.union([bulkMessageSchema, bulkPageSchema]);
export type BulkDocument = z.infer<typeof bulkDocumentSchema>;

/**
 * Where one part of a bulk message's sending has got to, live in the `outbox` container
 * (kind `bulk-cursor`) so the loop finds it with the same due query as a message: pending
 * while it waits, sending under a lease while an instance works through its pages. A bulk
 * message has up to a few cursors over disjoint pages, so instances can share the work.
 * The cursor is removed when its pages are done; nothing about a finished part stays live.
 */
export const bulkCursorSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('bulk-cursor'),
  key: z.string(),
  /** The bulk message's id. */
  message: z.string(),
  /** The page numbers this cursor owns, in order. */
  pages: z.array(z.number().int().min(0)),
  /** Index into `pages`, and the next recipient on that page. */
  at: z.object({ page: z.number().int().min(0), offset: z.number().int().min(0) }),
  status: z.enum(['pending', 'sending']),
  dueAt: instant,
  lease: leaseSchema.optional(),
  /** True once a claim has been abandoned: the recipients just after `at` may have been sent already and are checked first. */
  resumed: z.boolean(),
  figures: figuresSchema,
  createdAt: instant,
  updatedAt: instant,
});
export type BulkCursor = z.infer<typeof bulkCursorSchema>;
export type BulkFigures = BulkCursor['figures'];

/** The key of one recipient's delivery of a bulk message: the idempotency key of that pair. */
export function bulkDeliveryKey(bulkKey: string, recipient: string): string {
  return `${bulkKey}>${recipient}`;
}

/** No recipient yet: every figure at zero. */
export function noFigures(): BulkFigures {
  return { sent: 0, retrying: 0, unreachable: 0, failed: 0, passedOver: 0 };
}

/** The partition holding a message's recipient pages: its own, or the first message's for a revision or resend. */
export function pagesPartitionOf(message: BulkMessage): string {
  return message.basedOn?.pages ?? message.id;
}

/** The page document's id. */
export function bulkPageId(page: number): string {
  return `page-${page}`;
}
