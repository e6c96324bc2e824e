import { toCsv } from '../export/to-csv';
import type { ExportFile } from '../export/export-file';
import type { Content } from '../content/content';
import { strings } from '../i18n/strings';
import type { Language } from '../users/user-record';
import type { FiguresSnapshot } from './figures-snapshot';
import { categoryName, shownInWords, type FiguresScope } from './figures-view';

/**
 * The figures of one view as a CSV, from the same suppressed snapshot as the card: a count
 * hidden on the card is hidden in the file, in the same words, so the file adds nothing.
 */
export function figuresExportFile(content: Content, language: Language, snapshot: FiguresSnapshot, scope: FiguresScope, rowName: (id: string) => string): ExportFile {
  const s = strings(language).figures;
  const rows: string[][] = [];
  for (const m of snapshot.measures) {
    const measure = (s.measures as Record<string, string>)[m.id] ?? m.id;
    const table = [
      ...(scope.kind === 'school' ? [] : [{ name: scope.kind === 'la' ? s.allSchools : s.total, cells: m.table.totals }]),
      ...m.table.rows.filter((r) => scope.kind !== 'school' || r.id === scope.schoolId).map((r) => ({ name: rowName(r.id), cells: r.cells })),
    ];
    for (const row of table) {
      m.categories.forEach((c, i) => rows.push([measure, row.name, categoryName(content, language, m.id, c, s), shownInWords(row.cells[i], s)]));
      rows.push([measure, row.name, s.total, shownInWords(row.cells.at(-1), s)]);
    }
  }
  return {
    name: `cefnogi-figures-${snapshot.date}.csv`,
    contentType: 'text/csv',
    bytes: toCsv(rows, s.headings),
    description: { en: strings('en').figures.exportDescription, cy: strings('cy').figures.exportDescription },
  };
}
