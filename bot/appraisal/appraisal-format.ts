import { isRealDate } from '../time/london-date';
import type { Language } from '../users/user-record';
import { writeDate } from '../i18n/date-writer';
import { changedTwin } from '../i18n/turn-journal';

/**
 * Welsh leaves the weekday out, as induction's dates do: the strings put a date after "ar"
 * and "i", where "dydd" would need its soft mutation ("ar ddydd Mercher"), and after "ers"
 * or a colon, where it would not; the date alone reads right after every one of them.
 */
const formats: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  cy: new Intl.DateTimeFormat('cy-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A date in Wales (YYYY-MM-DD) as a reader of `language` writes it: "Monday, 15 March 2027", "15 Mawrth 2027". */
export function formatDate(date: string, language: Language): string {
  return isRealDate(date) ? writeDate(formats, new Date(`${date}T12:00:00Z`), language) : date;
}

/** A meeting's name inside a sentence ("record the planning meeting"); headings keep the capital. */
export function inSentence(name: string): string {
  return changedTwin(name, (text) => text.charAt(0).toLowerCase() + text.slice(1));
}
