import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { renderFiguresCard } from '../../cards/figures-card';
import { loadContent } from '../../bot/content/load-content';
import { figureFactsSchema, type FigureFacts } from '../../bot/figures/figure-person';
import { MEASURES, MIN_SCHOOL_MEMBERS, type MeasureId } from '../../bot/figures/figure-measures';
import { gridOf, shownOf, type ShownCount, type ShownTable } from '../../bot/figures/suppressed-table';
import { computeFiguresSnapshot } from '../../bot/figures/figures-nightly-job';
import { figuresSchoolCollection, type FiguresSchool } from '../../bot/figures/figures-school';
import { figuresPartition, figuresSnapshotCollection, figuresSnapshotId, type FiguresSnapshot } from '../../bot/figures/figures-snapshot';
import { figuresView } from '../../bot/figures/figures-view';
import { createLogger } from '../../bot/logging/logger';
import { runConcurrently } from '../../bot/proactive/run-concurrently';
import type { SchoolEntry, SchoolSector } from '../../bot/register/school-entry';
import { createSchoolRegister } from '../../bot/register/school-register';
import { itemBytes } from '../../bot/storage/item-size-limit';
import { openStore } from '../../bot/storage/open-store';
import { meterRoundTrips } from '../../bot/storage/round-trip-meter';
import { figuresSchoolOf } from '../integration/figures/figures-school-fixture';
import { syntheticSchools } from '../support/synthetic-register';

const TENANT = '00000000-0000-4000-8000-0000000f1605';
/** Staff in all (FIGURES_STAFF; Wales has about 31,000 school support staff) over FIGURES_SCHOOLS schools. */
const STAFF = Number(process.env['FIGURES_STAFF'] ?? 31_000);
const SCHOOLS = Number(process.env['FIGURES_SCHOOLS'] ?? 1_500);

/** A small seeded generator, so every run counts the same invented Wales. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const random = seeded(1605);
const pick = <T>(weighted: [T, number][]): T => {
  let r = random() * weighted.reduce((n, [, w]) => n + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[0]![0];
};

/**
 * Support staff per school by sector, as Welsh schools are: most primaries 10–40 (more small
 * than large), secondaries 40–120, all-age schools more, a few tiny schools under 10.
 * `shape` > 1 makes the small end commoner.
 */
const BANDS: Record<SchoolSector, { min: number; max: number; shape: number }> = {
  primary: { min: 10, max: 40, shape: 2.5 },
  secondary: { min: 40, max: 120, shape: 1.5 },
  middle: { min: 50, max: 150, shape: 1.5 },
  special: { min: 20, max: 80, shape: 1.2 },
  nursery: { min: 3, max: 9, shape: 1 },
  pru: { min: 4, max: 12, shape: 1 },
  other: { min: 3, max: 9, shape: 1 },
};
const TINY = { min: 3, max: 9, shape: 1 };

/** Sizes in their bands, the variable part scaled so they add up to STAFF where the bands allow. */
function sizesOf(schools: SchoolEntry[]): number[] {
  const bands = schools.map((s) => (s.sector === 'primary' && random() < 0.05 ? TINY : BANDS[s.sector]));
  const raw = bands.map((b) => (b.max - b.min) * random() ** b.shape);
  const floor = bands.reduce((n, b) => n + b.min, 0);
  const k = Math.max(0, (STAFF - floor) / raw.reduce((n, r) => n + r, 0));
  return bands.map((b, i) => Math.min(b.max, b.min + Math.round(raw[i]! * k)));
}

/** One person's facts, in roughly the proportions StatsWales gives for roles (TAs most), answers optional. */
function personFacts(): FigureFacts {
  const profile = random() >= 0.1;
  const family = pick<[string, [number, number][]]>([
    [['teaching-learning', [[1, 10], [2, 45], [3, 35], [4, 10]]], 60],
    [['pupil-support-welfare', [[1, 50], [2, 35], [3, 15]]], 14],
    [['administration-management', [[2, 40], [3, 35], [4, 20], [5, 5]]], 11],
    [['facilities', [[1, 70], [2, 30]]], 10],
    [['specialist-technical', [[2, 40], [3, 60]]], 5],
  ]);
  const took = random() < 0.4;
  const keyAreas = ['communication', 'development', 'safeguarding', 'transitions', 'multi-agency', 'sharing-information', 'literacy-numeracy'];
  const started = random() < 0.6;
  return {
    ...(profile ? { familyId: family[0], level: pick(family[1].map(([l, w]) => [l, w])), welshLevelId: pick([['none', 35], ['entry', 25], ['foundation', 12], ['intermediate', 8], ['advanced', 5], ['proficiency', 3], ['fluent', 12]]) } : {}),
    ...(profile && random() < 0.5 ? { qualification: pick([['level-2', 30], ['level-3', 45], ['level-4', 15], ['other', 10]]) } : {}),
    ...(profile && random() < 0.3 ? { hltaStatus: pick([['none', 80], ['working-towards', 8], ['awarded', 12]]) } : {}),
    ewcGiven: random() < 0.7,
    inductionStarted: started,
    inductionCompleted: started && random() < 0.5,
    selfAssessments: took ? 1 + Math.floor(random() * 2) : 0,
    planningMeetingHeld: random() < 0.35,
    priorities: took ? [...new Set([pick(keyAreas.map((k) => [k, 1])), pick(keyAreas.map((k) => [k, 1]))])] : [],
  };
}

