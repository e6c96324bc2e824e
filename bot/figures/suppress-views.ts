import { gridOf, shownOf, suppressComplements, type CountRow, type Grid, type ShownTable } from './suppressed-table';

/** One measure (job family, Welsh level…): its categories, and per LA its schools' counts. */
export interface MeasureCounts {
  categories: number;
  las: { laId: string; schools: CountRow[] }[];
}

/** A measure as every view shows it: each LA's table (school by school) and the national table (LA by LA). */
export interface SuppressedMeasure {
  byLa: Map<string, ShownTable>;
  national: ShownTable;
}

/**
 * Suppresses every view of every measure together, so that no view can be combined with
 * another to undo a suppression: a school's own view is its row of its LA's table; the
 * national table's row for an LA is that LA's totals row; and a school's total (its confirmed
 * members) and an LA's total are the same number in every measure, so hidden in one means
 * hidden in all. Complementary suppression runs over all of these until nothing changes.
 */
export function suppressMeasures(measures: MeasureCounts[]): SuppressedMeasure[] {
  const grids = measures.map((m) => ({
    las: m.las.map((la) => ({ laId: la.laId, grid: gridOf(la.schools, m.categories) })),
    national: gridOf(m.las.map((la) => ({ id: la.laId, counts: columnTotals(la.schools, m.categories) })), m.categories),
  }));
  for (let before = -1; before !== hiddenCount(grids); ) {
    before = hiddenCount(grids);
    for (const g of grids) {
      g.las.forEach((la, i) => {
        suppressComplements(la.grid);
        orInto(lastRow(la.grid), g.national.hidden[i]!);
      });
      suppressComplements(g.national);
      g.las.forEach((la, i) => orInto(g.national.hidden[i]!, lastRow(la.grid)));
    }
    shareTotals(grids.map((g) => g.national));
    if (grids.length > 0) grids[0]!.las.forEach((_, i) => shareTotals(grids.map((g) => g.las[i]!.grid)));
  }
  return grids.map((g) => ({ byLa: new Map(g.las.map((la) => [la.laId, shownOf(la.grid)])), national: shownOf(g.national) }));
}

function columnTotals(rows: CountRow[], categories: number): number[] {
  return Array.from({ length: categories }, (_, c) => rows.reduce((sum, r) => sum + (r.counts[c] ?? 0), 0));
}

function lastRow(grid: Grid): boolean[] {
  return grid.hidden[grid.hidden.length - 1]!;
}

/** Marks in `to` every cell hidden in `from` (same shape). */
function orInto(from: boolean[], to: boolean[]): void {
  from.forEach((h, c) => {
    if (h) to[c] = true;
  });
}

/** The total column (and grand total) is the same numbers in every measure: hidden in one, hidden in all. */
function shareTotals(grids: Grid[]): void {
  if (grids.length === 0) return;
  const height = grids[0]!.hidden.length;
  for (let r = 0; r < height; r += 1) {
    const hidden = grids.some((g) => g.hidden[r]![g.hidden[r]!.length - 1]);
    if (hidden) for (const g of grids) g.hidden[r]![g.hidden[r]!.length - 1] = true;
  }
}

function hiddenCount(grids: { las: { grid: Grid }[]; national: Grid }[]): number {
  const count = (g: Grid) => g.hidden.reduce((n, row) => n + row.filter((h) => h).length, 0);
  return grids.reduce((n, g) => n + count(g.national) + g.las.reduce((m, la) => m + count(la.grid), 0), 0);
}
