import { z } from 'zod';

const offerContext = z.object({ offerId: z.string().uuid() }).passthrough();

const uploadInfoSchema = z
  .object({
    name: z.string().min(1).max(400),
    uploadUrl: z.string().url().max(8192),
    contentUrl: z.string().url().max(4096),
    uniqueId: z.string().min(1).max(256),
    fileType: z.string().min(1).max(32),
    etag: z.union([z.string(), z.number()]).optional(),
  })
  .passthrough();
export type AcceptedUpload = z.infer<typeof uploadInfoSchema>;

/**
 * The value of a `fileConsent/invoke`, as Teams sends it when the person answers a file
 * consent card: on accept, where to put the bytes (a OneDrive upload session); on decline,
 * nothing but the context we gave the card. Anything else is refused before it is used.
 */
export const fileConsentValueSchema = z.discriminatedUnion('action', [
  z.object({ type: z.literal('fileUpload').optional(), action: z.literal('accept'), context: offerContext, uploadInfo: uploadInfoSchema }).passthrough(),
  z.object({ type: z.literal('fileUpload').optional(), action: z.literal('decline'), context: offerContext }).passthrough(),
]);
export type FileConsentValue = z.infer<typeof fileConsentValueSchema>;
