import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../../bot/content/load-content';
import { createLogger } from '../../bot/logging/logger';
import { membershipsCollection, type MembershipRecord } from '../../bot/membership/membership-record';
import { createSchoolMemberships, type SchoolMemberships } from '../../bot/membership/school-memberships';
import { Outbox } from '../../bot/proactive/outbox-queue';
import { runConcurrently } from '../../bot/proactive/run-concurrently';
import { foldText } from '../../bot/register/fold-text';
import { catalogueCollection, catalogueKey } from '../../bot/register/school-catalogue';
import type { SchoolEntry } from '../../bot/register/school-entry';
import { createSchoolRegister, type SchoolRegister } from '../../bot/register/school-register';
import { buildSchoolIndex, searchSchools } from '../../bot/register/school-search';
import { schoolKey } from '../../bot/school/school-settings';
import { openStore, type OpenedStore } from '../../bot/storage/open-store';
import { meterRoundTrips } from '../../bot/storage/round-trip-meter';
import { userKey } from '../../bot/users/user-record';
import { syntheticSchools } from '../support/synthetic-register';
import { median, p99 } from './statistics';

/** About Wales's number of maintained schools, all in one Hwb tenant. */
const SCHOOLS = 1500;
/** Staff per school once every school has some confirmed: 8 × 1,500 = 12,000 documents. */
const MEMBERS_PER_SCHOOL = 8;
/** Container sizes at which a roster is timed: empty, a quarter full, full. */
const MEMBERSHIP_STAGES = [0, 3000, 12000];
/** Schools whose roster is read at each stage. */
const ROSTER_SCHOOLS = 50;
/** Memberships written at once while filling, as an import's writes are bounded. */
const FILL_CONCURRENCY = 8;
/** Cold catalogue reads (each by a register whose cache has expired). */
const COLD_READS = 20;
/** Keystrokes timed with the catalogue warm; a cold keystroke is timed for every COLD_EVERY-th. */
const KEYSTROKES = 600;
const COLD_EVERY = 10;
const TENANT = '00000000-0000-4000-8000-00000000b3c4';
const ACTOR = 'register-bench';

/** One timed piece of work: milliseconds and storage requests of each repetition. */
interface Sample {
  ms: number[];
  requests: number[];
}

async function timed<T>(sample: Sample, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const { result, requests } = await meterRoundTrips(work);
  sample.ms.push(performance.now() - t0);
  sample.requests.push(requests);
  return result;
}

const emptySample = (): Sample => ({ ms: [], requests: [] });

/**
 * What a person types, one keystroke at a time, into the school picker: the growing
 * beginning of a place name (from three letters), sometimes mutated as Welsh mutates it
 * after a preposition ("nghaer…", "gaer…"), and the start of a whole name. Drawn from the
 * synthetic names with a fixed stride, so every run types the same thing.
 */
function keystrokes(schools: readonly SchoolEntry[], count: number): string[] {
  const mutate: [RegExp, string][] = [[/^c/, 'ngh'], [/^c/, 'g'], [/^p/, 'b'], [/^t/, 'd'], [/^b/, 'f']];
  const skip = new Set(['ysgol', 'gynradd', 'gymraeg', 'gyfun', 'bro', 'st', 'primary', 'school', 'uned', 'canolfan']);
  const out: string[] = [];
  for (let i = 0; out.length < count; i += 1) {
    const school = schools[(i * 7919) % schools.length]!;
    const name = i % 3 === 0 && school.altName ? school.altName : school.name;
    const words = foldText(name).split(' ');
    let typed = words.find((w) => !skip.has(w)) ?? words[0]!;
    if (i % 4 === 1) {
      const [from, to] = mutate[i % mutate.length]!;
      if (from.test(typed)) typed = typed.replace(from, to);
    } else if (i % 4 === 3) {
      typed = name.slice(0, 16);
    }
    for (let n = 3; n <= typed.length && out.length < count; n += 1) out.push(typed.slice(0, n));
  }
  return out;
}

