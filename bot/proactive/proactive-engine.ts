import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config';
import type { Logger } from '../logging/logger';
import type { DocumentCollection } from '../storage/document-collection';
import type { UserRecord } from '../users/user-record';
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
  outbox: DueCollection<OutboxRecord>;
  jobs: DueCollection<SchedulerJobRecord>;
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
  sender?: Partial<Omit<OutboxSenderOptions, 'records' | 'users' | 'transport' | 'pacer' | 'now' | 'owner' | 'log'>>;
  scheduler?: Partial<Omit<SchedulerOptions, 'jobs' | 'now' | 'owner' | 'log'>>;
  pacer?: Omit<PacerOptions, 'tenantRatePerSecond'>;
}

/** The engine's parts, and its loop. */
export interface ProactiveEngine {
  /** Features enqueue proactive messages here (idempotent by key). */
  outbox: Outbox;
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
  const pacer = new SendPacer({ ...options.pacer, tenantRatePerSecond: options.config.TEAMS_TENANT_RATE_PER_SECOND });
  const outbox = new Outbox(options.store.outbox, now, options.sender?.shards);
  const sender = new OutboxSender({
    ...options.sender,
    records: options.store.outbox,
    users: options.store.users,
    transport: options.transport,
    pacer,
    now,
    owner,
    log: options.log,
  });
  const scheduler = new Scheduler({ ...options.scheduler, jobs: options.store.jobs, now, owner, log: options.log });
  let loop: ProactiveLoop | undefined;
  return {
    outbox,
    scheduler,
    sender,
    start: () => {
      loop ??= startProactiveLoop({ scheduler, sender, now, log: options.log, intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS });
    },
    stop: async () => {
      await loop?.stop();
      loop = undefined;
    },
  };
}
