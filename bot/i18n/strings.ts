import en from './en.json';
import cyJson from './cy.json';
import type { Language } from '../users/user-record';

/** The shape of every user-facing string, taken from the English file. */
export type Strings = typeof en;

// Typed as Strings so a key missing from the Welsh file fails the build, not a user.
const cy: Strings = cyJson;

const byLanguage: Record<Language, Strings> = { en, cy };

/** Every user-facing string in one language. */
export function strings(language: Language): Strings {
  return byLanguage[language];
}

/** Fills `{name}` placeholders; unknown placeholders are left visible so tests catch them. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
