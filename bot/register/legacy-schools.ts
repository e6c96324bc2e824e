import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';
import { safeId } from '../storage/document-collection';

/**
 * Schools people typed as free text before the register, per tenant: who typed each
 * (folded) name and the settings kept under it, until the name is matched to a registered
 * school (by the register's own names, or by a tenant administrator). One document per
 * tenant in the `schools` container.
 */
export const legacySchoolsSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('legacy-schools'),
  tenantId: z.string(),
  names: z.array(
    z.object({
      folded: z.string(),
      /** The name as most people typed it. */
      display: z.string().max(200),
      /** Object ids of the people whose profile names it. */
      people: z.array(z.string()),
      /** The key of the settings an administrator kept under this name, if any. */
      settingsKey: z.string().optional(),
      /** The registered school it became, once matched. */
      schoolId: z.string().optional(),
    }),
  ),
  updatedAt: z.string(),
});
export type LegacySchools = z.infer<typeof legacySchoolsSchema>;

export const legacySchoolsCollection = collectionSpec('schools', legacySchoolsSchema);

/** The key (id and partition) of a tenant's legacy names. */
export function legacySchoolsKey(tenantId: string): string {
  return safeId(`legacy-schools:${tenantId.toLowerCase()}`);
}

/** Marks that the free-text names of this store were collected, so a start does it once. */
export const migrationMarkerSchema = z.object({ id: z.string(), pk: z.string(), kind: z.literal('migration'), at: z.string() });
export const migrationMarkerCollection = collectionSpec('schools', migrationMarkerSchema);
export const FREE_TEXT_MIGRATION_KEY = 'migration:free-text-schools';
