import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';
import { safeId } from '../storage/document-collection';
import { schoolEntrySchema } from './school-entry';

/** More schools than Wales has (about 1,460), with room; keeps the catalogue one document. */
export const MAX_SCHOOLS_PER_TENANT = 3000;

/**
 * Every school of a tenant's register in one document of the `schools` container (its own
 * partition): what search-as-you-type and "find" read, one point read for the whole tenant
 * (about 150 bytes a school, so 1,500 schools are well under Cosmos's 2 MB). Each school's
 * own document stays the authority for decisions; this is its index.
 */
export const schoolCatalogueSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('school-catalogue'),
  tenantId: z.string(),
  schools: z.array(schoolEntrySchema).max(MAX_SCHOOLS_PER_TENANT),
  updatedAt: z.string(),
});
export type SchoolCatalogue = z.infer<typeof schoolCatalogueSchema>;

export const catalogueCollection = collectionSpec('schools', schoolCatalogueSchema);

/** The key (id and partition) of a tenant's catalogue. */
export function catalogueKey(tenantId: string): string {
  return safeId(`catalogue:${tenantId.toLowerCase()}`);
}
