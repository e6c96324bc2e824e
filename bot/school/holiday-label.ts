import type { Holiday } from '../proactive/quiet-hours';
import { isRealDate } from '../time/london-date';
import type { Language } from '../users/user-record';
import { writeDate } from '../i18n/date-writer';

const formats: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  cy: new Intl.DateTimeFormat('cy-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** A day as a list reads it in the reader's language: "22 Dec 2026", "22 Rhag 2026". */
export function shortDate(date: string, language: Language): string {
  // Intl's short English September is "Sept"; schools write "Sep".
  return isRealDate(date) ? writeDate(formats, new Date(`${date}T12:00:00Z`), language, (t) => t.replace(/\bSept\b/, 'Sep')) : date;
}

/**
 * A holiday as administrators read it on their card, not as it is stored: "22 Dec 2026 –
 * 2 Jan 2027" / "22 Rhag 2026 – 2 Ion 2027", one date for a single day.
 */
export function holidayLabel(holiday: Holiday, language: Language): string {
  const from = shortDate(holiday.from, language);
  return holiday.from === holiday.to ? from : `${from} – ${shortDate(holiday.to, language)}`;
}
