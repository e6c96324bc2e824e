import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';

const shownCountSchema = z.discriminatedUnion('shown', [
  z.object({ shown: z.literal('value'), value: z.number().int().min(0) }),
  z.object({ shown: z.literal('fewer-than-5') }),
  z.object({ shown: z.literal('hidden') }),
]);
const shownTableSchema = z.object({
  rows: z.array(z.object({ id: z.string(), cells: z.array(shownCountSchema) })),
  totals: z.array(shownCountSchema),
});

/**
 * One day's figures for one view, already suppressed: an LA's (school by school) or the
 * nation's (LA by LA). Kept per day, so two looks the same day show the same numbers and a
 * single change cannot be seen between them. In `schools`, partition `figures:{tenantId}`,
 * id `{date}:{laId | national}`; a card reads one document.
 */
export const figuresSnapshotSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('figures-snapshot'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  scope: z.string(),
  measures: z.array(z.object({ id: z.string(), categories: z.array(z.string()), table: shownTableSchema })),
  priorities: z.object({ keyAreas: z.array(z.string()), table: shownTableSchema }).optional(),
  computedAt: z.string().datetime(),
});
export type FiguresSnapshot = z.infer<typeof figuresSnapshotSchema>;

/** The collection of daily snapshots. */
export const figuresSnapshotCollection = collectionSpec('schools', figuresSnapshotSchema);

/** The partition of a tenant's snapshots. */
export function figuresPartition(tenantId: string): string {
  return `figures:${tenantId}`;
}

/** The id of one day's snapshot of one view (`national` for the tenant's LA-by-LA table). */
export function figuresSnapshotId(date: string, scope: string): string {
  return `${date}:${scope}`;
}
