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
