/**
 * What a reader is shown for one count: the number, "fewer than 5" (a count from 1 to 4),
 * or nothing (hidden so that no other cell can be worked out from the totals).
 */
export type ShownCount = { shown: 'value'; value: number } | { shown: 'fewer-than-5' } | { shown: 'hidden' };

/** One row of a table before suppression: a school (or LA) and its counts, one per category. */
export interface CountRow {
  id: string;
  counts: number[];
  /** The whole row is withheld (a school with fewer than 10 confirmed members). */
  withheld?: boolean;
}

/**
 * A table as shown: rows by categories, each row with its total (last cell), and a last row
 * of column totals whose last cell is the grand total.
 */
export interface ShownTable {
  rows: { id: string; cells: ShownCount[] }[];
  totals: ShownCount[];
}

/** Smallest count shown as a number; 1 to 4 are "fewer than 5". */
export const SMALLEST_SHOWN = 5;

/**
 * The grid with totals: rows × (categories + total), then a row of column totals. `hidden`
 * marks cells a reader must not learn. Exported for the suppression of several views at once.
 */
export interface Grid {
  ids: string[];
  values: number[][];
  hidden: boolean[][];
}

/** The grid of a table, with primary suppression: withheld rows, and every count from 1 to 4. */
export function gridOf(rows: CountRow[], categories: number): Grid {
  const values = rows.map((r) => [...r.counts, r.counts.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: categories + 1 }, (_, c) => values.reduce((sum, row) => sum + (row[c] ?? 0), 0));
  values.push(totals);
  const hidden = values.map((row, r) => row.map((v) => (r < rows.length && rows[r]!.withheld === true) || (v > 0 && v < SMALLEST_SHOWN)));
  return { ids: rows.map((r) => r.id), values, hidden };
}

/** Every line of the grid (each row with its total, each column with its total), as cell positions. */
function linesOf(grid: Grid): [number, number][][] {
  const height = grid.values.length;
  const width = grid.values[0]?.length ?? 0;
  const rows = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c): [number, number] => [r, c]));
  const columns = Array.from({ length: width }, (_, c) => Array.from({ length: height }, (_, r): [number, number] => [r, c]));
  return [...rows, ...columns];
}

/**
 * Complementary suppression by lines: while some row or column (totals included) has exactly
 * one hidden cell, which its total would give away by subtraction, a second cell of that
 * line is hidden too — the smallest count of at least 5 (so the pair's sum never pins the
 * small one down), an inner cell before a total; failing that the smallest non-zero one.
 * Cells are only ever added, so it ends; the result has no line with a single hidden cell.
 */
export function suppressComplements(grid: Grid): boolean {
  let changed = false;
  for (let again = true; again; ) {
    again = false;
    for (const line of linesOf(grid)) {
      const hiddenCells = line.filter(([r, c]) => grid.hidden[r]![c]);
      if (hiddenCells.length !== 1) continue;
      const pick = complementIn(grid, line);
      if (!pick) continue;
      grid.hidden[pick[0]]![pick[1]] = true;
      again = changed = true;
    }
  }
  return changed;
}

function complementIn(grid: Grid, line: [number, number][]): [number, number] | undefined {
  const lastRow = grid.values.length - 1;
  const lastColumn = (grid.values[0]?.length ?? 1) - 1;
  const isTotal = ([r, c]: [number, number]) => r === lastRow || c === lastColumn;
  const open = line.filter(([r, c]) => !grid.hidden[r]![c]);
  const rank = (cell: [number, number]): number[] => {
    const v = grid.values[cell[0]]![cell[1]]!;
    return [v >= SMALLEST_SHOWN ? 0 : v > 0 ? 1 : 2, isTotal(cell) ? 1 : 0, v];
  };
  return open.sort((a, b) => compare(rank(a), rank(b)))[0];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The grid as a reader sees it. */
export function shownOf(grid: Grid): ShownTable {
  const cell = (r: number, c: number): ShownCount => {
    const v = grid.values[r]![c]!;
    if (!grid.hidden[r]![c]) return { shown: 'value', value: v };
    return v > 0 && v < SMALLEST_SHOWN && !grid.hidden[r]!.every((h) => h) ? { shown: 'fewer-than-5' } : { shown: 'hidden' };
  };
  const last = grid.values.length - 1;
  return {
    rows: grid.ids.map((id, r) => ({ id, cells: grid.values[r]!.map((_, c) => cell(r, c)) })),
    totals: grid.values[last]!.map((_, c) => cell(last, c)),
  };
}

/** One table suppressed on its own. */
export function suppressTable(rows: CountRow[], categories: number): ShownTable {
  const grid = gridOf(rows, categories);
  suppressComplements(grid);
  return shownOf(grid);
}
