import type { Container, ContainerRequest, CosmosClient, JSONObject, OperationInput } from '@azure/cosmos';
import { EmbeddedStoreError } from './embedded-store-error';
import type { StoredDocument } from './journal-entry';
import type { ContainerContents, DatabaseContents } from './store-mirror';

/** Operations per bulk request: the SDK's limit. */
const BULK_SIZE = 100;
/** Bulk requests in flight at once. */
const CONCURRENCY = 4;

/**
 * Loads saved databases, containers (same partition key, indexing and unique-key policy)
 * and documents into a fresh embedded server, through the SDK like any other client.
 * Documents go in bulk upserts of 100 (`items.bulk`, each operation with its own partition
 * key): measured here about 6x faster than one upsert per document, and, unlike
 * `executeBulkOperations` (which replaces it), without a one-second floor per call.
 */
export async function restoreStore(client: CosmosClient, databases: DatabaseContents[]): Promise<void> {
  for (const db of databases) {
    const { database } = await client.databases.create({ id: db.id });
    for (const contents of db.containers) {
      // The definition is what this server answered when the container was created; it is
      // handed back to it unchanged (the cast only names the SDK's type for it).
      const { container } = await database.containers.create(contents.definition as ContainerRequest);
      await upsertAll(container, contents, db.id);
    }
  }
}

async function upsertAll(container: Container, contents: ContainerContents, db: string): Promise<void> {
  const batches: StoredDocument[][] = [];
  for (let i = 0; i < contents.documents.length; i += BULK_SIZE) batches.push(contents.documents.slice(i, i + BULK_SIZE));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++] ?? [];
      // Documents were read from JSON files, so they are JSON objects.
      const operations = batch.map((doc): OperationInput => ({ operationType: 'Upsert', resourceBody: doc as JSONObject }));
      const results = await container.items.bulk(operations, { continueOnError: true });
      results.forEach((result, i) => {
        if (result.statusCode >= 300) {
          throw new EmbeddedStoreError(
            `The embedded store could not restore document ${batch[i]?.id ?? '?'} in ${db}/${contents.definition.id} (HTTP ${result.statusCode}).`,
          );
        }
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, batches.length) }, worker));
}
