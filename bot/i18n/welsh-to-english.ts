import en from './en.json';
import cy from './cy.json';
import type { AdaptiveCardJson } from '../../cards/card-kit';

type Json = Record<string, unknown>;

/** Pairs of the same string in Welsh and English, by their place in the string files. */
function pairs(cyNode: unknown, enNode: unknown, into: [string, string][]): void {
  if (typeof cyNode === 'string' && typeof enNode === 'string') {
    if (cyNode !== enNode) into.push([cyNode, enNode]);
    return;
  }
  if (Array.isArray(cyNode) && Array.isArray(enNode)) return cyNode.forEach((c, i) => pairs(c, enNode[i], into));
  if (cyNode && enNode && typeof cyNode === 'object' && typeof enNode === 'object') {
    for (const [key, value] of Object.entries(cyNode as Json)) if (key !== 'switchLanguage') pairs(value, (enNode as Json)[key], into);
  }
}

interface Table {
  whole: Map<string, string>;
  patterns: { match: RegExp; names: string[]; english: string }[];
  parts: [string, string][];
}

const PLACEHOLDER = /\{(\w+)\}/g;
/** Shorter Welsh strings are not looked for inside longer texts: they could be part of other words. */
const SHORTEST_PART = 10;

let table: Table | undefined;

/**
 * The string files turned into a lookup from Welsh to English. A Welsh string with several
 * English ones ("Cymraeg" is mostly "Welsh") takes the most common; a tie is left out, as
 * translating it could only be a guess.
 */
function lookup(): Table {
  if (table) return table;
  const all: [string, string][] = [];
  pairs(cy, en, all);
  const counts = new Map<string, Map<string, number>>();
  for (const [c, e] of all) {
    const byEnglish = counts.get(c) ?? new Map<string, number>();
    byEnglish.set(e, (byEnglish.get(e) ?? 0) + 1);
    counts.set(c, byEnglish);
  }
  const seen = new Map<string, string | null>();
  for (const [c, byEnglish] of counts) {
    const ranked = [...byEnglish].sort((a, b) => b[1] - a[1]);
    seen.set(c, ranked.length > 1 && ranked[0]![1] === ranked[1]![1] ? null : ranked[0]![0]);
  }
  const whole = new Map<string, string>();
  const patterns: Table['patterns'] = [];
  const parts: [string, string][] = [];
  for (const [c, e] of seen) {
    if (e === null) continue;
    if (PLACEHOLDER.test(c)) {
      PLACEHOLDER.lastIndex = 0;
      const names: string[] = [];
      const source = c.split(PLACEHOLDER).map((piece, i) => (i % 2 === 1 ? (names.push(piece), '(.+?)') : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
      patterns.push({ match: new RegExp(`^${source}$`, 's'), names, english: e });
    } else {
      whole.set(c, e);
      if (c.length >= SHORTEST_PART) parts.push([c, e]);
    }
  }
  parts.sort((a, b) => b[0].length - a[0].length);
  return (table = { whole, patterns, parts });
}

/** One text in English as far as the string files know it; what they do not know (typed text, names, content) stays. */
export function englishOf(text: string): string {
  const t = lookup();
  const exact = t.whole.get(text);
  if (exact !== undefined) return exact;
  for (const p of t.patterns) {
    const m = p.match.exec(text);
    if (m) return p.english.replace(PLACEHOLDER, (whole, name: string) => {
      const at = p.names.indexOf(name);
      return at >= 0 ? englishOf(m[at + 1] ?? '') : whole;
    });
  }
  let out = text;
  for (const [c, e] of t.parts) if (out.includes(c)) out = out.split(c).join(e);
  return out;
}

/** Properties of a card element a reader sees (never ids, verbs, urls or data). */
const SHOWN = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText', 'fallbackText', 'speak']);

/**
 * The English twin of a card drawn in Welsh, for a person who reads both: every shown text
 * the string files know is put into English; actions, inputs and data stay exactly as they
 * were, so `bothLanguages` can show each button once.
 */
export function englishCardOf(card: AdaptiveCardJson): AdaptiveCardJson {
  return walk(card, '') as AdaptiveCardJson;
}

function walk(node: unknown, parentKey: string): unknown {
  if (Array.isArray(node)) return node.map((n) => walk(n, parentKey));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'data') out[key] = value;
    else if (typeof value === 'string' && (SHOWN.has(key) || (key === 'value' && parentKey === 'facts'))) out[key] = englishOf(value);
    else out[key] = walk(value, key);
  }
  return out;
}
