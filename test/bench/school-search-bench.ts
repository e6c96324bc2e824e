import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { foldText } from '../../bot/register/fold-text';
import { localAuthoritiesFileSchema } from '../../bot/register/local-authority';
import { parseRegisterCsv } from '../../bot/register/register-csv';
import { toRegisterCsv } from '../../bot/register/register-csv-writer';
import { buildSchoolIndex, searchSchools } from '../../bot/register/school-search';
import type { SchoolEntry } from '../../bot/register/school-entry';
import { syntheticSchools } from '../support/synthetic-register';
import { median, p99 } from './statistics';

const SCHOOLS = 1500;
const SEARCHES = 1000;
const BUILDS = 20;

/**
 * What people type into a school picker: the start of a place name, a whole word, the
 * beginning of the full name, a word mutated as Welsh mutates it after a preposition, two
 * words, a fragment from inside a name, and a few letters. Drawn from the synthetic names
 * with a fixed seed so every run searches for the same things.
 */
function typicalFragments(schools: readonly SchoolEntry[], count: number): string[] {
  const mutate: [RegExp, string][] = [[/^c/, 'ng'], [/^c/, 'g'], [/^p/, 'b'], [/^t/, 'd'], [/^b/, 'f'], [/^ll/, 'l'], [/^g/, '']];
  const out: string[] = [];
  for (let i = 0; out.length < count; i += 1) {
    const school = schools[(i * 7919) % schools.length]!;
    const name = i % 3 === 0 && school.altName ? school.altName : school.name;
    const words = foldText(name).split(' ');
    const place = words.find((w) => !['ysgol', 'gynradd', 'gymraeg', 'gyfun', 'bro', 'st', 'primary', 'school'].includes(w)) ?? words[0]!;
    switch (i % 7) {
      case 0: out.push(place.slice(0, 3)); break;
      case 1: out.push(place); break;
      case 2: out.push(name.slice(0, 12)); break;
      case 3: {
        const [from, to] = mutate[i % mutate.length]!;
        out.push(from.test(place) ? place.replace(from, (m) => (to === 'ng' ? `ngh${m.slice(1)}` : to)) : place.slice(0, 5));
        break;
      }
      case 4: out.push(words.slice(-2).join(' ')); break;
      case 5: out.push(place.slice(2, 6)); break;
      default: out.push(name.slice(0, 2));
    }
  }
  return out;
}

/**
 * `npm run build && node dist/test/bench/school-search-bench.js`: builds the search index of
 * 1,500 synthetic schools (about Wales's number of maintained schools) and times 1,000
 * searches of typical fragments, then reads a 3,000-school register CSV (the most one import
 * takes). Prints milliseconds.
 */
function main(): void {
  const root = path.join(__dirname, '..', '..', '..');
  const file = localAuthoritiesFileSchema.parse(JSON.parse(readFileSync(path.join(root, 'data', 'local-authorities.json'), 'utf8')));
  const las = file.localAuthorities;
  const schools = syntheticSchools(SCHOOLS, las);

  const builds: number[] = [];
  let index = buildSchoolIndex(schools);
  for (let i = 0; i < BUILDS; i += 1) {
    const t0 = performance.now();
    index = buildSchoolIndex(schools);
    builds.push(performance.now() - t0);
  }

  const fragments = typicalFragments(schools, SEARCHES);
  for (const fragment of fragments.slice(0, 100)) searchSchools(index, fragment);
  const searches: number[] = [];
  let found = 0;
  for (const fragment of fragments) {
    const t0 = performance.now();
    found += searchSchools(index, fragment).length;
    searches.push(performance.now() - t0);
  }

  const csv = toRegisterCsv(syntheticSchools(3000, las, 2), { localAuthorities: las });
  const t0 = performance.now();
  const parsed = parseRegisterCsv(csv, las);
  const parseMs = performance.now() - t0;
  const rows = parsed.kind === 'rows' ? parsed.rows.length : 0;

  const ms = (n: number) => `${n.toFixed(3)} ms`;
  console.log(`School register benchmark (node ${process.version}, ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(2)})`);
  console.log(`  index build, ${SCHOOLS} schools:     median ${ms(median(builds))} over ${BUILDS} builds (first ${ms(builds[0] ?? NaN)})`);
  console.log(`  search, ${SEARCHES} typical fragments: median ${ms(median(searches))}, p99 ${ms(p99(searches))}, max ${ms(Math.max(...searches))}; ${(found / SEARCHES).toFixed(1)} results each on average`);
  console.log(`  CSV read, ${rows} schools (${(Buffer.byteLength(csv) / 1024).toFixed(0)} KB): ${ms(parseMs)}`);
}

main();
