import { figuresPartition, figuresSnapshotCollection, figuresSnapshotId, type FiguresSnapshot } from '../../../bot/figures/figures-snapshot';
import { suppressTable, type CountRow } from '../../../bot/figures/suppressed-table';
import type { Store } from '../../../bot/storage/store';

/** One LA of a made-up night: its schools' induction counts (completed, not started, started) and its people's priorities per key area. */
export interface NightLa {
  laId: string;
  schools: CountRow[];
  /** Counts per key area of the night's `keyAreas`; `withheld` when fewer than 20 people contributed. */
  priorities: { counts: number[]; withheld: boolean };
}

const CATEGORIES = ['completed', 'not-started', 'started'];

/**
 * Writes a night's snapshot documents as the card reads them (one per LA, one national),
 * each table suppressed by the same rules as the nightly job. The card is what these suites
 * test, so the night is written directly rather than counted from people's records.
 */
export async function writeNight(store: Store, tenantId: string, date: string, las: NightLa[], keyAreas: string[], nationalPriorities: boolean): Promise<void> {
  const base = { pk: figuresPartition(tenantId), kind: 'figures-snapshot' as const, date, computedAt: `${date}T01:30:00.000Z` };
  const priorities = suppressTable(las.map((la) => ({ id: la.laId, counts: la.priorities.counts, withheld: la.priorities.withheld })), keyAreas.length);
  const collection = store.collection(figuresSnapshotCollection);
  const docs: FiguresSnapshot[] = [
    ...las.map((la): FiguresSnapshot => ({
      ...base,
      id: figuresSnapshotId(date, la.laId),
      scope: la.laId,
      measures: [{ id: 'induction', categories: CATEGORIES, table: suppressTable(la.schools, CATEGORIES.length) }],
      priorities: { keyAreas, table: { rows: priorities.rows.filter((r) => r.id === la.laId), totals: [] } },
    })),
    {
      ...base,
      id: figuresSnapshotId(date, 'national'),
      scope: 'national',
      measures: [{ id: 'induction', categories: CATEGORIES, table: suppressTable(las.map((la) => ({ id: la.laId, counts: CATEGORIES.map((_, c) => la.schools.reduce((n, s) => n + (s.counts[c] ?? 0), 0)) })), CATEGORIES.length) }],
      ...(nationalPriorities ? { priorities: { keyAreas, table: priorities } } : {}),
    },
  ];
  for (const doc of docs) await collection.create(doc);
}
