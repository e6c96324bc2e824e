import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { keyAreaIds, type KeyAreaId } from '../../bot/content/key-area-schemas';
import { buildResourceIndex } from '../../bot/search/resource-index';
import { searchResources } from '../../bot/search/search-resources';
import type { SearchableResource } from '../../bot/search/searchable-resource';
import { median, p99 } from './statistics';

const RESOURCES = 10_000;
const SEARCHES = 500;
const BUILDS = 10;

/** Words PLC members put in titles and notes, Welsh (some mutated) and English. */
const WORDS = [
  'diogelu', 'ddiogelu', 'dysgu', 'nysgu', 'llythrennedd', 'rhifedd', 'lles', 'plant', 'phlant', 'pontio', 'cyfathrebu', 'gyfathrebu',
  'darllen', 'ddarllen', 'ysgrifennu', 'Cymraeg', 'Gymraeg', 'safeguarding', 'literacy', 'numeracy', 'phonics', 'reading', 'wellbeing',
  'transitions', 'behaviour', 'parents', 'rhieni', 'maths', 'mathemateg', 'fathemateg', 'games', 'gemau', 'outdoor', 'awyr', 'agored',
  'inclusion', 'cynhwysiant', 'ADY', 'ALN', 'feelings', 'teimladau', 'speech', 'lleferydd', 'iaith', 'language', 'routine', 'trefn',
];

/** A fixed pseudo-random stream, so every run indexes and searches the same things. */
function stream(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** Made-up words from Welsh-looking syllables, so the vocabulary is as wide as a real library's (thousands of words). */
const SYLLABLES = ['ca', 'dd', 'ber', 'llan', 'wy', 'fach', 'rhos', 'tre', 'gwyn', 'mor', 'pen', 'ty', 'nant', 'cwm', 'ael', 'bryn', 'ffor', 'dol'];

function syntheticResources(count: number): SearchableResource<number>[] {
  const next = stream(7);
  const made = () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]!).join('');
  const pick = () => (next() < 0.6 ? WORDS[Math.floor(next() * WORDS.length)]! : made());
  return Array.from({ length: count }, (_, i) => ({
    item: i,
    titles: [Array.from({ length: 3 + Math.floor(next() * 5) }, pick).join(' ')],
    notes: [Array.from({ length: 8 + Math.floor(next() * 20) }, pick).join(' ')],
    keyAreas: [keyAreaIds[i % keyAreaIds.length] as KeyAreaId],
    languages: i % 3 === 0 ? ['en'] : ['cy', 'en'],
    sharedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    useful: Math.floor(next() * 20),
  }));
}

/** What people type into the compose box: a word begun, a whole word, a mutated word, two words, nothing. */
const QUERIES = ['d', 'dio', 'diogelu', 'nysgu', 'phlant', 'reading par', 'safeguarding', 'llythrennedd rhifedd', '', 'gemau awyr agored', 'fathemateg', 'xyz'];

/**
 * `npm run build && node dist/test/bench/resource-search-bench.js`: builds the search index
 * of 10,000 synthetic resources (titles of 3–7 words, notes of 8–27, one key area each) and
 * times searches as the message extension makes them (a limit of 10). Printed, not asserted.
 */
function main(): void {
  const resources = syntheticResources(RESOURCES);
  const builds: number[] = [];
  let index = buildResourceIndex(resources);
  for (let i = 0; i < BUILDS; i += 1) {
    const t = performance.now();
    index = buildResourceIndex(resources);
    builds.push(performance.now() - t);
  }
  const searches: number[] = [];
  let found = 0;
  for (let i = 0; i < SEARCHES; i += 1) {
    const text = QUERIES[i % QUERIES.length]!;
    const t = performance.now();
    found += searchResources(index, { text, language: i % 2 ? 'cy' : 'en', limit: 10 }).length;
    searches.push(performance.now() - t);
  }
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  console.log(`Resource search benchmark (node ${process.version}, ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(2)})`);
  console.log(`  index build, ${RESOURCES} resources (${index.vocabulary.length} distinct words): median ${ms(median(builds))} over ${BUILDS} builds`);
  console.log(`  one search over ${RESOURCES} resources, ${SEARCHES} searches: median ${ms(median(searches))}, p99 ${ms(p99(searches))}, max ${ms(Math.max(...searches))}; ${(found / SEARCHES).toFixed(1)} results each`);
}

main();
