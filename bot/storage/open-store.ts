import { CosmosClient, type Container, type CosmosClientOptions, type Database, type PluginConfig } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { Config } from '../config';
import type { Logger } from '../logging/logger';
import { CosmosDueCollection } from './cosmos-due-collection';
import { outboxRecordSchema } from '../proactive/outbox-record';
import { bulkCursorSchema, bulkDocumentSchema } from '../proactive/bulk-message';
import { deliveryRecordSchema } from '../proactive/delivery-record';
import { budgetSlotSchema } from '../proactive/send-budget-slot';
import { schedulerJobRecordSchema } from '../proactive/scheduler-job-record';
import { conversationRecordSchema } from '../users/conversation-record';
import { teamLinkSchema } from '../users/team-link';
import { schoolSettingsSchema } from '../school/school-settings';
import { userRecordSchema } from '../users/user-record';
import { directoryEntrySchema } from '../users/directory-entry';
import { containerDefinitions, type ContainerName } from './containers';
import type { CollectionSpec } from './collection-spec';
import type { Keyed } from './document-collection';
import { CosmosCollection } from './cosmos-collection';
import { createEmbeddedClient, startEmbeddedCosmos, type EmbeddedCosmos } from './embedded/start-embedded-cosmos';
import { roundTripPlugin } from './round-trip-meter';
import type { Store } from './store';

/** A Store, and which kind of Cosmos it runs on. */
export interface OpenedStore extends Store {
  mode: 'embedded' | 'cosmos';
}

/**
 * Connects to Cosmos DB (COSMOS_ENDPOINT, with COSMOS_KEY or else managed identity), or
 * with no endpoint starts the embedded Cosmos-compatible server persisted under DATA_DIR;
 * then makes sure the database and containers exist. The rest of Cefnogi cannot tell which.
 */
export async function openStore(
  config: Pick<Config, 'COSMOS_ENDPOINT' | 'COSMOS_KEY' | 'COSMOS_DATABASE' | 'DATA_DIR'>,
  log: Logger,
  options: { persist?: boolean } = {},
): Promise<OpenedStore> {
  let embedded: EmbeddedCosmos | undefined;
  let client: CosmosClient;
  if (config.COSMOS_ENDPOINT) {
    // `plugins` is honoured by the SDK but hidden from its public type.
    const options: CosmosClientOptions & { plugins: PluginConfig[] } = {
      endpoint: config.COSMOS_ENDPOINT,
      ...(config.COSMOS_KEY ? { key: config.COSMOS_KEY } : { aadCredentials: new DefaultAzureCredential() }),
      plugins: [roundTripPlugin],
    };
    client = new CosmosClient(options);
  } else {
    embedded = await startEmbeddedCosmos({
      dataDir: options.persist === false ? undefined : config.DATA_DIR,
      log: (message: string) => log.info('embedded-store', { message }),
    });
    client = createEmbeddedClient(embedded, { plugins: [roundTripPlugin] });
  }
  const { database } = await client.databases.createIfNotExists({ id: config.COSMOS_DATABASE });
  const containers = await ensureContainers(database);
  // One collection object per spec, so every caller shares it.
  const collections = new Map<CollectionSpec<Keyed>, CosmosCollection<Keyed>>();
  return {
    mode: embedded ? 'embedded' : 'cosmos',
    users: new CosmosCollection(containers.users, userRecordSchema),
    conversations: new CosmosCollection(containers.conversations, conversationRecordSchema),
    teamLinks: new CosmosCollection(containers.teamLinks, teamLinkSchema),
    outbox: new CosmosDueCollection(containers.outbox, outboxRecordSchema),
    jobs: new CosmosDueCollection(containers.jobs, schedulerJobRecordSchema),
    bulkCursors: new CosmosDueCollection(containers.outbox, bulkCursorSchema),
    deliveries: new CosmosCollection(containers.deliveries, deliveryRecordSchema),
    bulkMessages: new CosmosCollection(containers.bulkMessages, bulkDocumentSchema),
    jobHistory: new CosmosCollection(containers.jobHistory, schedulerJobRecordSchema),
    sendBudget: new CosmosCollection(containers.sendBudget, budgetSlotSchema),
    schools: new CosmosCollection(containers.schools, schoolSettingsSchema),
    directory: new CosmosCollection(containers.users, directoryEntrySchema),
    collection: (spec) => {
      let opened = collections.get(spec);
      if (!opened) collections.set(spec, (opened = new CosmosCollection(containers[spec.container], spec.schema)));
      return opened as CosmosCollection<never>;
    },
    ping: async () => {
      await database.read();
    },
    close: async () => {
      client.dispose();
      await embedded?.stop();
    },
  };
}

async function ensureContainers(database: Database): Promise<Record<ContainerName, Container>> {
  const entries = await Promise.all(
    Object.entries(containerDefinitions).map(async ([name, def]) => {
      const ttl = 'defaultTtl' in def ? { defaultTtl: def.defaultTtl } : {};
      const { container } = await database.containers.createIfNotExists({ id: def.id, partitionKey: { paths: [def.partitionKey] }, ...ttl });
      return [name, container] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ContainerName, Container>;
}
