import { suppressMeasures, type MeasureCounts, type SuppressedMeasure } from '../../../bot/figures/suppress-views';
import { gridOf, shownOf, SMALLEST_SHOWN, type CountRow, type ShownTable } from '../../../bot/figures/suppressed-table';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Three LAs of schools of every size (some under 10 confirmed members), people split
 * over a job-family measure (4 categories) and a yes/no measure, the same people in both.
 */
function wales(seed: number): MeasureCounts[] {
  const rnd = random(seed);
  const families: MeasureCounts = { categories: 4, las: [] };
  const induction: MeasureCounts = { categories: 2, las: [] };
  for (const laId of ['la-1', 'la-2', 'la-3']) {
    const a: CountRow[] = [];
    const b: CountRow[] = [];
    const schools = 3 + Math.floor(rnd() * 4);
    for (let s = 0; s < schools; s += 1) {
      const size = [4, 8, 12, 20, 35, 60][Math.floor(rnd() * 6)]!;
      const counts = [0, 0, 0, 0];
      for (let p = 0; p < size; p += 1) counts[rnd() < 0.6 ? 0 : rnd() < 0.5 ? 1 : rnd() < 0.7 ? 2 : 3]! += 1;
      const started = Math.floor(rnd() * (size + 1));
      const withheld = size < 10;
      a.push({ id: `${laId}-s${s}`, counts, withheld });
      b.push({ id: `${laId}-s${s}`, counts: [started, size - started], withheld });
    }
    families.las.push({ laId, schools: a });
    induction.las.push({ laId, schools: b });
  }
  return [families, induction];
}

type Cell = { key: string; value: number; known: boolean };

/**
 * An administrator who sees every view (each LA school by school, and the national table, for
 * every measure) and works out hidden cells by subtraction: every row and column with its total is an
 * equation, and all of them are solved together; a number that appears in two views (an LA's totals and its national row, a
 * school's total in two measures) is one unknown. Returns the hidden cells worked out.
 */
function attack(truth: MeasureCounts[], shown: SuppressedMeasure[]): string[] {
  const cells = new Map<string, Cell>();
  const alias = new Map<string, string>();
  const root = (k: string): string => (alias.has(k) ? root(alias.get(k)!) : k);
  const same = (a: string, b: string) => {
    const [x, y] = [root(a), root(b)];
    if (x !== y) alias.set(x, y);
  };
  const lines: string[][] = [];
  const addTable = (name: string, values: number[][], table: ShownTable) => {
    const all = [...table.rows.map((r) => r.cells), table.totals];
    all.forEach((row, r) => row.forEach((c, col) => cells.set(`${name}|${r}|${col}`, { key: `${name}|${r}|${col}`, value: values[r]![col]!, known: c.shown === 'value' })));
    const h = all.length;
    const w = all[0]!.length;
    for (let r = 0; r < h; r += 1) lines.push(Array.from({ length: w }, (_, c) => `${name}|${r}|${c}`));
    for (let c = 0; c < w; c += 1) lines.push(Array.from({ length: h }, (_, r) => `${name}|${r}|${c}`));
  };
  truth.forEach((m, d) => {
    m.las.forEach((la, i) => {
      addTable(`${d}|${la.laId}`, gridOf(la.schools, m.categories).values, shown[d]!.byLa.get(la.laId)!);
      const h = la.schools.length;
      for (let c = 0; c <= m.categories; c += 1) same(`${d}|${la.laId}|${h}|${c}`, `${d}|nat|${i}|${c}`);
      // A school's total is its confirmed members in every measure.
      for (let r = 0; r <= h; r += 1) if (d > 0) same(`${d}|${la.laId}|${r}|${m.categories}`, `0|${la.laId}|${r}|${truth[0]!.categories}`);
    });
    const national = gridOf(m.las.map((la) => ({ id: la.laId, counts: Array.from({ length: m.categories }, (_, c) => la.schools.reduce((s, r) => s + r.counts[c]!, 0)) })), m.categories);
    addTable(`${d}|nat`, national.values, shown[d]!.national);
  });
  const known = new Set<string>();
  for (const c of cells.values()) if (c.known) known.add(root(c.key));
  // Every line says "the last cell is the sum of the others": solve them all together
  // (Gaussian elimination), which finds more than one subtraction at a time can.
  const unknowns = [...new Set([...cells.keys()].map(root).filter((k) => !known.has(k)))];
  const index = new Map(unknowns.map((k, i) => [k, i]));
  const rows: number[][] = [];
  for (const line of lines) {
    const row = new Array<number>(unknowns.length).fill(0);
    line.forEach((k, i) => {
      const at = index.get(root(k));
      if (at !== undefined) row[at]! += i === line.length - 1 ? -1 : 1;
    });
    if (row.some((v) => v !== 0)) rows.push(row);
  }
  let rank = 0;
  for (let col = 0; col < unknowns.length && rank < rows.length; col += 1) {
    const pivot = rows.findIndex((r, i) => i >= rank && Math.abs(r[col]!) > 1e-9);
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const p = rows[rank]!;
    for (let i = 0; i < rows.length; i += 1) {
      if (i === rank || Math.abs(rows[i]![col]!) < 1e-9) continue;
      const f = rows[i]![col]! / p[col]!;
      rows[i] = rows[i]!.map((v, j) => v - f * p[j]!);
    }
    rank += 1;
  }
  for (const r of rows) {
    const nonZero = r.map((v, j) => [v, j] as const).filter(([v]) => Math.abs(v) > 1e-9);
    if (nonZero.length === 1) known.add(unknowns[nonZero[0]![1]]!);
  }
  return [...cells.values()].filter((c) => !c.known && known.has(root(c.key))).map((c) => c.key);
}

/** Views with only the first step of suppression (withheld schools, 1–4 hidden), as a control. */
function primaryOnly(measures: MeasureCounts[]): SuppressedMeasure[] {
  return measures.map((m) => ({
    byLa: new Map(m.las.map((la) => [la.laId, shownOf(gridOf(la.schools, m.categories))])),
    national: shownOf(gridOf(m.las.map((la) => ({ id: la.laId, counts: Array.from({ length: m.categories }, (_, c) => la.schools.reduce((s, r) => s + r.counts[c]!, 0)) })), m.categories)),
  }));
}

describe('figures that cannot be undone by subtraction', () => {
  it('when only counts from 1 to 4 and small schools are hidden, then an administrator comparing views works some of them out (the attack works)', () => {
    const measures = wales(7);
    expect(attack(measures, primaryOnly(measures)).length).toBeGreaterThan(0);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('when an administrator subtracts across every view of Wales #%i, then no hidden count can be worked out', (seed) => {
    const measures = wales(seed);
    const shown = suppressMeasures(measures);
    expect(attack(measures, shown)).toEqual([]);
  });

  it('when a count is from 1 to 4, then it is never shown as a number', () => {
    const shown = suppressMeasures(wales(3));
    const measures = wales(3);
    measures.forEach((m, d) =>
      m.las.forEach((la) =>
        la.schools.forEach((s, r) =>
          s.counts.forEach((v, c) => {
            const cell = shown[d]!.byLa.get(la.laId)!.rows[r]!.cells[c]!;
            if (v > 0 && v < SMALLEST_SHOWN) expect(cell.shown).not.toBe('value');
          }),
        ),
      ),
    );
  });
});
