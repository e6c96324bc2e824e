import type { ItemDefinition } from '@azure/cosmos';
import { bulkDocumentSchema } from '../../bot/proactive/bulk-message';
import { deliveryRecordSchema } from '../../bot/proactive/delivery-record';
import { schedulerJobRecordSchema } from '../../bot/proactive/scheduler-job-record';
import { CosmosCollection } from '../../bot/storage/cosmos-collection';
import { createEmbeddedClient, startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/storage/embedded/start-embedded-cosmos';
import { retentionContract } from './retention.contract';

let embedded: EmbeddedCosmos;
afterAll(() => embedded?.stop());

retentionContract('Cosmos protocol (embedded server, real SDK)', async () => {
  embedded = await startEmbeddedCosmos({});
  const client = createEmbeddedClient(embedded);
  const { database } = await client.databases.createIfNotExists({ id: 'retention' });
  const open = async (id: string) => (await database.containers.createIfNotExists({ id, partitionKey: { paths: ['/pk'] }, defaultTtl: -1 })).container;
  const containers = { deliveries: await open('deliveries'), jobHistory: await open('job-history'), bulkMessages: await open('bulk-messages'), jobs: await open('jobs') };
  return {
    deliveries: new CosmosCollection(containers.deliveries, deliveryRecordSchema),
    jobHistory: new CosmosCollection(containers.jobHistory, schedulerJobRecordSchema),
    bulkMessages: new CosmosCollection(containers.bulkMessages, bulkDocumentSchema),
    jobs: new CosmosCollection(containers.jobs, schedulerJobRecordSchema),
    // What the server holds, fields the collection's schema does not name (the `ttl`) included.
    raw: async (container, id, pk) => (await containers[container].item(id, pk).read<ItemDefinition>()).resource as Record<string, unknown> | undefined,
  };
});
