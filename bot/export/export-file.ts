import { z } from 'zod';
import { exportContentTypeSchema, MAX_FILE_BYTES } from './file-offer';

const extensionOf = { 'text/csv': '.csv', 'application/json': '.json' } as const;

/**
 * What a capability hands to `offerFile`: a finished file and a line saying what it is, in
 * both languages (the person may switch before they accept). The name becomes the file's
 * name in their OneDrive, so it is kept to plain characters and must end as its type does.
 */
export const exportFileSchema = z
  .object({
    name: z
      .string()
      .min(5)
      .max(100)
      .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'letters, digits, spaces, dots, hyphens and underscores only'),
    contentType: exportContentTypeSchema,
    bytes: z.instanceof(Buffer).refine((b) => b.length > 0, 'the file is empty'),
    description: z.object({ en: z.string().min(1).max(500), cy: z.string().min(1).max(500) }),
  })
  .refine((f) => f.name.toLowerCase().endsWith(extensionOf[f.contentType]), {
    message: 'the name must end with .csv for text/csv and .json for application/json',
    path: ['name'],
  });
export type ExportFile = z.infer<typeof exportFileSchema>;

/** Whether the file fits in one offer. */
export function fitsInOneOffer(file: ExportFile): boolean {
  return file.bytes.length <= MAX_FILE_BYTES;
}
