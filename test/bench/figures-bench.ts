import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../../bot/content/load-content';
import { figurePersonCollection, figurePersonId, type FigurePerson } from '../../bot/figures/figure-person';
import { computeFiguresSnapshot } from '../../bot/figures/figures-nightly-job';
import { figuresPartition, figuresSnapshotCollection, figuresSnapshotId } from '../../bot/figures/figures-snapshot';
import { createLogger } from '../../bot/logging/logger';
import { runConcurrently } from '../../bot/proactive/run-concurrently';
import { createSchoolRegister } from '../../bot/register/school-register';
import { schoolKey } from '../../bot/school/school-settings';
import { openStore } from '../../bot/storage/open-store';
import { meterRoundTrips } from '../../bot/storage/round-trip-meter';
import { syntheticSchools } from '../support/synthetic-register';

const TENANT = '00000000-0000-4000-8000-0000000f1605';
/** Staff in all (FIGURES_STAFF; Wales has about 31,000 school support staff) over FIGURES_SCHOOLS schools. */
const STAFF = Number(process.env['FIGURES_STAFF'] ?? 31_000);
const SCHOOLS = Number(process.env['FIGURES_SCHOOLS'] ?? 1_500);

/**
 * What the workforce figures cost: the nightly job over STAFF per-person records in SCHOOLS
 * schools on the embedded store (time and storage requests), and a figures card's read (one
 * point read of the day's document; its size). `npm run build && node dist/test/bench/figures-bench.js`.
 */
async function main(): Promise<void> {
  const content = await loadContent();
  const store = await openStore({ COSMOS_ENDPOINT: undefined, COSMOS_KEY: undefined, COSMOS_DATABASE: 'cefnogi-figures-bench', DATA_DIR: os.tmpdir() }, createLogger({ quiet: true }), { persist: false });
  try {
    const register = createSchoolRegister(store);
    await register.save(TENANT, syntheticSchools(SCHOOLS, content.localAuthorities), 'figures-bench', new Date());
    const schools = await register.catalogue(TENANT);
    const people = store.collection(figurePersonCollection);
    const now = new Date();
    const records: FigurePerson[] = [];
    for (let i = 0; i < STAFF; i += 1) {
      const s = schools[i % schools.length]!;
      records.push({
        id: figurePersonId(`${TENANT}:p${i}`), pk: schoolKey(TENANT, s.id), kind: 'figures-person', laId: s.laId, schoolId: s.id,
        familyId: ['teaching-learning', 'pupil-support-welfare', 'administration-management', 'facilities', 'specialist-technical'][i % 5]!, level: 1 + (i % 4),
        welshLevelId: ['none', 'entry', 'foundation', 'intermediate', 'advanced', 'proficiency', 'fluent'][i % 7]!, ewcGiven: i % 3 !== 0,
        inductionStarted: i % 2 === 0, inductionCompleted: i % 6 === 0, selfAssessments: i % 5, planningMeetingHeld: i % 4 === 0,
        priorities: i % 5 === 0 ? [] : [['safeguarding', 'inclusion', 'literacy-numeracy'][i % 3]!], updatedAt: now.toISOString(),
      });
    }
    const fillStart = performance.now();
    await runConcurrently(records, 16, (r) => people.create(r).then(() => undefined));
    const fillMs = performance.now() - fillStart;
    const start = performance.now();
    const { result, requests } = await meterRoundTrips(() => computeFiguresSnapshot({ store, register, log: createLogger({ quiet: true }) }, TENANT, now));
    const jobMs = performance.now() - start;
    const date = now.toISOString().slice(0, 10);
    const laId = schools[0]!.laId;
    const snapshots = store.collection(figuresSnapshotCollection);
    const card = await meterRoundTrips(() => snapshots.read(figuresSnapshotId(date, laId), figuresPartition(TENANT)));
    const national = await snapshots.read(figuresSnapshotId(date, 'national'), figuresPartition(TENANT));
    const kb = (v: unknown) => (Buffer.byteLength(JSON.stringify(v)) / 1024).toFixed(0);
    const all = await snapshots.findInPartition(figuresPartition(TENANT), { kind: 'figures-snapshot' });
    const largest = Math.max(...all.map((s) => Buffer.byteLength(JSON.stringify(s.value)))) / 1024;
    console.log(`figures bench: ${STAFF} staff in ${result.schools} schools (${os.cpus().length} cores)`);
    console.log(`  filling per-person records: ${(fillMs / 1000).toFixed(1)} s`);
    console.log(`  nightly job: ${(jobMs / 1000).toFixed(1)} s, ${requests} store requests, ${result.documents} documents written`);
    console.log(`  a figures card's read: ${card.requests} store request(s); an LA document ${kb(card.result?.value)} KB, national ${kb(national?.value)} KB, largest ${largest.toFixed(0)} KB`);
  } finally {
    await store.close();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
