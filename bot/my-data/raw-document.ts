import { z } from 'zod';

/** Any stored document, read as it is: the download shows it whole and erasure only needs its keys. */
export const rawDocumentSchema = z.object({ id: z.string(), pk: z.string() }).passthrough();
export type RawDocument = z.infer<typeof rawDocumentSchema>;
