import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config';
import type { Logger } from '../logging/logger';
import type { DocumentCollection } from '../storage/document-collection';
import type { ConversationRecord } from '../users/conversation-record';
import type { UserRecord } from '../users/user-record';
import type { BulkCursor, BulkDocument } from './bulk-message';
import { BulkOutbox } from './bulk-outbox';
import { BulkSender, type BulkSenderOptions } from './bulk-sender';
import type { DeliveryRecord } from './delivery-record';
import { DEFAULT_RETRY_POLICY } from './retry-policy';
import { SharedSendBudget, type SharedBudgetOptions } from './send-budget';
import type { BudgetSlot } from './send-budget-slot';
import { SHARD_COUNT } from './shard-key';
import type { ConnectorTransport } from './connector-transport';
import type { DueCollection } from './due-collection';
import { startProactiveLoop, type ProactiveLoop } from './proactive-loop';
import { Outbox } from './outbox-queue';
import type { OutboxRecord } from './outbox-record';
import { OutboxSender, type OutboxSenderOptions } from './outbox-sender';
import { Scheduler, type SchedulerOptions } from './scheduler-service';
import type { SchedulerJobRecord } from './scheduler-job-record';
import { SendPacer, type PacerOptions } from './send-pacer';

/** The containers the engine works on (a Store has them all). */
export interface ProactiveStore {
  users: DocumentCollection<UserRecord>;
  /** Channels and group chats Cefnogi was added to: recipients of `conversationRecipient(…)`. */
  conversations: DocumentCollection<ConversationRecord>;
  /** Live messages only. */
  outbox: DueCollection<OutboxRecord>;
  /** The cursors of bulk messages being sent: the same `outbox` container, its other kind of document. */
  bulkCursors: DueCollection<BulkCursor>;
  /** Finished deliveries, without content. */
  deliveries: DocumentCollection<DeliveryRecord>;
  /** Bulk messages' content and recipient pages. */
  bulkMessages: DocumentCollection<BulkDocument>;
  /** Live jobs only. */
  jobs: DueCollection<SchedulerJobRecord>;
  /** Jobs done or failed for good. */
  jobHistory: DocumentCollection<SchedulerJobRecord>;
  /** The tenant's sending budget, shared by every instance. */
  sendBudget: DocumentCollection<BudgetSlot>;
}

/** How to build an engine; only the first five are needed in production. */
export interface ProactiveEngineOptions {
  store: ProactiveStore;
  transport: ConnectorTransport;
  config: Pick<Config, 'TEAMS_TENANT_RATE_PER_SECOND'>;
  log: Logger;
  now?: () => Date;
  /** Time between cycles of the loop. Default 5 s. */
  intervalMs?: number;
  /** This instance's name on leases. Default: host, pid and a random suffix. */
  owner?: string;
  sender?: Partial<Omit<OutboxSenderOptions, 'records' | 'deliveries' | 'bulkMessages' | 'users' | 'conversations' | 'transport' | 'pacer' | 'budget' | 'now' | 'owner' | 'log'>>;
  scheduler?: Partial<Omit<SchedulerOptions, 'jobs' | 'history' | 'now' | 'owner' | 'log'>>;
  bulk?: Partial<Pick<BulkSenderOptions, 'leaseMs' | 'checkpointEvery' | 'inFlight' | 'parallel'>>;
  pacer?: Omit<PacerOptions, 'tenantRatePerSecond'>;
  budget?: Partial<Omit<SharedBudgetOptions, 'slots' | 'ratePerSecond'>>;
}

/** The engine's parts, and its loop. */
export interface ProactiveEngine {
  /** Features enqueue proactive messages here (idempotent by key). */
  outbox: Outbox;
  /** Messages to many people: stored once, sent in the bulk lane (idempotent by key). */
  bulkOutbox: BulkOutbox;
  bulkSender: BulkSender;
  /** Features schedule durable jobs here and register handlers for their kinds. */
  scheduler: Scheduler;
  sender: OutboxSender;
  /** Starts the loop (tick, then drain, every interval); a second call does nothing. */
  start(): void;
  /** Stops the loop and waits for the cycle in progress. */
  stop(): Promise<void>;
}

const DEFAULT_INTERVAL_MS = 5000;

/**
 * Builds the proactive engine on the store and a transport: one outbox, one scheduler, one
 * sender paced to the configured tenant rate, and the loop that drives them. Every
 * instance of the bot runs one; leases keep them from doing the same work twice.
 */
export function createProactiveEngine(options: ProactiveEngineOptions): ProactiveEngine {
  const now = options.now ?? (() => new Date());
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const store = options.store;
  const rate = options.config.TEAMS_TENANT_RATE_PER_SECOND;
  const shards = options.sender?.shards ?? SHARD_COUNT;
  // The tenant's rate is kept by the budget all instances share; the pacer keeps each conversation's.
  const pacer = new SendPacer({ tenantPacing: false, ...options.pacer, tenantRatePerSecond: rate });
  const budget = new SharedSendBudget({ ...options.budget, slots: store.sendBudget, ratePerSecond: rate });
  let loop: ProactiveLoop | undefined;
  // A message enqueued here goes at once rather than at the next cycle: personal messages wait for nobody.
  const outbox = new Outbox(store.outbox, store.deliveries, now, shards, () => loop?.poke());
  const sender = new OutboxSender({
    ...options.sender,
    records: store.outbox,
    deliveries: store.deliveries,
    bulkMessages: store.bulkMessages,
    users: store.users,
    conversations: store.conversations,
    transport: options.transport,
    pacer,
    budget,
    now,
    owner,
    log: options.log,
  });
  const bulkOutbox = new BulkOutbox(store.bulkMessages, store.bulkCursors, now, shards, () => loop?.poke());
  const bulkSender = new BulkSender({
    ...options.bulk,
    cursors: store.bulkCursors,
    documents: store.bulkMessages,
    users: store.users,
    conversations: store.conversations,
    deliveries: store.deliveries,
    outbox: store.outbox,
    transport: options.transport,
    pacer,
    budget,
    retry: options.sender?.retry ?? DEFAULT_RETRY_POLICY,
    random: options.sender?.random ?? Math.random,
    now,
    shards,
    owner,
    log: options.log,
  });
  const scheduler = new Scheduler({ ...options.scheduler, jobs: store.jobs, history: store.jobHistory, now, owner, log: options.log });
  return {
    outbox,
    bulkOutbox,
    bulkSender,
    scheduler,
    sender,
    start: () => {
      loop ??= startProactiveLoop({ scheduler, sender, bulk: bulkSender, now, log: options.log, intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS });
    },
    stop: async () => {
      await loop?.stop();
      loop = undefined;
    },
  };
}
