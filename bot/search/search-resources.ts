import { foldText } from '../register/fold-text';
import { mutationCandidates } from '../register/welsh-mutations';
import type { Language } from '../users/user-record';
import { FIELD_WEIGHT, type ResourceIndex } from './resource-index';
import type { SearchableResource } from './searchable-resource';

/**
 * How a typed word meets a word of a resource, best first: the same word; the same radical
 * ("ddiogelu" and "diogelu", "nysgu" and "dysgu"); the word begun (search as you type); a
 * radical begun. A word typed exactly ranks above a mutated one, so ambiguous forms ("law":
 * "llaw" or "glaw") still put the word as typed first.
 */
const SAME = 1;
const SAME_RADICAL = 0.9;
const BEGINNING = 0.7;
const RADICAL_BEGINNING = 0.6;

/** The longest query considered: more than this is not a search someone types. */
export const MAX_QUERY_LENGTH = 200;
/** Typed words considered; the rest are ignored rather than making a search slow. */
const MAX_QUERY_WORDS = 8;

/** What to search for, and how many results to give. */
export interface ResourceQuery {
  text: string;
  /** The searcher's language: resources in it come first among equals. */
  language: Language;
  limit: number;
  /** Results to pass over first (paging). */
  skip?: number;
}

/**
 * The resources best matching what someone typed, by title, note and key area, in Welsh and
 * English, with Welsh initial mutations undone on both sides. Every typed word must meet some
 * word of a resource; a meeting in the title counts most, then a key area's name (either
 * language), then the note. Equal scores: shared resources before the curated library, then
 * the most useful, then those in the searcher's language, then the newest, then by title. Nothing typed gives the default list: the
 * most useful, then the newest, shared resources before the curated library.
 */
export function searchResources<T>(index: ResourceIndex<T>, query: ResourceQuery): SearchableResource<T>[] {
  const skip = Math.max(0, Math.floor(query.skip ?? 0));
  const limit = Math.max(0, Math.floor(query.limit));
  if (limit === 0) return [];
  const typed = foldText(query.text.slice(0, MAX_QUERY_LENGTH)).split(' ').filter((w) => w !== '').slice(0, MAX_QUERY_WORDS);
  const found: { resource: SearchableResource<T>; score: number }[] = [];
  if (typed.length === 0) {
    for (const entry of index.resources) found.push({ resource: entry.resource, score: 0 });
  } else {
    const qualities = typed.map((word) => vocabularyQuality(index, word));
    for (const entry of index.resources) {
      let score = 0;
      for (const quality of qualities) {
        const best = Math.max(
          bestOf(entry.title, quality) * FIELD_WEIGHT.title,
          bestOf(entry.keyArea, quality) * FIELD_WEIGHT.keyArea,
          bestOf(entry.note, quality) * FIELD_WEIGHT.note,
        );
        if (best === 0) {
          score = 0;
          break;
        }
        score += best;
      }
      if (score > 0) found.push({ resource: entry.resource, score });
    }
  }
  found.sort((a, b) => b.score - a.score || compareEquals(a.resource, b.resource, query.language));
  return found.slice(skip, skip + limit).map((f) => f.resource);
}

/** Ties: shared before curated, most useful, in the searcher's language, newest, then by title. */
function compareEquals<T>(a: SearchableResource<T>, b: SearchableResource<T>, language: Language): number {
  return (
    Number(a.sharedAt === undefined) - Number(b.sharedAt === undefined) ||
    b.useful - a.useful ||
    Number(!a.languages.includes(language)) - Number(!b.languages.includes(language)) ||
    (b.sharedAt ?? '').localeCompare(a.sharedAt ?? '') ||
    (a.titles[0] ?? '').localeCompare(b.titles[0] ?? '', language === 'cy' ? 'cy' : 'en-GB')
  );
}

/** How well one typed word meets every word of the vocabulary (0 where it does not). */
function vocabularyQuality<T>(index: ResourceIndex<T>, typed: string): Float32Array {
  const typedForms = mutationCandidates(typed);
  const out = new Float32Array(index.vocabulary.length);
  index.forms.forEach((forms, id) => {
    out[id] = wordQuality(typed, typedForms, forms);
  });
  return out;
}

function wordQuality(typed: string, typedForms: readonly string[], forms: readonly string[]): number {
  const word = forms[0] ?? '';
  if (word === typed) return SAME;
  let radicalBeginning = false;
  for (const tf of typedForms) {
    for (const wf of forms) {
      if (wf === tf) return SAME_RADICAL;
      if (!radicalBeginning && wf.startsWith(tf)) radicalBeginning = true;
    }
  }
  if (word.startsWith(typed)) return BEGINNING;
  return radicalBeginning ? RADICAL_BEGINNING : 0;
}

function bestOf(ids: Int32Array, quality: Float32Array): number {
  let best = 0;
  for (let i = 0; i < ids.length; i += 1) {
    const q = quality[ids[i]!]!;
    if (q > best) best = q;
  }
  return best;
}
