import { AsyncLocalStorage } from 'node:async_hooks';
import type { PluginConfig } from '@azure/cosmos';

/** Counts the storage requests made while one piece of work (a turn) runs. */
export interface RoundTripCount {
  requests: number;
}

const scope = new AsyncLocalStorage<RoundTripCount>();
let total = 0;

/**
 * Runs `work` with its own round-trip counter, so a turn's storage cost can be read by
 * tests and the benchmark even while background work (snapshots, health checks) also
 * talks to the store.
 */
export async function meterRoundTrips<T>(work: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const count: RoundTripCount = { requests: 0 };
  const result = await scope.run(count, work);
  return { result, requests: count.requests };
}

/** All storage requests made by this process since start. */
export function totalRoundTrips(): number {
  return total;
}

/**
 * A Cosmos SDK plugin on every network request: the count includes the SDK's own
 * metadata requests, so it is what the network actually carries.
 */
export const roundTripPlugin: PluginConfig = {
  on: 'request',
  plugin: async (context, diagnosticNode, next) => {
    total += 1;
    const count = scope.getStore();
    if (count) count.requests += 1;
    return next(context);
  },
};
