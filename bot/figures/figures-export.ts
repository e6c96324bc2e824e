import { toCsv } from '../export/to-csv';
import type { ExportFile } from '../export/export-file';
import type { Content } from '../content/content';
import { strings } from '../i18n/strings';
import type { Language } from '../users/user-record';
import type { FiguresSnapshot } from './figures-snapshot';
import { laNameIn } from '../register/la-name';
import { categoryName, hasPriorities, keyAreaLabel, shownInWords, type FiguresScope } from './figures-view';

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
  if (hasPriorities(scope)) rows.push(...priorityRows(content, language, snapshot, scope));
  return {
    name: `cefnogi-figures-${snapshot.date}.csv`,
    contentType: 'text/csv',
    bytes: toCsv(rows, s.headings),
    description: { en: strings('en').figures.exportDescription, cy: strings('cy').figures.exportDescription },
  };
}

/**
 * The development priorities of an LA or the nation, as the card shows them: a count per key
 * area and the priorities named in all, or one line saying why they are not shown.
 */
function priorityRows(content: Content, language: Language, snapshot: FiguresSnapshot, scope: FiguresScope): string[][] {
  const s = strings(language).figures;
  const laName = laNameIn(content, language);
  const table = snapshot.priorities?.table;
  const keys = snapshot.priorities?.keyAreas ?? [];
  const named = scope.kind === 'la'
    ? [{ name: laName(scope.laId), cells: table?.rows.find((r) => r.id === scope.laId)?.cells ?? [] }]
    : table && table.totals.length > 0 ? [{ name: s.total, cells: table.totals }, ...table.rows.map((r) => ({ name: laName(r.id), cells: r.cells }))] : [{ name: s.total, cells: [] }];
  return named.flatMap((row) => {
    if (row.cells.length === 0 && scope.kind === 'national') return [[s.priorities, row.name, '', s.prioritiesTooFew]];
    if (row.cells.every((c) => c.shown === 'hidden')) return [[s.priorities, row.name, '', s.prioritiesHidden]];
    return [...keys.map((k, i) => [s.priorities, row.name, keyAreaLabel(k, language), shownInWords(row.cells[i], s)]), [s.priorities, row.name, s.prioritiesNamed, shownInWords(row.cells.at(-1), s)]];
  });
}
