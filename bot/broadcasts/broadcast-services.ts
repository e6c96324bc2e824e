import type { BulkOutbox } from '../proactive/bulk-outbox';
import type { Outbox } from '../proactive/outbox-queue';
import type { Scheduler } from '../proactive/scheduler-service';
import type { Store } from '../storage/store';
import { createBroadcastStore, type BroadcastStore } from './broadcast-store';
import { createLiveStatus, type LiveStatus } from './live-status';
import { createReadReminders, type ReadReminders } from './read-reminders';

/** What the broadcast routes use beyond a feature's deps: their store, the engine's two lanes, and the author's live status card. */
export interface BroadcastServices {
  broadcasts: BroadcastStore;
  /** The bulk lane: one broadcast is one bulk message. */
  bulkOutbox: BulkOutbox;
  /** For a recipient's delivery record (who a broadcast really reached) and the author's status card. */
  outbox: Outbox;
  liveStatus: LiveStatus;
  reminders: ReadReminders;
}

/** Built once per instance, before the proactive loop runs, so the status job's handler is registered. */
export function createBroadcastServices(store: Store, engine: { bulkOutbox: BulkOutbox; outbox: Outbox; scheduler: Scheduler }): BroadcastServices {
  const broadcasts = createBroadcastStore(store);
  const liveStatus = createLiveStatus({ broadcasts, outbox: engine.outbox, scheduler: engine.scheduler, sources: { broadcasts, bulkOutbox: engine.bulkOutbox } });
  const reminders = createReadReminders({ broadcasts, bulkOutbox: engine.bulkOutbox, outbox: engine.outbox, scheduler: engine.scheduler, pages: store.bulkMessages });
  return { broadcasts, bulkOutbox: engine.bulkOutbox, outbox: engine.outbox, liveStatus, reminders };
}
