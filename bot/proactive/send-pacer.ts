import { abortableSleep } from './abortable-sleep';
import { earliestSlot, forgetOldEvents, TEAMS_CONVERSATION_WINDOWS, tenantWindows, type RateWindow } from './rate-window';

/** Where a send goes, as far as Teams' limits are concerned. */
export interface PaceTarget {
  tenantId: string;
  conversationId: string;
}

/** Go now; or not within the wait allowed, try again in `retryInMs`. */
export type PaceResult = { ok: true } | { ok: false; retryInMs: number };

/** How the pacer keeps time; tests may drive it. */
export interface PacerOptions {
  tenantRatePerSecond: number;
  conversationWindows?: readonly RateWindow[];
  /** Each window is widened by this fraction, against network jitter. Default 0.05. */
  margin?: number;
  /** A monotonic clock in ms. Default `performance.now`. */
  clock?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

interface ConversationState {
  events: number[];
  pausedUntil: number;
  /** Sends to one conversation take turns, so each one's wait is computed from real send times. */
  tail: Promise<void>;
  waiting: number;
}

const SWEEP_EVERY = 256;
const SWEEP_ABOVE = 1000;

/**
 * Keeps this instance's sends inside Teams' limits by waiting, not by being refused: per
 * conversation (7/1 s, 8/2 s, 60/30 s, 1,800/h) and per tenant (the configured rate, below
 * Teams' 50/s for all conversations of the app in a tenant). A conversation waiting for
 * its window holds no tenant slot, so one busy chat never delays everyone else.
 */
export class SendPacer {
  private readonly conversations = new Map<string, ConversationState>();
  private readonly tenants = new Map<string, number[]>();
  private readonly windows: readonly RateWindow[];
  private readonly tenantWindows: readonly RateWindow[];
  private readonly margin: number;
  private readonly clock: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private calls = 0;

  constructor(options: PacerOptions) {
    this.windows = options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS;
    this.tenantWindows = tenantWindows(options.tenantRatePerSecond);
    this.margin = options.margin ?? 0.05;
    this.clock = options.clock ?? (() => performance.now());
    this.sleep = options.sleep ?? abortableSleep;
  }

  /**
   * Resolves when a send to `target` may go (and counts it as sent), or at once with
   * `ok: false` when that would take longer than `maxWaitMs`. Rejects with StoppedError if
   * `signal` aborts while waiting.
   */
  async acquire(target: PaceTarget, options: { maxWaitMs: number; signal?: AbortSignal }): Promise<PaceResult> {
    this.sweepSometimes();
    const state = this.conversation(target.conversationId);
    const previous = state.tail;
    let release = (): void => undefined;
    state.tail = new Promise<void>((resolve) => (release = resolve));
    state.waiting += 1;
    try {
      await previous;
      const now = this.clock();
      forgetOldEvents(state.events, this.windows, now, this.margin);
      const start = Math.max(earliestSlot(state.events, this.windows, now, this.margin), state.pausedUntil);
      if (start - now > options.maxWaitMs) return { ok: false, retryInMs: Math.ceil(start - now) };
      await this.sleep(start - now, options.signal);
      const slot = this.reserveTenantSlot(target.tenantId);
      await this.sleep(slot - this.clock(), options.signal);
      state.events.push(this.clock());
      return { ok: true };
    } finally {
      state.waiting -= 1;
      release();
    }
  }

  /** After a 429: nothing more to this conversation for `ms` (Retry-After). */
  pause(conversationId: string, ms: number): void {
    const state = this.conversation(conversationId);
    state.pausedUntil = Math.max(state.pausedUntil, this.clock() + ms);
  }

  private reserveTenantSlot(tenantId: string): number {
    let events = this.tenants.get(tenantId);
    if (!events) this.tenants.set(tenantId, (events = []));
    const now = this.clock();
    forgetOldEvents(events, this.tenantWindows, now, this.margin);
    // Slots are handed out in time order, so the log stays sorted.
    const slot = Math.max(earliestSlot(events, this.tenantWindows, now, this.margin), events[events.length - 1] ?? now);
    events.push(slot);
    return slot;
  }

  private conversation(id: string): ConversationState {
    let state = this.conversations.get(id);
    if (!state) this.conversations.set(id, (state = { events: [], pausedUntil: 0, tail: Promise.resolve(), waiting: 0 }));
    return state;
  }

  /** Forgets conversations nobody is waiting on and no window remembers, so memory stays flat. */
  private sweepSometimes(): void {
    this.calls += 1;
    if (this.calls % SWEEP_EVERY !== 0 || this.conversations.size <= SWEEP_ABOVE) return;
    const now = this.clock();
    for (const [id, state] of this.conversations) {
      forgetOldEvents(state.events, this.windows, now, this.margin);
      if (state.waiting === 0 && state.events.length === 0 && state.pausedUntil <= now) this.conversations.delete(id);
    }
  }
}
