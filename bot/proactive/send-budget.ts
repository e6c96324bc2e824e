import type { DocumentCollection, Stored } from '../storage/document-collection';
import { isConflict, isPreconditionFailed } from '../storage/storage-errors';
import { abortableSleep } from './abortable-sleep';
import type { Lane } from './outbox-record';
import { budgetSlotId, type BudgetSlot } from './send-budget-slot';

/** Where a send may go in time: the wall-clock instant (ms since the epoch) of its position. */
export interface TenantBudget {
  /** The instant this send may go at (now or a little later), counted against the tenant's budget. */
  take(tenantId: string, lane: Lane, signal?: AbortSignal): Promise<number>;
}

/** How the shared budget divides each second. */
export interface SharedBudgetOptions {
  slots: DocumentCollection<BudgetSlot>;
  /** Sends per second for the tenant, all instances together (Teams allows 50). */
  ratePerSecond: number;
  /** Positions at the end of each second that bulk sends never take, so a personal message always finds one within a second. Default 1. */
  personalReserve?: number;
  /** The rate is lowered by this fraction, against network jitter between here and Teams. Default 0.03. */
  margin?: number;
  /** Positions a bulk sender claims at once (fewer store writes per send). Default 10. */
  bulkBatch?: number;
  /** Wall clock in ms. Default `Date.now`. */
  clock?: () => number;
}

/** Positions this instance holds but has not used yet, oldest first. */
interface Held {
  times: number[];
}

/**
 * The tenant's sending budget, shared by every instance through the store: each second is a
 * small document whose `used` counter is raised with a conditional write (eTag), so two
 * instances never hand out the same position and together never exceed the rate. Positions
 * are evenly spaced (`1000 / rate` ms apart) and a claim never takes a position already past,
 * so sends leave as a steady stream and any one-second window holds at most `rate` of them.
 * The rate is lowered by `margin` against jitter. Personal messages may use every position;
 * bulk sends leave the last `personalReserve` of each second free, and positions held for
 * bulk work are given to a personal message first.
 */
export class SharedSendBudget implements TenantBudget {
  private readonly reserve: number;
  private readonly batch: number;
  private readonly clock: () => number;
  private readonly spacing: number;
  /** Sends per second, all instances together: the rate less the margin. */
  private readonly positions: number;
  private readonly held = new Map<string, Held>();
  /** The last version of each ring document this instance saw, to write without reading first. */
  private readonly known = new Map<string, Stored<BudgetSlot>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly o: SharedBudgetOptions) {
    this.positions = Math.max(1, Math.floor(o.ratePerSecond / (1 + (o.margin ?? 0.03))));
    this.reserve = Math.min(o.personalReserve ?? 1, this.positions - 1);
    this.batch = o.bulkBatch ?? 10;
    this.clock = o.clock ?? Date.now;
    this.spacing = 1000 / this.positions;
  }

  async take(tenantId: string, lane: Lane, signal?: AbortSignal): Promise<number> {
    // First come, first served within this instance: two messages to one person keep their order.
    return this.serialised(tenantId, async () => {
      for (;;) {
        const time = this.fromHeld(tenantId);
        if (time !== undefined) return time;
        await this.claim(tenantId, lane);
        if (this.peek(tenantId) === undefined) await abortableSleep(this.spacing, signal);
      }
    });
  }

  private fromHeld(tenantId: string): number | undefined {
    const held = this.held.get(tenantId);
    const now = this.clock();
    // A position already more than a few ms past is dropped: sending on it late would bunch sends together.
    while (held && held.times.length > 0 && (held.times[0] as number) < now - 5) held.times.shift();
    return held?.times.shift();
  }

  private peek(tenantId: string): number | undefined {
    return this.held.get(tenantId)?.times[0];
  }

  private async serialised<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(tenantId) ?? Promise.resolve();
    const mine = before.then(work, work);
    this.queues.set(tenantId, mine.catch(() => undefined));
    return mine;
  }

  /** Claims positions from the first second that has some for this lane, from now on. */
  private async claim(tenantId: string, lane: Lane): Promise<void> {
    const want = lane === 'bulk' ? this.batch : 1;
    const cap = lane === 'bulk' ? this.positions - this.reserve : this.positions;
    let second = Math.floor(this.clock() / 1000);
    for (let tries = 0; tries < 100; tries += 1) {
      const stored = await this.current(tenantId, second);
      const now = this.clock();
      const firstFuture = Math.max(0, Math.ceil((now - second * 1000) / this.spacing));
      const from = Math.max(stored?.value.used ?? 0, firstFuture);
      if (from >= cap) {
        second += 1;
        continue;
      }
      const count = Math.min(want, cap - from);
      const next: BudgetSlot = { id: budgetSlotId(second), pk: tenantId, kind: 'send-budget', second, used: from + count };
      const written = await this.write(next, stored);
      if (!written) continue;
      this.known.set(tenantId, written);
      const held = this.held.get(tenantId) ?? { times: [] };
      for (let i = from; i < from + count; i += 1) held.times.push(second * 1000 + Math.round(i * this.spacing));
      this.held.set(tenantId, held);
      return;
    }
    throw new Error('the sending budget is contended beyond reason');
  }

  /** The ring document as it counts `second` (a stale one from an earlier lap counts as empty but keeps its eTag). */
  private async current(tenantId: string, second: number): Promise<Stored<BudgetSlot> | undefined> {
    const known = this.known.get(tenantId);
    if (known && known.value.second === second) return known;
    const read = await this.o.slots.read(budgetSlotId(second), tenantId);
    if (!read) return undefined;
    return read.value.second === second ? read : { ...read, value: { ...read.value, second, used: 0 } };
  }

  /** Writes the raised counter conditionally; undefined when another instance wrote first (read again). */
  private async write(next: BudgetSlot, stored: Stored<BudgetSlot> | undefined): Promise<Stored<BudgetSlot> | undefined> {
    try {
      return stored ? await this.o.slots.replace(next, stored.etag) : await this.o.slots.create(next);
    } catch (err) {
      if (isPreconditionFailed(err) || isConflict(err)) {
        this.known.delete(next.pk);
        return undefined;
      }
      throw err;
    }
  }
}

/** A send that wakes later than this after its position gives the position up and takes another: late sends would bunch. */
const LATE_MS = 15;

/**
 * Waits for this send's turn: at least `minWaitMs` (the pacer's word for its conversation),
 * then its position in the tenant's budget. If the process was too busy to wake on time,
 * the position is given up and another taken, so a stall never turns into a burst.
 */
export async function awaitTurn(budget: TenantBudget | undefined, tenantId: string, lane: Lane, minWaitMs: number, signal?: AbortSignal): Promise<void> {
  const earliest = Date.now() + minWaitMs;
  if (!budget) return abortableSleep(minWaitMs, signal);
  for (let tries = 0; ; tries += 1) {
    const slot = Math.max(await budget.take(tenantId, lane, signal), earliest);
    await abortableSleep(slot - Date.now(), signal);
    if (Date.now() - slot <= LATE_MS || tries >= 20) return;
  }
}
