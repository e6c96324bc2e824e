import type { BulkDocument } from '../../bot/proactive/bulk-message';
import type { DeliveryRecord } from '../../bot/proactive/delivery-record';
import type { SchedulerJobRecord } from '../../bot/proactive/scheduler-job-record';
import type { Keyed } from '../../bot/storage/document-collection';
import { MemoryCollection } from '../../bot/storage/memory-collection';
import { retentionContract } from './retention.contract';

retentionContract('in memory', async () => {
  const collections = {
    deliveries: new MemoryCollection<DeliveryRecord>(),
    jobHistory: new MemoryCollection<SchedulerJobRecord>(),
    bulkMessages: new MemoryCollection<BulkDocument>(),
    jobs: new MemoryCollection<SchedulerJobRecord>(),
  };
  return {
    ...collections,
    // The in-memory store keeps documents exactly as written.
    raw: async (container, id, pk) => (await (collections[container] as unknown as MemoryCollection<Keyed>).read(id, pk))?.value as Record<string, unknown> | undefined,
  };
});
