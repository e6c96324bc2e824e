import { foldKey, foldText } from './fold-text';
import type { SchoolEntry } from './school-entry';
import { radicalsOf } from './welsh-mutations';

/** A word of a name or of what was typed, with the forms it may stand for: itself first, then its radicals. */
interface Word {
  word: string;
  forms: string[];
}

interface IndexedName {
  /** The name as the register holds it. */
  text: string;
  words: Word[];
  /** The folded name without spaces, for fragments typed without them ("penybont"). */
  compact: string;
  /** Its place among all names, shorter first then alphabetical (Welsh collation), worked out once so a search compares numbers. */
  order: number;
}

interface IndexedSchool {
  entry: SchoolEntry;
  names: IndexedName[];
}

/** The register prepared for search: every name folded and its words' radicals worked out once. */
export interface SchoolIndex {
  readonly schools: readonly IndexedSchool[];
}

/**
 * How well a school matched, best first: the whole name typed (0), the name's beginning
 * typed (1), each typed word the beginning of a word of the name (2), or typed text found
 * inside the name (3).
 */
type Tier = 0 | 1 | 2 | 3;

/** How a typed word met a word of a name, best first: the same word, the same radical, a beginning, a radical's beginning. */
const SAME = 0;
const SAME_RADICAL = 1;
const BEGINNING = 2;
const RADICAL_BEGINNING = 3;
const INSIDE = 4;

/** The longest fragment considered: a name is at most 120 characters. */
const MAX_FRAGMENT = 200;
/** Text found inside a word counts only from this many letters ("ydd" inside "caerdydd"); fewer finds nearly everything. */
const MIN_INSIDE = 3;

/** Prepares the register for searching; build it again when the register changes. */
export function buildSchoolIndex(entries: readonly SchoolEntry[]): SchoolIndex {
  const collator = new Intl.Collator('cy', { sensitivity: 'base' });
  const names = [...new Set(entries.flatMap((e) => [e.name, ...(e.altName ? [e.altName] : [])]))];
  names.sort((a, b) => a.length - b.length || collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  const order = new Map(names.map((name, i) => [name, i]));
  const indexName = (name: string): IndexedName => ({ text: name, words: wordsOf(foldText(name)), compact: foldKey(name), order: order.get(name) ?? 0 });
  return {
    schools: entries.map((entry) => ({ entry, names: [entry.name, ...(entry.altName ? [entry.altName] : [])].map(indexName) })),
  };
}

function wordsOf(folded: string): Word[] {
  return folded
    .split(' ')
    .filter((w) => w !== '')
    .map((word) => ({ word, forms: [word, ...radicalsOf(word)] }));
}

/** A school found, with the name of it that matched best (a card may show that one first). */
export interface SchoolMatch {
  entry: SchoolEntry;
  matchedName: string;
}

/**
 * The schools best matching what someone typed, for a search-as-you-type choice: a fragment
 * of either name, ignoring case, accents, punctuation and Welsh initial mutations on both
 * sides ("nghaerdydd", "gaerdydd" and "caerdydd" find "Ysgol Gyfun Caerdydd"; "cymraeg"
 * finds "Ysgol Gymraeg …"). The whole name and its beginning come first, then words begun,
 * then text inside a word; within each, open schools before closed ones, words as typed
 * before mutated ones, then shorter and alphabetical names. Nothing typed finds nothing.
 */
export function searchSchools(index: SchoolIndex, fragment: string, limit = 15): SchoolEntry[] {
  return searchSchoolMatches(index, fragment, limit).map((m) => m.entry);
}

/** searchSchools, saying which of each school's names matched. */
export function searchSchoolMatches(index: SchoolIndex, fragment: string, limit = 15): SchoolMatch[] {
  const folded = foldText(fragment.slice(0, MAX_FRAGMENT));
  const typed = wordsOf(folded);
  const max = Math.max(0, Math.floor(limit));
  if (typed.length === 0 || max === 0) return [];
  const compact = folded.replace(/ /g, '');
  const found: { entry: SchoolEntry; tier: Tier; quality: number; order: number; name: IndexedName }[] = [];
  for (const school of index.schools) {
    let best: { tier: Tier; quality: number; order: number; name: IndexedName } | undefined;
    for (const name of school.names) {
      const score = scoreName(typed, compact, name);
      if (!score) continue;
      const better = !best || (score.tier - best.tier || score.quality - best.quality || name.order - best.order) < 0;
      if (better) best = { ...score, order: name.order, name };
    }
    if (best) found.push({ entry: school.entry, ...best });
  }
  found.sort((a, b) => a.tier - b.tier || Number(!a.entry.open) - Number(!b.entry.open) || a.quality - b.quality || a.order - b.order);
  return found.slice(0, max).map((f) => ({ entry: f.entry, matchedName: f.name.text }));
}

function scoreName(typed: Word[], compact: string, name: IndexedName): { tier: Tier; quality: number } | undefined {
  const inOrder = fromTheStart(typed, name.words);
  if (inOrder) return inOrder;
  let quality = 0;
  let inside = false;
  // Each typed word needs a word of its own: "ysgol ysgol" is not found in one "Ysgol".
  const used = typed.length > 1 ? new Array<boolean>(name.words.length).fill(false) : undefined;
  for (const t of typed) {
    let best = Infinity;
    let at = -1;
    for (let i = 0; i < name.words.length; i += 1) {
      const m = used?.[i] ? Infinity : wordMatch(t, name.words[i]!);
      if (m < best) [best, at] = [m, i];
    }
    if (best === Infinity) return compact.length >= MIN_INSIDE && name.compact.includes(compact) ? { tier: 3, quality: INSIDE } : undefined;
    if (used) used[at] = true;
    if (best === INSIDE) inside = true;
    quality += best;
  }
  return { tier: inside ? 3 : 2, quality };
}

/** The name's own beginning typed: every word whole but the last, which may be begun. */
function fromTheStart(typed: Word[], words: Word[]): { tier: Tier; quality: number } | undefined {
  if (typed.length > words.length) return undefined;
  let quality = 0;
  for (let i = 0; i < typed.length; i += 1) {
    const m = wordMatch(typed[i]!, words[i]!);
    const last = i === typed.length - 1;
    if (m > (last ? RADICAL_BEGINNING : SAME_RADICAL)) return undefined;
    quality += m;
  }
  const whole = typed.length === words.length && wordMatch(typed[typed.length - 1]!, words[words.length - 1]!) <= SAME_RADICAL;
  return { tier: whole ? 0 : 1, quality };
}

/** How a typed word meets one word of a name; Infinity when it does not. */
function wordMatch(t: Word, w: Word): number {
  if (t.word === w.word) return SAME;
  let radicalBeginning = false;
  for (const tf of t.forms) {
    for (const wf of w.forms) {
      if (wf === tf) return SAME_RADICAL;
      if (!radicalBeginning && wf.startsWith(tf)) radicalBeginning = true;
    }
  }
  if (w.word.startsWith(t.word)) return BEGINNING;
  if (radicalBeginning) return RADICAL_BEGINNING;
  return t.word.length >= MIN_INSIDE && w.word.includes(t.word) ? INSIDE : Infinity;
}
