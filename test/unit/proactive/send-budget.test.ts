import { budgetSlotSchema, type BudgetSlot } from '../../../bot/proactive/send-budget-slot';
import { SharedSendBudget } from '../../../bot/proactive/send-budget';
import { MemoryCollection } from '../../../bot/storage/memory-collection';

/** A wall clock that moves only when told to (ms since the epoch). */
function wallClock(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const TENANT = 'tenant-1';

describe('the tenant budget shared by every instance', () => {
  it('when two instances take positions from one store, then no position is given twice and no second holds more than the rate allows', async () => {
    const slots = new MemoryCollection<BudgetSlot>();
    const clock = wallClock(Date.UTC(2026, 10, 30, 9, 0, 0));
    const a = new SharedSendBudget({ slots, ratePerSecond: 50, clock: clock.now });
    const b = new SharedSendBudget({ slots, ratePerSecond: 50, clock: clock.now });
    const taken: number[] = [];
    for (let i = 0; i < 150; i += 1) taken.push(await (i % 3 === 0 ? a : b).take(TENANT, 'bulk'));
    expect(new Set(taken).size).toBe(150);
    const perSecond = new Map<number, number>();
    for (const t of taken) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
    // 50/s less the 3 % margin is 48 positions a second; bulk sends leave the last one for personal messages.
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(47);
    const sorted = [...taken].sort((x, y) => x - y);
    for (let i = 1; i < sorted.length; i += 1) expect((sorted[i] as number) - (sorted[i - 1] as number)).toBeGreaterThanOrEqual(20);
    for (const stored of await slots.scanAllPartitions({})) expect(budgetSlotSchema.parse(stored.value).used).toBeLessThanOrEqual(48);
  });

  it('when bulk sends have used their share of a second, then a personal message still gets a position in that second', async () => {
    const slots = new MemoryCollection<BudgetSlot>();
    const start = Date.UTC(2026, 10, 30, 9, 0, 0);
    const clock = wallClock(start);
    const bulk = new SharedSendBudget({ slots, ratePerSecond: 10, margin: 0, personalReserve: 2, bulkBatch: 10, clock: clock.now });
    const personal = new SharedSendBudget({ slots, ratePerSecond: 10, margin: 0, personalReserve: 2, clock: clock.now });
    const bulkTimes = [];
    for (let i = 0; i < 10; i += 1) bulkTimes.push(await bulk.take(TENANT, 'bulk'));
    expect(bulkTimes.filter((t) => t < start + 1000)).toHaveLength(8);
    const next = await personal.take(TENANT, 'personal');
    expect(next).toBe(start + 800);
  });

  it('when a second is already half gone, then a claim never takes its positions that have passed', async () => {
    const slots = new MemoryCollection<BudgetSlot>();
    const clock = wallClock(Date.UTC(2026, 10, 30, 9, 0, 0) + 500);
    const budget = new SharedSendBudget({ slots, ratePerSecond: 10, margin: 0, clock: clock.now });
    expect(await budget.take(TENANT, 'personal')).toBeGreaterThanOrEqual(clock.now());
  });
});
