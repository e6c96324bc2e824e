import { foldText } from '../register/fold-text';
import { radicalsOf } from '../register/welsh-mutations';
import { keyAreaWords } from './key-area-words';
import type { SearchableResource } from './searchable-resource';

/** How much a word counts by where it stands: a title says most about a resource, a note least. */
export const FIELD_WEIGHT = { title: 3, keyArea: 2, note: 1 } as const;

/** One resource's words as ids into the index's vocabulary, by field. */
interface IndexedResource<T> {
  resource: SearchableResource<T>;
  title: Int32Array;
  keyArea: Int32Array;
  note: Int32Array;
}

/**
 * Resources prepared for search: every distinct word once in a vocabulary with the radicals it
 * may stand for (Welsh initial mutations), and each resource as word ids. A query compares
 * what was typed with the vocabulary once, then each resource costs a few array reads.
 */
export interface ResourceIndex<T> {
  readonly vocabulary: readonly string[];
  /** Each vocabulary word's forms: itself first, then its radicals. */
  readonly forms: readonly (readonly string[])[];
  readonly resources: readonly IndexedResource<T>[];
}

/** Builds the index; build it again when the resources change (it keeps no link to them). */
export function buildResourceIndex<T>(resources: readonly SearchableResource<T>[]): ResourceIndex<T> {
  const vocabulary: string[] = [];
  const forms: string[][] = [];
  const ids = new Map<string, number>();
  const idsOf = (words: Iterable<string>): Int32Array => {
    const out: number[] = [];
    for (const word of words) {
      if (word === '') continue;
      let id = ids.get(word);
      if (id === undefined) {
        id = vocabulary.length;
        ids.set(word, id);
        vocabulary.push(word);
        forms.push([word, ...radicalsOf(word)]);
      }
      out.push(id);
    }
    return Int32Array.from(new Set(out));
  };
  const wordsOf = (texts: readonly string[]): string[] => texts.flatMap((t) => foldText(t).split(' '));
  return {
    vocabulary,
    forms,
    resources: resources.map((resource) => ({
      resource,
      title: idsOf(wordsOf(resource.titles)),
      keyArea: idsOf(resource.keyAreas.flatMap(keyAreaWords)),
      note: idsOf(wordsOf(resource.notes)),
    })),
  };
}
