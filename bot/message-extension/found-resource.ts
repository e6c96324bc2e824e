import type { Resource } from '../content/self-assessment-schemas';
import { keyAreaIdSchema, type KeyAreaId } from '../content/key-area-schemas';
import { librarySearchables } from '../search/library-resources';
import type { SearchableResource } from '../search/searchable-resource';
import type { PlcResourceForSearch } from './plc-sharing-port';

/** A search result: an item of the curated library, or a resource shared in one of the person's PLCs. */
export type FoundResource = { source: 'library'; resource: Resource } | { source: 'plc'; resource: PlcResourceForSearch };

/** Key-area ids as a PLC hands them over, keeping only ones Cefnogi knows (a stale id finds nothing rather than failing). */
export function knownKeyAreas(ids: readonly string[]): KeyAreaId[] {
  return ids.filter((id): id is KeyAreaId => keyAreaIdSchema.safeParse(id).success);
}

/** Both libraries as one list for one index, so a search ranks them together. */
export function searchablesOf(library: readonly Resource[], shared: readonly PlcResourceForSearch[]): SearchableResource<FoundResource>[] {
  const fromLibrary = librarySearchables(library).map((s) => ({ ...s, item: { source: 'library', resource: s.item } as FoundResource }));
  const fromPlcs = shared.map(
    (resource): SearchableResource<FoundResource> => ({
      item: { source: 'plc', resource },
      titles: [resource.title],
      notes: resource.note ? [resource.note] : [],
      keyAreas: knownKeyAreas(resource.keyAreas),
      languages: resource.languages,
      sharedAt: resource.sharedAt,
      useful: resource.useful,
    }),
  );
  return [...fromPlcs, ...fromLibrary];
}
