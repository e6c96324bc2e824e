import type { Language } from '../users/user-record';
import { recordTwin } from './turn-journal';

/**
 * The one place a date is written out in words. In Welsh it also writes down the same date
 * as the English formatter writes it, so a "Welsh and English" reader's English half says
 * "6 October 2026" where the Welsh says "6 Hydref 2026". `tidy` is what the caller does to
 * the text after formatting (it is done to both).
 */
export function writeDate(formats: Record<Language, Intl.DateTimeFormat>, date: Date, language: Language, tidy: (text: string) => string = (t) => t): string {
  const text = tidy(formats[language].format(date));
  if (language === 'cy') recordTwin(text, tidy(formats.en.format(date)));
  return text;
}

const dayFormats: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }),
  cy: new Intl.DateTimeFormat('cy-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }),
};

/**
 * The day a moment fell on in Wales, day month year in either language ("3 November 2026",
 * "3 Tachwedd 2026"): cards shown in both languages put the two one above the other, so they
 * read alike (no weekday in English where the Welsh has none). An unreadable time is shown as given.
 */
export function dayInWales(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : writeDate(dayFormats, date, language);
}
