import { z } from 'zod';
import { partitionValueFromHeader } from './document-key';
import { parseJournalEntry, withoutSystemProperties, type JournalEntry } from './journal-entry';

const operationsSchema = z.array(z.object({ operationType: z.string(), id: z.string().optional(), partitionKey: z.string().optional() }).passthrough());
const resultsSchema = z.array(z.object({ statusCode: z.number(), resourceBody: z.record(z.unknown()).optional() }).passthrough());

/**
 * The changes a successful batch request made. Bulk writes (`items.bulk`,
 * `executeBulkOperations`) reach the server as batch requests with a partition key on every
 * operation, which it executes, so they must be journaled like single writes (transactional
 * `items.batch` uses the same request; this server fails it unless it only creates). The
 * server answers one result per operation, in order: creates, upserts and replaces carry
 * the resulting document; a delete carries nothing, so its id and partition key come from
 * the request. Reads change nothing.
 */
export function batchEntries(db: string, coll: string, requestText: string, responseText: string): JournalEntry[] {
  const operations = operationsSchema.parse(JSON.parse(requestText));
  const results = resultsSchema.parse(JSON.parse(responseText));
  const entries: JournalEntry[] = [];
  results.forEach((result, i) => {
    const operation = operations[i];
    if (!operation || result.statusCode < 200 || result.statusCode >= 300) return;
    const type = operation.operationType.toLowerCase();
    if ((type === 'create' || type === 'upsert' || type === 'replace') && result.resourceBody) {
      entries.push(parseJournalEntry({ op: 'putDoc', db, coll, doc: withoutSystemProperties(result.resourceBody, 'document') }));
    } else if (type === 'delete' && operation.id !== undefined) {
      entries.push({ op: 'deleteDoc', db, coll, id: operation.id, pk: partitionValueFromHeader(operation.partitionKey, operation.id) });
    } else if (type !== 'read') {
      throw new Error(`a batch ${operation.operationType} operation cannot be journaled`);
    }
  });
  return entries;
}
