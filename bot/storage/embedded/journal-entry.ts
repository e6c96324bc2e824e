import { z } from 'zod';

const name = z.string().min(1);

/** A document as kept on disk: a JSON object with a string id, without system properties. */
const documentSchema = z.object({ id: z.string() }).passthrough();
/** A saved document: its id and whatever else the application stored. */
export type StoredDocument = z.infer<typeof documentSchema>;

/** A container definition as the server answered it (id, partitionKey, indexingPolicy…). */
const containerSchema = z
  .object({
    id: name,
    partitionKey: z.object({ paths: z.array(z.string()).min(1) }).passthrough().optional(),
    indexingPolicy: z.object({}).passthrough().optional(),
  })
  .passthrough();
/** A saved container definition, handed back to the server unchanged on restore. */
export type ContainerRecord = z.infer<typeof containerSchema>;

/**
 * One change to the store, as a line of the journal or an entry of the snapshot. Every
 * operation overwrites (a put sets the whole value, a delete removes it), so replaying on
 * a snapshot entries it already includes leaves it as it was: the last write to each thing
 * still wins. That is what makes a crash in the middle of a compaction harmless.
 */
export const journalEntrySchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('putDatabase'), db: name }),
  z.object({ op: z.literal('deleteDatabase'), db: name }),
  z.object({ op: z.literal('putContainer'), db: name, container: containerSchema }),
  z.object({ op: z.literal('deleteContainer'), db: name, coll: name }),
  z.object({ op: z.literal('putDoc'), db: name, coll: name, doc: documentSchema }),
  // pk: the partition key value the server identified the document by (absent: none).
  z.object({ op: z.literal('deleteDoc'), db: name, coll: name, id: z.string(), pk: z.unknown() }),
]);
/** One saved change (see journalEntrySchema). */
export type JournalEntry = z.infer<typeof journalEntrySchema>;

const DOCUMENT_SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_attachments', '_ts'];
const CONTAINER_SYSTEM_PROPERTIES = [...DOCUMENT_SYSTEM_PROPERTIES, '_docs', '_sprocs', '_triggers', '_udfs', '_conflicts'];

/**
 * The object without the properties the server assigns (ids, eTag, timestamp). They are
 * regenerated on restore, so keeping them would only make the files bigger and suggest an
 * eTag survives a restart (it does not: a write with a pre-restart eTag gets 412).
 */
export function withoutSystemProperties(value: Record<string, unknown>, kind: 'document' | 'container'): Record<string, unknown> {
  const drop = kind === 'document' ? DOCUMENT_SYSTEM_PROPERTIES : CONTAINER_SYSTEM_PROPERTIES;
  const copy: Record<string, unknown> = { ...value };
  for (const key of drop) delete copy[key];
  return copy;
}

/** Parses an entry, throwing zod's error: used where a bad entry is our own bug. */
export function parseJournalEntry(value: unknown): JournalEntry {
  return journalEntrySchema.parse(value);
}

/** zod's first complaint as one short line, e.g. `doc.id: Required`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return `${issue.path.join('.') || '(entry)'}: ${issue.message}`;
}
