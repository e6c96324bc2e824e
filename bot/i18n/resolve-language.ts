import type { Language } from '../users/user-record';

/**
 * The language to speak: the user's stored choice, else the Teams locale (any Welsh
 * locale such as cy or cy-GB), else English.
 */
export function resolveLanguage(stored: Language | undefined, locale: string | undefined): Language {
  if (stored) return stored;
  if (locale && /^cy(-|_|$)/i.test(locale.trim())) return 'cy';
  return 'en';
}
