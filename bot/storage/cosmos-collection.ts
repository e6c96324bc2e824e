import type { Container, ItemDefinition } from '@azure/cosmos';
import type { ZodType, ZodTypeDef } from 'zod';
import type { DocumentCollection, Keyed, Stored } from './document-collection';

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

  async delete(id: string, pk: string): Promise<void> {
    try {
      await this.container.item(id, pk).delete();
    } catch (err) {
      if ((err as { code?: unknown }).code !== 404) throw err;
    }
  }

  async findInPartition(pk: string, fields: Partial<Record<string, string | number | boolean>>): Promise<Stored<T>[]> {
    // The partition key is in the WHERE clause as well as the options: the local server
    // ignores the option, and real Cosmos then serves the query from one partition.
    const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
    const where = ['c.pk = @pk', ...entries.map(([k], i) => `c[${JSON.stringify(k)}] = @v${i}`)].join(' AND ');
    const parameters = [{ name: '@pk', value: pk }, ...entries.map(([, v], i) => ({ name: `@v${i}`, value: v as string }))];
    const { resources } = await this.container.items
      .query<ItemDefinition>({ query: `SELECT * FROM c WHERE ${where}`, parameters }, { partitionKey: pk })
      .fetchAll();
    return resources.map((r) => this.toStored(r));
  }

  private toStored(resource: ItemDefinition): Stored<T> {
    const etag = resource._etag;
    if (typeof etag !== 'string') throw new Error('the store returned a document without an eTag');
    return { value: this.schema.parse(resource), etag };
  }
}

function required<R>(resource: R | undefined): R {
  if (resource === undefined) throw new Error('the store answered a write without the document');
  return resource;
}
