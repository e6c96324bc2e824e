import { strings } from '../i18n/strings';
import { toCsv } from '../export/to-csv';
import type { ExportFile } from '../export/export-file';
import { MAX_FILE_BYTES } from '../export/file-offer';
import type { Language } from '../users/user-record';
import type { AuditRecord } from './audit-record';

/** The newest entries an export holds: about 200 bytes each keeps the file well inside one offer. */
export const MAX_EXPORTED_ENTRIES = 3000;

/**
 * The audit as a CSV file for a spreadsheet, headings in the reader's language, one entry a
 * row, newest first. Names and labels are what people typed: the CSV writer neutralises
 * any cell a spreadsheet could run.
 */
export function auditExportFile(language: Language, records: readonly AuditRecord[], at: Date): ExportFile {
  const s = strings(language).audit;
  const rows = records.map((r) => [r.at, r.actor, r.actorName ?? '', r.role, r.action, r.target.kind, r.target.id, r.target.label ?? '', r.laId, r.outcome, r.reason ?? '']);
  let bytes = toCsv(rows, s.headings);
  // Long names and notes can make the newest entries outgrow one file: the oldest go first.
  for (let keep = rows.length; bytes.length > MAX_FILE_BYTES && keep > 1; ) {
    keep = Math.floor(keep * 0.75);
    bytes = toCsv(rows.slice(0, keep), s.headings);
  }
  return {
    name: `cefnogi-audit-${at.toISOString().slice(0, 10)}.csv`,
    contentType: 'text/csv',
    bytes,
    description: { en: strings('en').audit.exportDescription, cy: strings('cy').audit.exportDescription },
  };
}
