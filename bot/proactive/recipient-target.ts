import { resolveLanguage } from '../i18n/resolve-language';
import type { DocumentCollection, Stored } from '../storage/document-collection';
import type { ConversationRecord } from '../users/conversation-record';
import type { ConversationRef } from '../users/conversation-ref';
import type { Language, UserRecord } from '../users/user-record';
import { conversationDocumentOf } from './conversation-recipient';
import type { UnreachableReason } from './outbox-record';

/** Where a recipient's messages go, or why they cannot. */
export type RecipientTarget =
  | {
      reachable: true;
      ref: ConversationRef;
      /** The person's language (their choice, else a Welsh Teams locale, else English); absent for a channel or group chat, which has none. */
      language?: Language;
      /** Whether the person reads Welsh and English together (their cards Welsh first, English beneath). */
      bothLanguages?: boolean;
      /** The person's document, for the reachability note; absent for a conversation. */
      user?: Stored<UserRecord>;
    }
  | { reachable: false; why: UnreachableReason; reason: string; user?: Stored<UserRecord> };

/** The containers a recipient string is looked up in. */
export interface RecipientSources {
  users: DocumentCollection<UserRecord>;
  conversations: DocumentCollection<ConversationRecord>;
}

const NO_PERSON = 'no conversation with this person: Cefnogi is not installed for them, or they have never used it';
const NO_CONVERSATION = 'Cefnogi has no record of this channel or group chat';
const UNINSTALLED = 'Cefnogi was removed from this channel or group chat';

/**
 * Resolves a recipient string with one point read: a person's user key reads their user
 * document, a `conversationRecipient(…)` reads the conversation's document (an uninstalled
 * one is unreachable, `not-installed`).
 */
export async function resolveRecipient(sources: RecipientSources, recipient: string): Promise<RecipientTarget> {
  const conversation = conversationDocumentOf(recipient);
  if (conversation) {
    const found = (await sources.conversations.read(conversation.id, conversation.pk))?.value;
    if (!found) return { reachable: false, why: 'no-conversation', reason: NO_CONVERSATION };
    if (!found.installed) return { reachable: false, why: 'not-installed', reason: UNINSTALLED };
    return { reachable: true, ref: found.ref };
  }
  const user = await sources.users.read(recipient, recipient);
  const ref = user?.value.conversation;
  if (!user || !ref) return { reachable: false, why: 'no-conversation', reason: NO_PERSON, ...(user ? { user } : {}) };
  return { reachable: true, ref, language: resolveLanguage(user.value.language, ref.locale), ...(user.value.bothLanguages ? { bothLanguages: true } : {}), user };
}

/** The language a message goes in: the person's own, else the one the message was asked in (a conversation's), else English. */
export function languageFor(target: { language?: Language }, requested: Language | undefined): Language {
  return target.language ?? requested ?? 'en';
}
