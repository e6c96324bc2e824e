import { earliestSlot, forgetOldEvents, TEAMS_CONVERSATION_WINDOWS, tenantWindows, type RateWindow } from './rate-window';

/** Where a send goes, as far as Teams' limits are concerned. */
export interface PaceTarget {
  tenantId: string;
  conversationId: string;
}

/**
 * Go after `waitMs` (the send is counted; the wait is the tenant's steady stream, short);
 * or not now: come back in `retryInMs`, a turn booked for this caller.
 */
export type PaceDecision = { ok: true; waitMs: number; at: number } | { ok: false; retryInMs: number };

/** How the pacer keeps time; tests may drive it. */
export interface PacerOptions {
  tenantRatePerSecond: number;
  conversationWindows?: readonly RateWindow[];
  /** Each window is widened by this fraction, against network jitter. Default 0.05. */
  margin?: number;
  /** A conversation whose window opens within this many ms counts as open (the send waits that little). Default 100. */
  openWithinMs?: number;
  /** A monotonic clock in ms. Default `performance.now`. */
  clock?: () => number;
  /**
   * Whether this pacer also spaces the tenant's sends itself. Default true; false when every
   * instance shares one budget through the store (`send-budget.ts`), which then does it.
   */
  tenantPacing?: boolean;
}

interface ConversationState {
  /** When sends went (or will go, for a reserved tenant slot), in time order. */
  events: number[];
  pausedUntil: number;
  /** Turns booked by records sent back to wait, in time order: where the next one's turn is. */
  booked: number[];
}

const SWEEP_EVERY = 256;
const SWEEP_ABOVE = 1000;
/** A booked turn nobody came for within this long is forgotten. */
const BOOKING_GRACE_MS = 2000;

/**
 * Keeps this instance's sends inside Teams' limits without making anyone wait in line:
 * per conversation (7/1 s, 8/2 s, 60/30 s, 1,800/h) and per tenant (the configured rate,
 * below Teams' 50/s for all conversations of the app in a tenant). It never sleeps: a send
 * whose conversation's window is shut is told when to come back, and books that turn, so
 * the next record of a busy conversation is told a later one and a backlog comes back
 * spread out in order, not all at once. Callers hold no slot while a conversation waits,
 * so one person's backlog never delays anyone else.
 */
export class SendPacer {
  private readonly conversations = new Map<string, ConversationState>();
  private readonly tenants = new Map<string, number[]>();
  private readonly windows: readonly RateWindow[];
  private readonly tenantWindows: readonly RateWindow[];
  private readonly margin: number;
  private readonly openWithinMs: number;
  private readonly clock: () => number;
  private readonly tenantPacing: boolean;
  private calls = 0;

  constructor(options: PacerOptions) {
    this.windows = options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS;
    this.tenantWindows = tenantWindows(options.tenantRatePerSecond);
    this.margin = options.margin ?? 0.05;
    this.openWithinMs = options.openWithinMs ?? 100;
    this.clock = options.clock ?? (() => performance.now());
    this.tenantPacing = options.tenantPacing ?? true;
  }

  /** Milliseconds until a send to `target` may go (0 when it may go now); counts and books nothing. */
  opensInMs(target: PaceTarget): number {
    const state = this.conversation(target.conversationId);
    const now = this.clock();
    const opens = this.opensAt(state, now);
    return opens - now <= this.openWithinMs ? 0 : Math.ceil(opens - now);
  }

  /**
   * A send to `target` now: if its conversation's window is open, it is counted and given
   * the tenant's next slot (`waitMs` away); if not, nothing is counted and a later turn is
   * booked (`retryInMs` away) for the caller to come back at.
   */
  tryAcquire(target: PaceTarget): PaceDecision {
    this.sweepSometimes();
    const state = this.conversation(target.conversationId);
    const now = this.clock();
    const opens = this.opensAt(state, now);
    if (opens - now > this.openWithinMs) return { ok: false, retryInMs: Math.ceil(this.book(state, now) - now) };
    const at = this.tenantPacing ? this.reserveTenantSlot(target.tenantId, opens) : opens;
    state.events.push(at);
    // This send takes the turn booked soonest, if one is due: whoever booked it will be told to wait again.
    if (state.booked.length > 0 && (state.booked[0] as number) <= now + this.openWithinMs) state.booked.shift();
    return { ok: true, waitMs: Math.max(0, at - now), at };
  }

  /**
   * The send counted at `plannedAt` went at `sentAt` instead (it waited for the tenant's shared
   * budget, or the process was busy): the conversation's log is corrected, so its next sends
   * are spaced from when this one really went.
   */
  sentLater(conversationId: string, plannedAt: number, sentAt: number): void {
    const events = this.conversations.get(conversationId)?.events;
    const i = events?.indexOf(plannedAt) ?? -1;
    if (!events || i === -1 || sentAt <= plannedAt) return;
    events.splice(i, 1);
    const after = events.findIndex((t) => t > sentAt);
    events.splice(after === -1 ? events.length : after, 0, sentAt);
  }

  /** The pacer's own clock (monotonic ms), for `sentLater`. */
  clockNow(): number {
    return this.clock();
  }

  /** After a 429: nothing more to this conversation for `ms` (Retry-After). */
  pause(conversationId: string, ms: number): void {
    const state = this.conversation(conversationId);
    state.pausedUntil = Math.max(state.pausedUntil, this.clock() + ms);
  }

  /** When the conversation's window next allows a send (tidying its logs on the way). */
  private opensAt(state: ConversationState, now: number): number {
    forgetOldEvents(state.events, this.windows, now, this.margin);
    while (state.booked.length > 0 && (state.booked[0] as number) < now - BOOKING_GRACE_MS) state.booked.shift();
    return Math.max(earliestSlot(state.events, this.windows, now, this.margin), state.pausedUntil);
  }

  /** The first turn after every send and every turn already booked, within the windows. */
  private book(state: ConversationState, now: number): number {
    const log = [...state.events, ...state.booked].sort((a, b) => a - b);
    const last = state.booked[state.booked.length - 1] ?? now;
    const turn = Math.max(earliestSlot(log, this.windows, now, this.margin), state.pausedUntil, last);
    state.booked.push(turn);
    return turn;
  }

  private reserveTenantSlot(tenantId: string, notBefore: number): number {
    let events = this.tenants.get(tenantId);
    if (!events) this.tenants.set(tenantId, (events = []));
    forgetOldEvents(events, this.tenantWindows, this.clock(), this.margin);
    // Slots are handed out in time order, so the log stays sorted.
    const slot = Math.max(earliestSlot(events, this.tenantWindows, notBefore, this.margin), events[events.length - 1] ?? notBefore);
    events.push(slot);
    return slot;
  }

  private conversation(id: string): ConversationState {
    let state = this.conversations.get(id);
    if (!state) this.conversations.set(id, (state = { events: [], pausedUntil: 0, booked: [] }));
    return state;
  }

  /** Forgets conversations no window remembers and nobody has booked, so memory stays flat. */
  private sweepSometimes(): void {
    this.calls += 1;
    if (this.calls % SWEEP_EVERY !== 0 || this.conversations.size <= SWEEP_ABOVE) return;
    const now = this.clock();
    for (const [id, state] of this.conversations) {
      this.opensAt(state, now);
      if (state.events.length === 0 && state.booked.length === 0 && state.pausedUntil <= now) this.conversations.delete(id);
    }
  }
}
