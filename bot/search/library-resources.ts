import type { Resource } from '../content/self-assessment-schemas';
import type { KeyAreaId } from '../content/key-area-schemas';
import { keyAreaIdSchema } from '../content/key-area-schemas';
import type { SearchableResource } from './searchable-resource';

/**
 * The curated library (data/resources.json) as search sees it: titles and summaries in both
 * languages, so a Welsh word finds an item whatever language the searcher reads.
 */
export function librarySearchables(resources: readonly Resource[]): SearchableResource<Resource>[] {
  return resources.map((resource) => ({
    item: resource,
    titles: [resource.title.en, resource.title.cy],
    notes: [resource.summary.en, resource.summary.cy],
    keyAreas: resource.areas.filter((a): a is KeyAreaId => keyAreaIdSchema.safeParse(a).success),
    languages: resource.languages,
    useful: 0,
  }));
}
