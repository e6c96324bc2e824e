import type { DocumentCollection } from './document-collection';
import type { ConversationRecord } from '../users/conversation-record';
import type { TeamLink } from '../users/team-link';
import type { UserRecord } from '../users/user-record';

/** The storage Cefnogi runs on: one collection per container, plus liveness and shutdown. */
export interface Store {
  users: DocumentCollection<UserRecord>;
  conversations: DocumentCollection<ConversationRecord>;
  teamLinks: DocumentCollection<TeamLink>;
  /** Resolves when the store answers; used by /healthz. */
  ping(): Promise<void>;
  /** Flushes what must survive and releases connections. */
  close(): Promise<void>;
}
