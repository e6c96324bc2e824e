import { CosmosCollection } from '../../bot/storage/cosmos-collection';
import { createEmbeddedClient, startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/storage/embedded/start-embedded-cosmos';
import { documentCollectionContract, noteSchema } from './document-collection.contract';

let embedded: EmbeddedCosmos;
afterAll(() => embedded?.stop());

documentCollectionContract('Cosmos protocol (embedded server, real SDK)', async () => {
  embedded = await startEmbeddedCosmos({});
  const client = createEmbeddedClient(embedded);
  const { database } = await client.databases.createIfNotExists({ id: 'contract' });
  const { container } = await database.containers.createIfNotExists({ id: 'notes', partitionKey: { paths: ['/pk'] } });
  return new CosmosCollection(container, noteSchema);
});
