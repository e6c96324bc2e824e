/**
 * Every container Cefnogi uses, with its partition key. The key is chosen so each hot
 * path reads one partition; see bot/storage/README.md for the model.
 */
export const containerDefinitions = {
  /** One document per person; partition = the person's key, so a turn touches one partition. */
  users: { id: 'users', partitionKey: '/pk' },
  /** Team channels and group chats the bot is in; partition = tenant. */
  conversations: { id: 'conversations', partitionKey: '/pk' },
  /** Proactive messages waiting, in flight or done; partition = a shard of the idempotency key. */
  outbox: { id: 'outbox', partitionKey: '/pk' },
  /** Scheduled work (reminders, digests); partition = a shard of the job key. */
  jobs: { id: 'jobs', partitionKey: '/pk' },
  /** Who names whom as line manager; partition = the manager's user key, so a team view reads one partition. */
  teamLinks: { id: 'team-links', partitionKey: '/pk' },
  /** One document per school (its own induction items, contacts, policy links); partition = the school. */
  schools: { id: 'schools', partitionKey: '/pk' },
  /** Who belongs to a school, confirmed or awaiting confirmation; partition = the school, so its staff is one partition read. */
  memberships: { id: 'memberships', partitionKey: '/pk' },
  /** Local-authority and school administrators; partition = tenant, so a scope's role holders are one partition read. */
  roles: { id: 'roles', partitionKey: '/pk' },
  /** Every administrative act, done or refused; partition = tenant, read newest first in pages. */
  audit: { id: 'audit', partitionKey: '/pk' },
  /** Files waiting for their person to accept them in Teams; partition = that person's user key. Offers carry a `ttl`. */
  fileOffers: { id: 'file-offers', partitionKey: '/pk', defaultTtl: -1 },
} as const;

export type ContainerName = keyof typeof containerDefinitions;
