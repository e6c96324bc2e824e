import type { DocumentCollection } from '../storage/document-collection';
import { safeId } from '../storage/document-collection';
import { updateDocument } from '../storage/update-document';
import type { ConversationRecord } from '../users/conversation-record';
import type { ConversationRef } from '../users/conversation-ref';

/**
 * Records that Cefnogi is installed in a team or group chat, and says whether this is the
 * first notice of that install (so exactly one welcome is posted even when Teams sends
 * both an installationUpdate and a conversationUpdate for it).
 */
export async function claimTeamWelcome(
  conversations: DocumentCollection<ConversationRecord>,
  ref: ConversationRef,
  now: Date,
): Promise<boolean> {
  let claimed = false;
  await updateDocument(conversations, safeId(ref.conversationId), ref.tenantId, (current): ConversationRecord | undefined => {
    claimed = !current?.welcomedAt;
    if (!claimed && current?.installed) return undefined;
    return {
      id: safeId(ref.conversationId),
      pk: ref.tenantId,
      kind: 'conversation',
      ref,
      installed: true,
      welcomedAt: current?.welcomedAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    };
  });
  return claimed;
}

/** Marks a team or group chat as no longer having Cefnogi, so a reinstall is welcomed again. */
export async function recordTeamRemoval(
  conversations: DocumentCollection<ConversationRecord>,
  ref: ConversationRef,
  now: Date,
): Promise<void> {
  await updateDocument(conversations, safeId(ref.conversationId), ref.tenantId, (current) =>
    current ? { ...current, installed: false, welcomedAt: undefined, updatedAt: now.toISOString() } : undefined,
  );
}
