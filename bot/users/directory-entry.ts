import { z } from 'zod';
import type { Store } from '../storage/store';
import { isConflict } from '../storage/storage-errors';
import { updateDocument } from '../storage/update-document';
import { safeId } from '../storage/document-collection';
import type { UserIdentity } from './user-record';

/**
 * "This email belongs to this person": one small document per tenant and email, in the
 * users container (its own partition, like a user's document), so an import resolves an
 * email with one point read. Written when Cefnogi first learns a person's email.
 */
export const directoryEntrySchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('directory'),
  tenantId: z.string(),
  email: z.string(),
  aadObjectId: z.string(),
  updatedAt: z.string(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

/** A plausible email or user principal name. */
export const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

/** The key (id and partition) of the entry for `email` in `tenantId`. */
export function directoryKey(tenantId: string, email: string): string {
  return safeId(`email:${tenantId.toLowerCase()}:${email.trim().toLowerCase()}`);
}

/**
 * Records that `email` is `person`'s: one create on the usual path; if the email was
 * someone else's before (an address reused), the entry moves to this person.
 */
export async function recordEmail(store: Pick<Store, 'directory'>, person: UserIdentity, email: string, now: Date): Promise<void> {
  const key = directoryKey(person.tenantId, email);
  const entry: DirectoryEntry = {
    id: key,
    pk: key,
    kind: 'directory',
    tenantId: person.tenantId.toLowerCase(),
    email: email.toLowerCase(),
    aadObjectId: person.aadObjectId.toLowerCase(),
    updatedAt: now.toISOString(),
  };
  try {
    await store.directory.create(entry);
  } catch (err) {
    if (!isConflict(err)) throw err;
    await updateDocument(store.directory, key, key, (current) => (current?.aadObjectId === entry.aadObjectId ? undefined : entry));
  }
}

/** The object id of the person whose email this is, if they have used Cefnogi. */
export async function personByEmail(store: Pick<Store, 'directory'>, tenantId: string, email: string): Promise<string | undefined> {
  const key = directoryKey(tenantId, email);
  return (await store.directory.read(key, key))?.value.aadObjectId;
}
