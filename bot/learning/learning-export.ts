import { EXPORT_TEXT_MAX } from '../../cards/learning-export-card';
import { STANDARD_IDS } from '../appraisal/appraisal-state';
import { formatDate } from '../appraisal/appraisal-format';
import { keyAreaName } from '../content/key-areas';
import type { ExportFile } from '../export/export-file';
import { MAX_FILE_BYTES } from '../export/file-offer';
import { toCsv } from '../export/to-csv';
import { fill, strings } from '../i18n/strings';
import { isRealDate } from '../time/london-date';
import type { Language } from '../users/user-record';
import type { LearningEntry } from './learning-entry';

export type RangeProblem = 'date-invalid' | 'date-order';
export type RangeCheck = { ok: true; from: string; to: string } | { ok: false; from?: RangeProblem; to?: RangeProblem };

/** A date range as typed: two real dates, the first not after the second. */
export function checkRange(fromRaw: string, toRaw: string): RangeCheck {
  const from = fromRaw.trim().slice(0, 10);
  const to = toRaw.trim().slice(0, 10);
  const problems: { from?: RangeProblem; to?: RangeProblem } = {};
  if (!isRealDate(from)) problems.from = 'date-invalid';
  if (!isRealDate(to)) problems.to = 'date-invalid';
  if (!problems.from && !problems.to && from > to) problems.to = 'date-order';
  return problems.from || problems.to ? { ok: false, ...problems } : { ok: true, from, to };
}

/** Entries in the range, oldest first, as the Passport lists learning. */
export function entriesIn(entries: readonly LearningEntry[], from: string, to: string): LearningEntry[] {
  return entries.filter((e) => e.date >= from && e.date <= to).sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
}

function standardNames(language: Language, entry: LearningEntry): string {
  const names = strings(language).appraisal.standards;
  return STANDARD_IDS.filter((id) => entry.standards.includes(id)).map((id) => names[id]).join(', ');
}

/** One entry as plain text: a heading line, the areas and standards, then the three answers. */
function entryText(language: Language, e: LearningEntry): string {
  const s = strings(language).learningExport;
  const k = strings(language).learning;
  const lines = [
    fill(s.entryHeading, { title: e.title, date: formatDate(e.date, language), hours: String(e.hours), kind: k.kinds[e.learningKind] }),
    e.keyAreas.length ? `${s.areas}: ${e.keyAreas.map((id) => keyAreaName(id, language)).join('; ')}` : '',
    e.standards.length ? `${s.standards}: ${standardNames(language, e)}` : '',
    e.learned ? `${k.learnedLabel} ${e.learned}` : '',
    e.changed ? `${k.changedLabel} ${e.changed}` : '',
    e.difference ? `${k.differenceLabel} ${e.difference}` : '',
  ];
  return lines.filter((l) => l !== '').join('\n');
}

/**
 * The entries as text ready to paste into the Passport, as many whole entries as fit the card;
 * `shown` says how many made it, so the card can say to shorten the range or take the CSV.
 */
export function exportText(language: Language, entries: readonly LearningEntry[]): { text: string; shown: number } {
  let text = '';
  let shown = 0;
  for (const e of entries) {
    const next = (text ? `${text}\n\n` : '') + entryText(language, e);
    if (next.length > EXPORT_TEXT_MAX) break;
    text = next;
    shown += 1;
  }
  return { text, shown };
}

/** The entries as a CSV file, headings in the reader's language; the newest that fit one offer. */
export function exportCsvFile(language: Language, entries: readonly LearningEntry[], range: { from: string; to: string }): ExportFile {
  const s = strings(language).learningExport;
  const k = strings(language).learning;
  const rows = entries.map((e) => [e.date, e.title, String(e.hours), k.kinds[e.learningKind], e.keyAreas.map((id) => keyAreaName(id, language)).join('; '), standardNames(language, e), e.learned, e.changed, e.difference]);
  let bytes = toCsv(rows, s.headings);
  for (let keep = rows.length; bytes.length > MAX_FILE_BYTES && keep > 1; ) {
    keep = Math.floor(keep * 0.75);
    bytes = toCsv(rows.slice(rows.length - keep), s.headings);
  }
  return {
    name: `cefnogi-learning-${range.from}-to-${range.to}.csv`,
    contentType: 'text/csv',
    bytes,
    description: { en: fill(strings('en').learningExport.fileDescription, range), cy: fill(strings('cy').learningExport.fileDescription, range) },
  };
}
