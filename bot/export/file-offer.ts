import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';

/** The two kinds of file Cefnogi hands out. */
export const exportContentTypeSchema = z.enum(['text/csv', 'application/json']);
export type ExportContentType = z.infer<typeof exportContentTypeSchema>;

/**
 * The largest file one offer holds. The bytes travel base64 inside one Cosmos document
 * (2 MB at most, counted as JSON): 1 MiB becomes about 1.4 MB, leaving room for the rest.
 */
export const MAX_FILE_BYTES = 1024 * 1024;
/** How long an offer waits for the person to accept it. */
export const OFFER_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** How long one accept may hold the offer while it uploads, before another accept may try. */
export const UPLOAD_LEASE_MS = 60 * 1000;
/** Offers one person may have waiting; a new one beyond that replaces the oldest. */
export const MAX_WAITING_OFFERS = 3;

/**
 * A file waiting for its person to accept it in Teams: one document per offer, in the
 * person's own partition (their user key), so an accept reaching any instance, before or
 * after a restart, finds it with one point read, and another person's accept cannot.
 * Deleted once uploaded or declined; `ttl` lets Cosmos remove one nobody answered.
 */
export const fileOfferSchema = z.object({
  id: z.string().uuid(),
  pk: z.string(),
  kind: z.literal('file-offer'),
  tenantId: z.string(),
  aadObjectId: z.string(),
  name: z.string(),
  contentType: exportContentTypeSchema,
  size: z.number().int().min(1).max(MAX_FILE_BYTES),
  /** The file itself, base64. */
  bytes: z.string(),
  status: z.enum(['offered', 'uploading']),
  /** While `uploading`: until when this accept holds the offer. */
  leaseUntil: z.string().optional(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** Seconds after the last write that Cosmos deletes the document (the embedded store ignores it). */
  ttl: z.number().int().positive(),
});
export type FileOffer = z.infer<typeof fileOfferSchema>;

/** Whether an offer can still be accepted at `now`. */
export function isLive(offer: FileOffer, now: Date): boolean {
  return Date.parse(offer.expiresAt) > now.getTime();
}

/** Where offers are kept: the `file-offers` container, in their person's partition. */
export const fileOffersCollection = collectionSpec('fileOffers', fileOfferSchema);
