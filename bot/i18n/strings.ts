import en from './en.json';
import cyJson from './cy.json';
import type { Language } from '../users/user-record';
import { activeJournal, recordTwin } from './turn-journal';

/** The shape of every user-facing string, taken from the English file. */
export type Strings = typeof en;

// Typed as Strings so a key missing from the Welsh file fails the build, not a user.
const cy: Strings = cyJson;

const byLanguage: Record<Language, Strings> = { en, cy };

/**
 * Keys whose Welsh and English are not twins: the language switch names the OTHER language
 * ("English" on a Welsh card is the button to English), so its English must never replace it.
 */
const NOT_TWINS = new Set(['switchLanguage']);

type Node = Record<string | symbol, unknown>;
const recordingViews = new WeakMap<object, object>();

/**
 * The Welsh tree as a "Welsh and English" reader's turn reads it: reading a string writes
 * down the English string at the same path, so the English twin is exact, never guessed.
 */
function recordingView<T extends object>(welsh: T, english: unknown): T {
  const known = recordingViews.get(welsh);
  if (known) return known as T;
  const view = new Proxy(welsh, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof key === 'symbol' || NOT_TWINS.has(key)) return value;
      const twin = english && typeof english === 'object' ? (english as Node)[key] : undefined;
      if (typeof value === 'string') {
        if (typeof twin === 'string') recordTwin(value, twin);
        return value;
      }
      return value && typeof value === 'object' && twin && typeof twin === 'object' ? recordingView(value, twin) : value;
    },
  });
  recordingViews.set(welsh, view);
  return view;
}

/**
 * Every user-facing string in one language. Inside the turn of a "Welsh and English" reader,
 * the Welsh comes as a view that writes down each string's English twin as it is read
 * (bot/i18n/turn-journal.ts); everyone else gets the plain tree.
 */
export function strings(language: Language): Strings {
  return language === 'cy' && activeJournal() ? recordingView(cy, en) : byLanguage[language];
}

/**
 * The plain tree, never recording: for binding a whole tree to a card template, where every
 * string would otherwise be written down whether shown or not.
 */
export function plainStrings(language: Language): Strings {
  return byLanguage[language];
}

/**
 * Fills `{name}` placeholders; unknown placeholders are left visible so tests catch them. In
 * a "Welsh and English" reader's turn, a Welsh template read from the string files writes
 * down its filled English twin, each value put into English as far as the turn knows it (a
 * role name, a date); typed text stays as typed.
 */
export function fill(template: string, values: Record<string, string>): string {
  const filled = fillIn(template, values);
  const journal = activeJournal();
  const english = journal?.exact(template);
  if (journal && english !== undefined) {
    const englishValues = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? journal.englishOf(v) : v]));
    journal.record(filled, fillIn(english, englishValues));
  }
  return filled;
}

function fillIn(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
