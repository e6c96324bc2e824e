import { fill, strings, type Strings } from '../i18n/strings';
import type { Language } from '../users/user-record';

/** What an act's note may count, each with words in both languages. */
export type CountKey = keyof Strings['audit']['counts'];

/**
 * An act's figures as the audit keeps them, free of any language (`added=8;rejected=1`),
 * so the card and the export can say them in the reader's language.
 */
export function countsNote(counts: Partial<Record<CountKey, number>>): string {
  return Object.entries(counts)
    .map(([key, n]) => `${key}=${n}`)
    .join(';');
}

/** A note in the reader's words: figures named in their language; anything else as kept. */
export function noteInWords(note: string, language: Language): string {
  const words = strings(language).audit.counts as Record<string, string>;
  const parts = note.split(';').map((part) => /^(\w+)=(\d+)$/.exec(part));
  if (parts.some((p) => !p || words[p[1]!] === undefined)) return note;
  return parts.map((p) => fill(words[p![1]!]!, { n: p![2]! })).join(', ');
}
