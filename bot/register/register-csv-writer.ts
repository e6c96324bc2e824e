import { stringify } from 'csv-stringify/sync';
import { strings } from '../i18n/strings';
import type { Language } from '../users/user-record';
import type { LocalAuthority } from './local-authority';
import type { SchoolEntry } from './school-entry';
import { REGISTER_COLUMNS, type RegisterColumn } from './register-vocabulary';

/** A cell a spreadsheet would run as a formula starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Status as the export writes it; `parseRegisterCsv` reads both languages' words. */
const STATUS_WORD: Record<Language, { open: string; closed: string }> = {
  en: { open: 'open', closed: 'closed' },
  cy: { open: 'agored', closed: 'ar gau' },
};

/**
 * The register as a CSV that `parseRegisterCsv` reads back unchanged: headings in the chosen
 * language, every field quoted (names hold commas), a byte-order mark and CRLF so a
 * spreadsheet opens Welsh letters correctly. Sectors and language categories are written as
 * their ids; the local authority by name when the list is given, else by id. A cell that
 * would start a formula gets a leading apostrophe, which the reader takes off again.
 */
export function toRegisterCsv(
  entries: readonly SchoolEntry[],
  options: { language?: Language; localAuthorities?: readonly LocalAuthority[] } = {},
): string {
  const language = options.language ?? 'en';
  const headings = strings(language).register.headings;
  const laName = new Map((options.localAuthorities ?? []).map((la) => [la.id, la.name[language]]));
  const cells = (entry: SchoolEntry): Record<RegisterColumn, string> => ({
    number: entry.number ?? '',
    name: entry.name,
    altName: entry.altName ?? '',
    la: laName.get(entry.laId) ?? entry.laId,
    sector: entry.sector,
    languageCategory: entry.languageCategory,
    status: STATUS_WORD[language][entry.open ? 'open' : 'closed'],
  });
  const rows = [
    REGISTER_COLUMNS.map((c) => headings[c]),
    ...entries.map((entry) => {
      const row = cells(entry);
      return REGISTER_COLUMNS.map((c) => (FORMULA_START.test(row[c]) ? `'${row[c]}` : row[c]));
    }),
  ];
  return stringify(rows, { bom: true, quoted: true, record_delimiter: 'windows', quoted_empty: true });
}
