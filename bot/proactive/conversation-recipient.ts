import { safeId } from '../storage/document-collection';

/** What marks a recipient string as a channel or group chat rather than a person's user key. */
const PREFIX = 'conversation:';

/**
 * The recipient string for a team channel or group chat Cefnogi was added to, for the outbox
 * and for bulk messages beside people's user keys. It names the conversation's document in
 * `conversations` (partition: the tenant; id: the escaped conversation id), so the sender
 * finds its stored reference with one point read. A user key never starts with the prefix
 * (it starts with a tenant id), so the two kinds never collide.
 */
export function conversationRecipient(tenantId: string, conversationId: string): string {
  if (tenantId === '' || tenantId.includes(':')) throw new Error('a tenant id has no colon');
  if (conversationId === '') throw new Error('a conversation id is needed');
  return `${PREFIX}${tenantId}:${safeId(conversationId)}`;
}

/** Where a conversation recipient's document is; undefined for a person's user key. */
export function conversationDocumentOf(recipient: string): { id: string; pk: string } | undefined {
  if (!recipient.startsWith(PREFIX)) return undefined;
  const rest = recipient.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) return undefined;
  return { pk: rest.slice(0, colon), id: rest.slice(colon + 1) };
}
