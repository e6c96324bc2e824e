/**
 * Radicals by the mutated beginning they replace. Welsh changes the first letter of a word
 * after many small words ("Caerdydd", "i Gaerdydd", "yng Nghaerdydd", "a Chaerdydd"), so a
 * name and what someone types may hold different forms of one word. The longest matching
 * beginning decides; `ll`, `rh` and `ff` are letters of their own and change nothing, so that
 * "llan" is not read as a mutated "l…".
 */
const RADICALS: readonly (readonly [string, readonly string[]])[] = [
  // nasal
  ['ngh', ['c']],
  ['mh', ['p']],
  ['nh', ['t']],
  ['ng', ['g']],
  ['m', ['b']],
  ['n', ['d']],
  // aspirate
  ['ch', ['c']],
  ['ph', ['p']],
  ['th', ['t']],
  // soft
  ['g', ['c']],
  ['b', ['p']],
  ['dd', ['d']],
  ['d', ['t']],
  ['f', ['b', 'm']],
  ['l', ['ll']],
  ['r', ['rh']],
  // single letters of their own: no change
  ['ll', []],
  ['rh', []],
  ['ff', []],
];

const BY_LENGTH = [...RADICALS].sort((a, b) => b[0].length - a[0].length);

/**
 * The forms a folded word (lower case, circumflexes off) may have come from, besides itself:
 * the radical by the rules above; with a `g` put back where soft mutation drops it (a word
 * starting with a vowel, `w`, `r` or `l`: "ardd" from "gardd", "wlad" from "gwlad"); and
 * without the `h` put before a vowel ("hysgol" from "ysgol"). Ambiguous forms give several
 * ("law": "llaw" or "glaw"); callers rank a word's own form first.
 */
export function radicalsOf(word: string): string[] {
  const out: string[] = [];
  const rule = BY_LENGTH.find(([prefix]) => word.startsWith(prefix));
  if (rule) for (const radical of rule[1]) out.push(radical + word.slice(rule[0].length));
  if (/^([aeiouwy]|r(?!h)|l(?!l))/.test(word)) out.push(`g${word}`);
  if (/^h[aeiouwy]/.test(word)) out.push(word.slice(1));
  return [...new Set(out)].filter((form) => form !== word);
}

/** The word itself first, then every radical it may stand for. */
export function mutationCandidates(word: string): string[] {
  return [word, ...radicalsOf(word)];
}
