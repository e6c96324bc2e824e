import type { DocumentCollection, Stored } from '../storage/document-collection';
import { updateDocument } from '../storage/update-document';
import type { UserRecord } from '../users/user-record';

/** What the engine last learnt about reaching a person (shown on their manager's team view). */
export type Reachability = NonNullable<UserRecord['reachability']>;

/**
 * Writes `status` on the person's user record if it differs from what is there, so a
 * manager sees who cannot be reached and why; eTag-safe (a turn writing the same document
 * at the same moment loses nothing). No document, nothing to note: the outbox record
 * still says why. One write at most, and none when nothing changed.
 */
export async function noteReachability(
  users: DocumentCollection<UserRecord>,
  known: Stored<UserRecord> | undefined,
  status: Reachability['status'],
  reason: string | undefined,
  now: Date,
): Promise<void> {
  if (!known) return;
  await updateDocument(
    users,
    known.value.id,
    known.value.pk,
    (user) => {
      if (!user) return undefined;
      const current = user.reachability;
      if (current?.status === status && current.reason === reason) return undefined;
      user.reachability = { status, ...(reason !== undefined ? { reason } : {}), at: now.toISOString() };
      user.updatedAt = now.toISOString();
      return user;
    },
    { stored: known },
  );
}
