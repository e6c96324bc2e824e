import { z } from 'zod';

/** How many one-second documents a tenant's ring holds: two minutes, far more than anyone claims ahead. */
export const BUDGET_RING_SECONDS = 120;

/**
 * One second of a tenant's sending budget in the `send-budget` container, shared by every
 * instance: `used` positions of that second are taken. The ring's documents are reused
 * (id = the second modulo the ring), so a tenant never has more than a ring of them.
 */
export const budgetSlotSchema = z.object({
  id: z.string(),
  /** The tenant id. */
  pk: z.string(),
  kind: z.literal('send-budget'),
  /** Seconds since the epoch this document currently counts. */
  second: z.number().int(),
  /** Positions of that second already given out (each position is one send). */
  used: z.number().int().min(0),
});
export type BudgetSlot = z.infer<typeof budgetSlotSchema>;

/** The ring document for a second. */
export function budgetSlotId(second: number): string {
  return `second-${second % BUDGET_RING_SECONDS}`;
}
