import { keyAreaNames } from '../content/key-areas';
import type { KeyAreaId } from '../content/key-area-schemas';
import { foldText } from '../register/fold-text';

/**
 * Small words of the key areas' names that say nothing about the area: left in, "a" or "and"
 * would find every resource tagged with an area whose name holds them.
 */
const LINKING_WORDS = new Set(['a', 'ac', 'and', 'ar', 'for', 'gyda', 'i', 'in', 'o', 'of', 'on', 'the', 'to', 'with', 'y', 'yn', 'yr']);

const cache = new Map<KeyAreaId, readonly string[]>();

/**
 * The folded words of a key area's names in Welsh and in English together, so a resource
 * tagged "safeguarding" is found by "diogelu" and by "safeguarding" alike, whichever language
 * its own title is in. Read from data/key-areas.json, so a renamed area is searched by its new name.
 */
export function keyAreaWords(id: KeyAreaId): readonly string[] {
  let words = cache.get(id);
  if (!words) {
    const names = keyAreaNames(id);
    words = [...new Set(foldText(`${names.en} ${names.cy}`).split(' ').filter((w) => w !== '' && !LINKING_WORDS.has(w)))];
    cache.set(id, words);
  }
  return words;
}
