/** Apostrophes join a word ("Mary's" → "marys") rather than split it. */
const APOSTROPHES = /['\u2018\u2019\u02BC`]/g;

/**
 * Text as search and the CSV reader compare it: lower case, accents and circumflexes off
 * ("Môn" and "Mon" are one word to someone typing on a phone), apostrophes dropped, any other
 * punctuation or space a single space. Words stay apart so Welsh mutations can be undone word
 * by word.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * foldText without the spaces: one key for a heading, a value or a name however it is spaced
 * or hyphenated ("Pen-y-bont ar Ogwr", "Penybont ar ogwr" and "PEN Y BONT AR OGWR" agree).
 */
export function foldKey(text: string): string {
  return foldText(text).replace(/ /g, '');
}
