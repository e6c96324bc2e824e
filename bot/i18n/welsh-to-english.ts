import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { TurnJournal } from './turn-journal';

type Json = Record<string, unknown>;

/** Properties of a card element a reader sees (never ids, verbs, urls or data). */
const SHOWN = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText', 'fallbackText', 'speak']);

/**
 * The English twin of a card drawn in Welsh, for a person who reads both: every shown text
 * is put into English from what the turn wrote down as it drew them (`TurnJournal`): the
 * exact English of each string, filled template, content name and date. Actions, inputs,
 * data and typed values stay exactly as they were, so `bothLanguages` can show each button once.
 */
export function englishCardOf(card: AdaptiveCardJson, journal: TurnJournal): AdaptiveCardJson {
  return walk(card, '', journal) as AdaptiveCardJson;
}

function walk(node: unknown, parentKey: string, journal: TurnJournal): unknown {
  if (Array.isArray(node)) return node.map((n) => walk(n, parentKey, journal));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'data') out[key] = value;
    else if (typeof value === 'string' && (SHOWN.has(key) || (key === 'value' && parentKey === 'facts'))) out[key] = journal.englishOf(value);
    else out[key] = walk(value, key, journal);
  }
  return out;
}