/** How the cells of some rows of a view are shown. */
interface CellTally {
  cells: number;
  numbers: number;
  zeros: number;
  fewer: number;
  hidden: number;
}

function tally(cells: ShownCount[], into: CellTally): void {
  for (const c of cells) {
    into.cells += 1;
    if (c.shown === 'value') {
      into.numbers += 1;
      if (c.value === 0) into.zeros += 1;
    } else if (c.shown === 'fewer-than-5') into.fewer += 1;
    else into.hidden += 1;
  }
}

function tableCells(tables: ShownTable[], rows: (id: string) => boolean, totals: boolean): CellTally {
  const t: CellTally = { cells: 0, numbers: 0, zeros: 0, fewer: 0, hidden: 0 };
  for (const table of tables) {
    for (const r of table.rows) if (rows(r.id)) tally(r.cells, t);
    if (totals) tally(table.totals, t);
  }
  return t;
}

/** The cells of an LA's snapshot, every measure. */
function cellsOf(snapshot: FiguresSnapshot, rows: (id: string) => boolean, totals: boolean): CellTally {
  return tableCells(snapshot.measures.map((m) => m.table), rows, totals);
}

/** The same cells with only the first steps (small schools withheld, 1–4 as "fewer than 5"), no complements. */
function smallCountsOnly(snapshot: FiguresSnapshot, schools: { id: string; doc: FiguresSchool }[], rows: (id: string) => boolean, totals: boolean): CellTally {
  const tables = snapshot.measures.map((m) => {
    const category = MEASURES[m.id as MeasureId];
    const countRows = schools.map(({ id, doc }) => {
      const people = Object.values(doc.people).map((p) => figureFactsSchema.parse(p));
      return { id, counts: m.categories.map((c) => people.filter((p) => category(p) === c).length), withheld: people.length < MIN_SCHOOL_MEMBERS };
    });
    return shownOf(gridOf(countRows, m.categories.length));
  });
  return tableCells(tables, rows, totals);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const line = (label: string, t: CellTally) => `${label}: ${t.cells} cells, ${t.numbers} as numbers (${t.zeros} of them 0), ${t.fewer} "fewer than 5", ${t.hidden} hidden`;

/**
 * What the workforce figures cost at national scale on the embedded store: filling every
 * school's figure document, the nightly job (time, store requests, documents, memory), the
 * documents' sizes, what a figures card reads and sends, and how much suppression leaves a
 * typical school and its LA. `npm run build && FIGURES_STAFF=31000 FIGURES_SCHOOLS=1500 node
 * dist/test/bench/figures-bench.js`.
 */
async function main(): Promise<void> {
  const content = await loadContent();
  const store = await openStore({ COSMOS_ENDPOINT: undefined, COSMOS_KEY: undefined, COSMOS_DATABASE: 'cefnogi-figures-bench', DATA_DIR: os.tmpdir() }, createLogger({ quiet: true }), { persist: false });
  try {
    const register = createSchoolRegister(store);
    await register.save(TENANT, syntheticSchools(SCHOOLS, content.localAuthorities), 'figures-bench', new Date());
    const open = (await register.catalogue(TENANT)).filter((s) => s.open);
    const sizes = sizesOf(open);
    const now = new Date();
    const documents = open.map((s, i) => figuresSchoolOf(TENANT, s.id, Array.from({ length: sizes[i]! }, personFacts), now));
    const fillStart = performance.now();
    const schoolDocs = store.collection(figuresSchoolCollection);
    await runConcurrently(documents, 8, (d) => schoolDocs.create(d).then(() => undefined));
    const fillMs = performance.now() - fillStart;
    const largestSchool = Math.max(...documents.map((d) => itemBytes(d)));

    // The first night after the change also looks once for first-storage per-person documents (a scan); later nights do not.
    const deps = { store, register, log: createLogger({ quiet: true }) };
    const firstStart = performance.now();
    const first = await meterRoundTrips(() => computeFiguresSnapshot(deps, TENANT, now));
    const firstMs = performance.now() - firstStart;
    const start = performance.now();
    const { result, requests } = await meterRoundTrips(() => computeFiguresSnapshot(deps, TENANT, new Date(now.getTime() + 86_400_000)));
    const jobMs = performance.now() - start;
    const peakMb = process.resourceUsage().maxRSS / 1024;

    const date = now.toISOString().slice(0, 10);
    const snapshots = store.collection(figuresSnapshotCollection);
    // A typical school: the median-sized primary among those large enough to be shown.
    const shownPrimaries = open.map((s, i) => ({ s, size: sizes[i]! })).filter((x) => x.s.sector === 'primary' && x.size >= 10).sort((a, b) => a.size - b.size);
    const typical = shownPrimaries[Math.floor(shownPrimaries.length / 2)]!;
    const laRead = await meterRoundTrips(() => snapshots.read(figuresSnapshotId(date, typical.s.laId), figuresPartition(TENANT)));
    const la = laRead.result!.value;
    const national = (await snapshots.read(figuresSnapshotId(date, 'national'), figuresPartition(TENANT)))!.value;
    const all = await snapshots.findInPartition(figuresPartition(TENANT), { kind: 'figures-snapshot' });
    const largestLa = Math.max(...all.filter((d) => d.value.scope !== 'national').map((d) => itemBytes(d.value)));

    const cardBytes = (snapshot: FiguresSnapshot, scope: Parameters<typeof figuresView>[2]['scope']) => {
      const data = figuresView(content, 'cy', { snapshot, scope, measure: 0, page: 0, rowName: (id) => open.find((s) => s.id === id)?.name ?? id, scopeTitle: 'Figures' });
      const activity = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: renderFiguresCard('cy', data) }] };
      return Buffer.byteLength(JSON.stringify(activity), 'utf16le');
    };
    const schoolScope = { kind: 'school' as const, laId: typical.s.laId, schoolId: typical.s.id };
    const schoolShown = cellsOf(la, (id) => id === typical.s.id, false);
    const laSchools = open.flatMap((s, i) => (s.laId === typical.s.laId ? [{ id: s.id, doc: documents[i]! }] : [])).sort((a, b) => a.id.localeCompare(b.id));
    const schoolPrimary = smallCountsOnly(la, laSchools, (id) => id === typical.s.id, false);
    const laShown = cellsOf(la, () => true, true);
    const laPrimary = smallCountsOnly(la, laSchools, () => true, true);
    const perSchool = open.map((s, i) => ({ s, size: sizes[i]! })).filter((x) => x.size >= 10);
    const laOf = new Map(all.map((d) => [d.value.scope, d.value]));
    const numberShare = perSchool.map((x) => {
      const t = cellsOf(laOf.get(x.s.laId)!, (id) => id === x.s.id, false);
      return (t.numbers - t.zeros) / Math.max(1, t.cells - t.zeros);
    });

    console.log(`figures bench, ${date}: ${result.people} staff in ${result.schools} open schools (${open.length} with documents; sizes: median ${median(sizes)}, largest ${Math.max(...sizes)}, ${sizes.filter((n) => n < 10).length} under 10), ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
    console.log(`  filling the school documents: ${(fillMs / 1000).toFixed(1)} s (${documents.length} documents); the largest school document ${(largestSchool / 1024).toFixed(1)} KB`);
    console.log(`  nightly job: ${(jobMs / 1000).toFixed(1)} s, ${requests} store requests, ${result.documents} documents written, peak RSS ${peakMb.toFixed(0)} MB (the first night, with its one look for old records: ${(firstMs / 1000).toFixed(1)} s, ${first.requests} requests)`);
    console.log(`  snapshots: the typical school's LA ${(itemBytes(la) / 1024).toFixed(1)} KB (largest LA ${(largestLa / 1024).toFixed(1)} KB), national ${(itemBytes(national) / 1024).toFixed(1)} KB`);
    console.log(`  a figures card: the snapshot is ${laRead.requests} point read; the card's activity (UTF-16) ${(cardBytes(la, { kind: 'la', laId: typical.s.laId }) / 1024).toFixed(1)} KB for the LA view, ${(cardBytes(la, schoolScope) / 1024).toFixed(1)} KB for a school, ${(cardBytes(national, { kind: 'national' }) / 1024).toFixed(1)} KB national`);
    console.log(`  a typical school (${typical.size} staff, median primary shown), every measure:`);
    console.log(`    ${line('with complementary suppression', schoolShown)}`);
    console.log(`    ${line('small counts only (no complements)', schoolPrimary)}`);
    console.log(`  its LA (${la.measures[0]!.table.rows.length} schools, every measure, totals included):`);
    console.log(`    ${line('with complementary suppression', laShown)}`);
    console.log(`    ${line('small counts only (no complements)', laPrimary)}`);
    console.log(`  every school shown (${perSchool.length}): non-zero cells shown as numbers, median ${(median(numberShare) * 100).toFixed(0)}%, lowest quarter ${(median(numberShare.filter((v) => v <= median(numberShare))) * 100).toFixed(0)}%`);
  } finally {
    await store.close();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
