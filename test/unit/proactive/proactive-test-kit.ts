import type { Logger } from '../../../bot/logging/logger';
import type { ConnectorTransport, SendResult } from '../../../bot/proactive/connector-transport';
import { MemoryDueCollection } from '../../../bot/proactive/due-collection-memory';
import type { OutboxRecord } from '../../../bot/proactive/outbox-record';
import type { BulkCursor, BulkDocument } from '../../../bot/proactive/bulk-message';
import type { DeliveryRecord } from '../../../bot/proactive/delivery-record';
import type { BudgetSlot } from '../../../bot/proactive/send-budget-slot';
import type { ProactiveStore } from '../../../bot/proactive/proactive-engine';
import type { SchedulerJobRecord } from '../../../bot/proactive/scheduler-job-record';
import { MemoryCollection } from '../../../bot/storage/memory-collection';
import type { ConversationRef } from '../../../bot/users/conversation-ref';
import type { UserRecord } from '../../../bot/users/user-record';
import type { ConversationRecord } from '../../../bot/users/conversation-record';

/** A logged line, kept for assertions. */
export interface LoggedEvent {
  level: string;
  event: string;
  fields?: Record<string, unknown>;
}

/** A logger that keeps what it is told and prints nothing. */
export function recordingLog(): Logger & { events: LoggedEvent[] } {
  const events: LoggedEvent[] = [];
  return {
    events,
    info: (event, fields) => void events.push({ level: 'info', event, fields }),
    warn: (event, fields) => void events.push({ level: 'warn', event, fields }),
    error: (event, fields) => void events.push({ level: 'error', event, fields }),
  };
}

/** A clock that moves only when told to. */
export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start: string): TestClock {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso) => void (t = Date.parse(iso)),
    advance: (ms) => void (t += ms),
  };
}

/** The proactive containers in memory. */
export function memoryProactiveStore(): ProactiveStore & { users: MemoryCollection<UserRecord> } {
  return {
    users: new MemoryCollection<UserRecord>(),
    conversations: new MemoryCollection<ConversationRecord>(),
    outbox: new MemoryDueCollection<OutboxRecord>(),
    bulkCursors: new MemoryDueCollection<BulkCursor>(),
    deliveries: new MemoryCollection<DeliveryRecord>(),
    bulkMessages: new MemoryCollection<BulkDocument>(),
    jobs: new MemoryDueCollection<SchedulerJobRecord>(),
    jobHistory: new MemoryCollection<SchedulerJobRecord>(),
    sendBudget: new MemoryCollection<BudgetSlot>(),
  };
}

/** A transport that answers from a script (default: accepted) and keeps what was accepted. */
export class ScriptedTransport implements ConnectorTransport {
  readonly sent: { ref: ConversationRef; activity: Record<string, unknown> }[] = [];
  readonly updated: { ref: ConversationRef; activityId: string; activity: Record<string, unknown> }[] = [];
  readonly calls: number[] = [];
  private readonly script: SendResult[] = [];

  /** The next answers, in order; after them every send is accepted. */
  answer(...results: SendResult[]): this {
    this.script.push(...results);
    return this;
  }

  async send(ref: ConversationRef, activity: Record<string, unknown>): Promise<SendResult> {
    this.calls.push(Date.now());
    const result = this.script.shift() ?? { ok: true, activityId: `activity-${this.sent.length + 1}` };
    if (result.ok) this.sent.push({ ref, activity });
    return result;
  }

  /** A replacement, answered from the same script; accepted ones are kept in `updated`. */
  async update(ref: ConversationRef, activityId: string, activity: Record<string, unknown>): Promise<SendResult> {
    this.calls.push(Date.now());
    const result = this.script.shift() ?? { ok: true, activityId };
    if (result.ok) this.updated.push({ ref, activityId, activity });
    return result;
  }
}
