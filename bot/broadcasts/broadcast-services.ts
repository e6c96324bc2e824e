import type { BulkOutbox } from '../proactive/bulk-outbox';
import type { Outbox } from '../proactive/outbox-queue';
import type { Store } from '../storage/store';
import { createBroadcastStore, type BroadcastStore } from './broadcast-store';

/** What the broadcast routes use beyond a feature's deps: their store and the engine's two lanes. */
export interface BroadcastServices {
  broadcasts: BroadcastStore;
  /** The bulk lane: one broadcast is one bulk message. */
  bulkOutbox: BulkOutbox;
  /** For a recipient's delivery record (who a broadcast really reached). */
  outbox: Outbox;
}

export function createBroadcastServices(store: Store, engine: { bulkOutbox: BulkOutbox; outbox: Outbox }): BroadcastServices {
  return { broadcasts: createBroadcastStore(store), bulkOutbox: engine.bulkOutbox, outbox: engine.outbox };
}
