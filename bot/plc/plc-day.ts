import { writeDate } from '../i18n/date-writer';
import type { Language } from '../users/user-record';

const formats: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }),
  cy: new Intl.DateTimeFormat('cy-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }),
};

/**
 * The day a moment fell on in Wales, day month year in either language ("3 November 2026",
 * "3 Tachwedd 2026"). A PLC card in both languages shows the two one above the other, so
 * they must read alike: no weekday in English where the Welsh has none (the Welsh leaves it
 * out after "ar", where "dydd" would need its mutation). An unreadable time is shown as given.
 */
export function plcDay(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : writeDate(formats, date, language);
}
