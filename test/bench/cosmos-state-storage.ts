import type { Container } from '@azure/cosmos';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';

/** How one state item is kept: the botbuilder key may hold characters Cosmos ids may not. */
interface StateDocument {
  id: string;
  key: string;
  state: StoreItem;
  _etag?: string;
}

/**
 * The smallest honest botbuilder `Storage` over one Cosmos container partitioned by /id:
 * a point read per key, an upsert (or a replace on the item's eTag, so concurrent turns
 * cannot silently overwrite each other) per change, a delete per key. It gives the echo
 * bot the same kind of store Cefnogi has, without Cefnogi's own storage code.
 */
export class CosmosStateStorage implements Storage {
  constructor(private readonly container: Container) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = toId(key);
        const { resource } = await this.container.item(id, id).read<StateDocument>();
        if (resource) items[key] = { ...resource.state, eTag: resource._etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, value]: [string, StoreItem]) => {
        const { eTag, ...state } = value;
        const doc: StateDocument = { id: toId(key), key, state };
        // botbuilder's convention: no eTag or '*' means last write wins.
        if (typeof eTag === 'string' && eTag !== '*') {
          await this.container.item(doc.id, doc.id).replace(doc, { accessCondition: { type: 'IfMatch', condition: eTag } });
        } else {
          await this.container.items.upsert(doc);
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        const id = toId(key);
        try {
          await this.container.item(id, id).delete();
        } catch (err) {
          if ((err as { code?: unknown }).code !== 404) throw err;
        }
      }),
    );
  }
}

/** Cosmos ids may not contain / \ ? #; teams-ai keys contain slashes. */
function toId(key: string): string {
  return encodeURIComponent(key);
}
