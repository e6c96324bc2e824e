/**
 * Every container Cefnogi uses, with its partition key. `defaultTtl: -1` on each: nothing
 * expires unless a finished record carries its own `ttl` (bot/retention/). The key is chosen so each hot
 * path reads one partition; see bot/storage/README.md for the model.
 */
export const containerDefinitions = {
  /** One document per person; partition = the person's key, so a turn touches one partition. */
  users: { id: 'users', partitionKey: '/pk', defaultTtl: -1 },
  /** Team channels and group chats the bot is in; partition = tenant. */
  conversations: { id: 'conversations', partitionKey: '/pk', defaultTtl: -1 },
  /**
   * Live proactive work only: messages waiting or in flight, and the cursors of bulk messages
   * being sent; partition = a shard of the idempotency key. Finished messages leave for
   * `deliveries`, so the sender's queries cost the same however much has been sent.
   */
  outbox: { id: 'outbox', partitionKey: '/pk', defaultTtl: -1 },
  /** One record per finished delivery (message and recipient), without content; partition = a shard of its key. */
  deliveries: { id: 'deliveries', partitionKey: '/pk', defaultTtl: -1 },
  /** A bulk message's content (stored once) and its recipients in pages; partition = the message. */
  bulkMessages: { id: 'bulk-messages', partitionKey: '/pk', defaultTtl: -1 },
  /** Live scheduled work only (reminders, digests); partition = a shard of the job key. Finished jobs leave for `job-history`. */
  jobs: { id: 'jobs', partitionKey: '/pk', defaultTtl: -1 },
  /** Jobs that are done or failed for good; partition = a shard of the job key. */
  jobHistory: { id: 'job-history', partitionKey: '/pk', defaultTtl: -1 },
  /** The tenant's sending budget shared by every instance: one small document per second, reused in a ring; partition = tenant. */
  sendBudget: { id: 'send-budget', partitionKey: '/pk', defaultTtl: -1 },
  /** Who names whom as line manager; partition = the manager's user key, so a team view reads one partition. */
  teamLinks: { id: 'team-links', partitionKey: '/pk', defaultTtl: -1 },
  /** One document per school (its own induction items, contacts, policy links); partition = the school. */
  schools: { id: 'schools', partitionKey: '/pk', defaultTtl: -1 },
  /** Who belongs to a school, confirmed or awaiting confirmation; partition = the school, so its staff is one partition read. */
  memberships: { id: 'memberships', partitionKey: '/pk', defaultTtl: -1 },
  /** Local-authority and school administrators; partition = tenant, so a scope's role holders are one partition read. */
  roles: { id: 'roles', partitionKey: '/pk', defaultTtl: -1 },
  /** Every administrative act, done or refused; partition = tenant, read newest first in pages. */
  audit: { id: 'audit', partitionKey: '/pk', defaultTtl: -1 },
  /** Files waiting for their person to accept them in Teams; partition = that person's user key. Offers carry a `ttl`. */
  fileOffers: { id: 'file-offers', partitionKey: '/pk', defaultTtl: -1 },
  /** Professional learning a person logged, one document per entry; partition = that person's user key. */
  learning: { id: 'learning', partitionKey: '/pk', defaultTtl: -1 },
  /** Administrators' broadcasts (drafts kept) with partition = tenant; each one's reads with partition = the broadcast. */
  broadcasts: { id: 'broadcasts', partitionKey: '/pk', defaultTtl: -1 },
  /** Professional learning communities: a PLC, its resources, votes and link keys; partition = the PLC, so its library is one partition read (plus small channel and team index documents in their own partitions). */
  plcs: { id: 'plcs', partitionKey: '/pk', defaultTtl: -1 },
  /** Which PLCs a person is in and what they saved for later; partition = the person's user key, so "my PLCs" is one partition read. */
  plcPeople: { id: 'plc-people', partitionKey: '/pk', defaultTtl: -1 },
} as const;

export type ContainerName = keyof typeof containerDefinitions;