/** Membership `n` of a school (0-based): most confirmed by an import, some still asked for. */
function membership(tenantId: string, schoolId: string, n: number, now: Date): MembershipRecord {
  const aadObjectId = `${schoolId.replace(/[^0-9a-z]/gi, '').slice(-8).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const confirmed = n % 4 !== 3;
  return {
    id: userKey({ tenantId, aadObjectId }),
    pk: schoolKey(tenantId, schoolId),
    kind: 'membership',
    tenantId,
    schoolId,
    aadObjectId,
    name: `Staff ${n + 1} of ${schoolId}`,
    status: confirmed ? 'confirmed' : 'pending',
    source: confirmed ? 'import' : 'request',
    requestedAt: now.toISOString(),
    ...(confirmed ? { decidedAt: now.toISOString(), decidedBy: ACTOR } : {}),
  };
}

/** A register whose catalogue cache can be made stale on demand, for cold reads. */
function registerWithClock(store: OpenedStore): { register: SchoolRegister; expire: () => void } {
  let offset = 0;
  return { register: createSchoolRegister(store, () => Date.now() + offset), expire: () => void (offset += 60_000) };
}

/** Rosters of the measured schools, then a point read of one member each (or of nobody when empty). */
async function measureRosters(memberships: SchoolMemberships, schools: readonly SchoolEntry[], perSchool: number): Promise<{ roster: Sample; point: Sample; size: number }> {
  const roster = emptySample();
  const point = emptySample();
  let size = 0;
  for (const school of schools) {
    const members = await timed(roster, () => memberships.roster(TENANT, school.id));
    size += members.length;
  }
  for (const school of schools) {
    const probe = membership(TENANT, school.id, Math.max(0, perSchool - 1), new Date());
    await timed(point, () => memberships.isConfirmed(TENANT, school.id, probe.aadObjectId));
  }
  return { roster, point, size: size / schools.length };
}

const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1)).padStart(8);
const row = (what: string, sample: Sample, note = ''): string =>
  `  ${what.padEnd(46)} ${ms(median(sample.ms))} ${ms(p99(sample.ms))} ${String(median(sample.requests)).padStart(5)}  ${note}`;

/**
 * `node_modules/.bin/tsc -p tsconfig.build.json && node dist/test/bench/register-bench.js`:
 * the school register at national scale on the embedded store, through the real Cosmos SDK
 * as `npm start` runs it (in memory, nothing written to disk). Saves 1,500 synthetic
 * schools, times the catalogue read and a search keystroke, then fills 12,000 memberships
 * and times a school's roster against a membership point read as the container grows.
 * Prints milliseconds (median, p99) and storage requests per operation.
 */
async function main(): Promise<void> {
  const content = await loadContent();
  const schools = syntheticSchools(SCHOOLS, content.localAuthorities);
  const store = await openStore(
    { COSMOS_ENDPOINT: undefined, COSMOS_KEY: undefined, COSMOS_DATABASE: 'cefnogi-register-bench', DATA_DIR: os.tmpdir() },
    createLogger({ quiet: true }),
    { persist: false },
  );
  const lines: string[] = [];
  try {
    // 1. The storage part of an import: the catalogue and every school's own document.
    const save = emptySample();
    const saved = await timed(save, () => createSchoolRegister(store).save(TENANT, schools, ACTOR, new Date()));
    if (saved.kind !== 'saved' || saved.added.length !== SCHOOLS) throw new Error(`save did not add ${SCHOOLS} schools`);
    const key = catalogueKey(TENANT);
    const stored = await store.collection(catalogueCollection).read(key, key);
    const catalogueKb = Buffer.byteLength(JSON.stringify(stored?.value ?? {})) / 1024;

    const { register, expire } = registerWithClock(store);
    const cold = emptySample();
    for (let i = 0; i < COLD_READS; i += 1) {
      expire();
      const entries = await timed(cold, () => register.catalogue(TENANT));
      if (entries.length !== SCHOOLS) throw new Error(`catalogue read ${entries.length} schools`);
    }

    // 2. One keystroke in the picker: the catalogue (cached, or read), the index, the search.
    const typed = keystrokes(schools, KEYSTROKES);
    const warmKeys = emptySample();
    const coldKeys = emptySample();
    let found = 0;
    for (const fragment of typed.slice(0, 50)) searchSchools(buildSchoolIndex(await register.catalogue(TENANT)), fragment, 15);
    for (let i = 0; i < typed.length; i += 1) {
      const fragment = typed[i]!;
      if (i % COLD_EVERY === 0) {
        expire();
        await timed(coldKeys, async () => searchSchools(buildSchoolIndex(await register.catalogue(TENANT)), fragment, 15));
      }
      found += (await timed(warmKeys, async () => searchSchools(buildSchoolIndex(await register.catalogue(TENANT)), fragment, 15))).length;
    }

    // Where a warm keystroke's time goes: building the index, and the search on a built one.
    const entries = await register.catalogue(TENANT);
    const builds = emptySample();
    const searches = emptySample();
    const index = buildSchoolIndex(entries);
    for (let i = 0; i < typed.length; i += 1) {
      if (i % COLD_EVERY === 0) await timed(builds, async () => buildSchoolIndex(entries));
      await timed(searches, async () => searchSchools(index, typed[i]!, 15));
    }

    // 3. Memberships, filled in rounds so every school grows together (2 a school at 3,000).
    const memberships = createSchoolMemberships(store, register, new Outbox(store.outbox, store.deliveries, () => new Date()));
    const container = store.collection(membershipsCollection);
    const measured = schools.filter((_, i) => i % Math.floor(SCHOOLS / ROSTER_SCHOOLS) === 0).slice(0, ROSTER_SCHOOLS);
    const stages: { documents: number; perSchool: number; fillMs: number; roster: Sample; point: Sample; size: number }[] = [];
    let filled = 0;
    for (const documents of MEMBERSHIP_STAGES) {
      const perSchool = Math.min(MEMBERS_PER_SCHOOL, Math.round(documents / SCHOOLS));
      const now = new Date();
      const pending: MembershipRecord[] = [];
      for (let n = filled / SCHOOLS; n < perSchool; n += 1) for (const school of schools) pending.push(membership(TENANT, school.id, n, now));
      const t0 = performance.now();
      await runConcurrently(pending, FILL_CONCURRENCY, async (doc) => void (await container.create(doc)));
      const fillMs = performance.now() - t0;
      filled += pending.length;
      stages.push({ documents: filled, perSchool, fillMs, ...(await measureRosters(memberships, measured, perSchool)) });
    }

    const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    lines.push(`School register on the embedded store (node ${process.version}, ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${os.cpus().length} cores, load ${load})`);
    lines.push(`  ${'operation'.padEnd(46)} ${'median'.padStart(8)} ${'p99'.padStart(8)} ${'reqs'.padStart(5)}  (ms; reqs = storage requests, median)`);
    lines.push(row(`save ${SCHOOLS} schools (import, storage part)`, save, `catalogue ${catalogueKb.toFixed(0)} KB`));
    lines.push(row(`catalogue read, cold (${COLD_READS}×)`, cold));
    lines.push(row(`keystroke, catalogue warm (${warmKeys.ms.length}×)`, warmKeys, `${(found / typed.length).toFixed(1)} results on average`));
    lines.push(row(`keystroke, catalogue cold (${coldKeys.ms.length}×)`, coldKeys));
    lines.push(row(`  of which index build (${builds.ms.length}×)`, builds));
    lines.push(row(`  of which search on a built index (${searches.ms.length}×)`, searches));
    for (const stage of stages) {
      const fill = stage.documents === 0 ? '' : `, filled in ${(stage.fillMs / 1000).toFixed(1)} s`;
      lines.push(row(`roster, ${stage.documents} memberships (${ROSTER_SCHOOLS}×)`, stage.roster, `${stage.size.toFixed(0)} members a school${fill}`));
      lines.push(row(`isConfirmed, ${stage.documents} memberships (${ROSTER_SCHOOLS}×)`, stage.point));
    }
  } finally {
    await store.close();
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
