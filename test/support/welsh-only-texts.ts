import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import en from '../../bot/i18n/en.json';
import cy from '../../bot/i18n/cy.json';

type Json = Record<string, unknown>;

/** Every Welsh and English pair of the string files, by their place in them. */
function stringPairs(cyNode: unknown, enNode: unknown, into: [string, string][]): void {
  if (typeof cyNode === 'string' && typeof enNode === 'string') return void into.push([cyNode, enNode]);
  if (Array.isArray(cyNode) && Array.isArray(enNode)) return cyNode.forEach((c, i) => stringPairs(c, enNode[i], into));
  if (cyNode && enNode && typeof cyNode === 'object' && typeof enNode === 'object') {
    for (const [key, value] of Object.entries(cyNode as Json)) if (key !== 'switchLanguage') stringPairs(value, (enNode as Json)[key], into);
  }
}

/** Every `{ en, cy }` text of the content files in data/. */
function contentPairs(node: unknown, into: [string, string][]): void {
  if (Array.isArray(node)) return node.forEach((n) => contentPairs(n, into));
  if (node && typeof node === 'object') {
    const o = node as Json;
    if (typeof o.cy === 'string' && typeof o.en === 'string') into.push([o.cy, o.en]);
    Object.values(o).forEach((v) => contentPairs(v, into));
  }
}

/**
 * Welsh texts a reader of English could not read: each Welsh string of the string files and
 * of the content that differs from its English (for a template, each part between its
 * placeholders), `shortest` characters or more, and found in no English text at all (so a
 * name kept in both, like "Mynediad", does not count).
 */
export function welshOnlyTexts(shortest = 8): string[] {
  const pairs: [string, string][] = [];
  stringPairs(cy, en, pairs);
  const dataDir = path.join(__dirname, '../../data');
  for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.json'))) contentPairs(JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')), pairs);
  const allEnglish = pairs.map(([, e]) => e).join('\n');
  const welsh = new Set<string>();
  for (const [c, e] of pairs) {
    if (c === e) continue;
    for (const part of c.split(/\{\w+\}/)) {
      const piece = part.trim();
      if (piece.length >= shortest && !allEnglish.includes(piece)) welsh.add(piece);
    }
  }
  return [...welsh];
}
