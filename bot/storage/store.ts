import type { DocumentCollection, Keyed } from './document-collection';
import type { CollectionSpec } from './collection-spec';
import type { ConversationRecord } from '../users/conversation-record';
import type { TeamLink } from '../users/team-link';
import type { SchoolSettings } from '../school/school-settings';
import type { UserRecord } from '../users/user-record';
import type { DirectoryEntry } from '../users/directory-entry';
import type { DueCollection } from '../proactive/due-collection';
import type { OutboxRecord } from '../proactive/outbox-record';
import type { SchedulerJobRecord } from '../proactive/scheduler-job-record';
import type { ProactiveStore } from '../proactive/proactive-engine';

/** The storage Cefnogi runs on: one collection per container, plus liveness and shutdown. */
export interface Store extends ProactiveStore {
  users: DocumentCollection<UserRecord>;
  conversations: DocumentCollection<ConversationRecord>;
  teamLinks: DocumentCollection<TeamLink>;
  /** Proactive messages (see bot/proactive/README.md). */
  outbox: DueCollection<OutboxRecord>;
  /** Scheduled work (see bot/proactive/README.md). */
  jobs: DueCollection<SchedulerJobRecord>;
  schools: DocumentCollection<SchoolSettings>;
  /** Email to person, one small document per tenant and email, kept in the users container. */
  directory: DocumentCollection<DirectoryEntry>;
  /** A capability's own collection (declared in its folder with `collectionSpec`). */
  collection<T extends Keyed>(spec: CollectionSpec<T>): DocumentCollection<T>;
  /** Resolves when the store answers; used by /healthz. */
  ping(): Promise<void>;
  /** Flushes what must survive and releases connections. */
  close(): Promise<void>;
}
