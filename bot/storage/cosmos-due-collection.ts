import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import type { ZodType, ZodTypeDef } from 'zod';
import { CosmosCollection } from './cosmos-collection';
import type { Stored } from './document-collection';
import type { DueCollection, DueDocument, DueQuery } from '../proactive/due-collection';

/**
 * A DueCollection over a Cosmos container: the plain operations come from CosmosCollection,
 * the due query is one indexed, single-partition `SELECT TOP … ORDER BY c.dueAt`.
 */
export class CosmosDueCollection<T extends DueDocument> extends CosmosCollection<T> implements DueCollection<T> {
  constructor(
    private readonly source: Container,
    private readonly documentSchema: ZodType<T, ZodTypeDef, unknown>,
  ) {
    super(source, documentSchema);
  }

  async findDue(query: DueQuery): Promise<Stored<T>[]> {
    const parameters: SqlParameter[] = [
      { name: '@limit', value: query.limit },
      { name: '@pk', value: query.pk },
      { name: '@dueBy', value: query.dueBy },
    ];
    const list = (prefix: string, values: readonly string[]): string =>
      values
        .map((value, i) => {
          parameters.push({ name: `@${prefix}${i}`, value });
          return `@${prefix}${i}`;
        })
        .join(', ');
    // The partition key is in the WHERE clause as well as the options: the local server
    // ignores the option, and real Cosmos then serves the query from one partition.
    const where = [`c.pk = @pk`, `c.status IN (${list('s', query.statuses)})`, `c.dueAt <= @dueBy`];
    if (query.kinds) where.push(query.kinds.length > 0 ? `c.kind IN (${list('k', query.kinds)})` : 'false');
    const sql = `SELECT TOP @limit * FROM c WHERE ${where.join(' AND ')} ORDER BY c.dueAt ASC`;
    const { resources } = await this.source.items
      .query<ItemDefinition>({ query: sql, parameters }, { partitionKey: query.pk })
      .fetchAll();
    return resources.map((resource) => {
      const etag = resource._etag;
      if (typeof etag !== 'string') throw new Error('the store returned a document without an eTag');
      return { value: this.documentSchema.parse(resource), etag };
    });
  }
}
