import type { ZodType, ZodTypeDef } from 'zod';
import type { ContainerName } from './containers';
import type { Keyed } from './document-collection';

/**
 * A capability's own collection: the container it lives in and the schema its documents
 * are parsed with. Declared in the capability's folder and opened with `store.collection`,
 * so `storage/` never learns what a capability keeps.
 */
export interface CollectionSpec<T extends Keyed> {
  container: ContainerName;
  schema: ZodType<T, ZodTypeDef, unknown>;
}

/** Declares a collection (see CollectionSpec). */
export function collectionSpec<T extends Keyed>(container: ContainerName, schema: ZodType<T, ZodTypeDef, unknown>): CollectionSpec<T> {
  return { container, schema };
}
