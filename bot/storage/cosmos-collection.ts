import type { Container, ItemDefinition } from '@azure/cosmos';
import type { ZodType, ZodTypeDef } from 'zod';
import type { DocumentCollection, Keyed, PageRequest, Stored } from './document-collection';

/**
 * A DocumentCollection over a Cosmos container. Documents read back are parsed with the
 * collection's schema, so a document of an older or foreign shape is reported, not used.
 */
export class CosmosCollection<T extends Keyed> implements DocumentCollection<T> {
  constructor(
    private readonly container: Container,
    private readonly schema: ZodType<T, ZodTypeDef, unknown>,
  ) {}

  async read(id: string, pk: string): Promise<Stored<T> | undefined> {
    const response = await this.container.item(id, pk).read<ItemDefinition>();
    if (response.statusCode === 404 || !response.resource) return undefined;
    return this.toStored(response.resource);
  }

  async create(doc: T): Promise<Stored<T>> {
    const response = await this.container.items.create<ItemDefinition>(doc);
    return this.toStored(required(response.resource));
  }

  async replace(doc: T, etag: string): Promise<Stored<T>> {
    const response = await this.container
      .item(doc.id, doc.pk)
      .replace<ItemDefinition>(doc, { accessCondition: { type: 'IfMatch', condition: etag } });
    return this.toStored(required(response.resource));
  }

  async delete(id: string, pk: string, etag?: string): Promise<void> {
    try {
      await this.container.item(id, pk).delete(etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : undefined);
    } catch (err) {
      if ((err as { code?: unknown }).code !== 404) throw err;
    }
  }

  async findInPartition(pk: string, fields: Partial<Record<string, string | number | boolean>>): Promise<Stored<T>[]> {
    const { where, parameters } = matching(pk, fields);
    const { resources } = await this.container.items
      .query<ItemDefinition>({ query: `SELECT * FROM c WHERE ${where.join(' AND ')}`, parameters }, { partitionKey: pk })
      .fetchAll();
    return resources.map((r) => this.toStored(r));
  }

  async scanAllPartitions(fields: Partial<Record<string, string | number | boolean>>): Promise<Stored<T>[]> {
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
    const where = entries.map(([k], i) => `c[${JSON.stringify(k)}] = @v${i}`);
    const parameters = entries.map(([, v], i) => ({ name: `@v${i}`, value: v as string | number | boolean }));
    const query = `SELECT * FROM c${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`;
    const { resources } = await this.container.items.query<ItemDefinition>({ query, parameters }).fetchAll();
    return resources.map((r) => this.toStored(r));
  }

  async findPageDescending(pk: string, fields: Partial<Record<string, string | number | boolean>>, page: PageRequest<T>): Promise<Stored<T>[]> {
    const { where, parameters } = matching(pk, fields);
    const field = `c[${JSON.stringify(page.orderBy)}]`;
    if (page.before !== undefined) {
      where.push(`${field} < @before`);
      parameters.push({ name: '@before', value: page.before });
    }
    parameters.push({ name: '@limit', value: page.limit });
    const query = `SELECT TOP @limit * FROM c WHERE ${where.join(' AND ')} ORDER BY ${field} DESC`;
    const { resources } = await this.container.items.query<ItemDefinition>({ query, parameters }, { partitionKey: pk }).fetchAll();
    return resources.slice(0, page.limit).map((r) => this.toStored(r));
  }

  async findExpired(now: string, limit: number): Promise<Stored<T>[]> {
    const query = 'SELECT TOP @limit * FROM c WHERE IS_DEFINED(c.expiresAt) AND c.expiresAt <= @now';
    const parameters = [{ name: '@limit', value: limit }, { name: '@now', value: now }];
    const { resources } = await this.container.items.query<ItemDefinition>({ query, parameters }).fetchAll();
    return resources.slice(0, limit).map((r) => this.toStored(r));
  }

  private toStored(resource: ItemDefinition): Stored<T> {
    const etag = resource._etag;
    if (typeof etag !== 'string') throw new Error('the store returned a document without an eTag');
    return { value: this.schema.parse(resource), etag };
  }
}

/**
 * The WHERE terms for one partition and some equal fields. The partition key is in the
 * WHERE clause as well as the options: the local server ignores the option, and real
 * Cosmos then serves the query from one partition.
 */
function matching(pk: string, fields: Partial<Record<string, string | number | boolean>>) {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  const where = ['c.pk = @pk', ...entries.map(([k], i) => `c[${JSON.stringify(k)}] = @v${i}`)];
  const parameters: { name: string; value: string | number | boolean }[] = [
    { name: '@pk', value: pk },
    ...entries.map(([, v], i) => ({ name: `@v${i}`, value: v as string | number | boolean })),
  ];
  return { where, parameters };
}

function required<R>(resource: R | undefined): R {
  if (resource === undefined) throw new Error('the store answered a write without the document');
  return resource;
}
