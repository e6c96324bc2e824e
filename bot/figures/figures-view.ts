import type { FiguresCardData } from '../../cards/figures-card';
import { progressBar } from '../../cards/tone-kit';
import type { Content } from '../content/content';
import { learningContent } from '../learning/learning-content';
import { fill, strings } from '../i18n/strings';
import type { Language } from '../users/user-record';
import type { ShownCount } from './suppressed-table';
import type { FiguresSnapshot } from './figures-snapshot';

/** Rows (schools or LAs) on one page of the card: keeps a page far under 80 KB whatever the measure. */
export const FIGURES_ROWS_PER_PAGE = 4;

/** Which view the card shows: the nation LA by LA, one LA school by school, or one school's row. */
export type FiguresScope = { kind: 'national' } | { kind: 'la'; laId: string } | { kind: 'school'; laId: string; schoolId: string };

/** The scope as card data carries it (only ever a claim: the route checks it). */
export function scopeText(scope: FiguresScope): string {
  return scope.kind === 'national' ? 'national' : scope.kind === 'la' ? `la:${scope.laId}` : `school:${scope.schoolId}`;
}

export type Words = ReturnType<typeof strings>['figures'];

/** A count in words, as suppression left it. */
export function shownInWords(count: ShownCount | undefined, s: Words): string {
  if (!count || count.shown === 'hidden') return s.hidden;
  return count.shown === 'fewer-than-5' ? s.fewerThan5 : String(count.value);
}

/** A category of a measure in words (a role family and level, a Welsh level, a qualification, or a fixed answer). */
export function categoryName(content: Content, language: Language, measure: string, id: string, s: Words): string {
  const fixed = (s.categories as Record<string, string>)[id];
  if (fixed) return fixed;
  if (measure === 'qualification') return learningContent.qualifications.qualifications.find((q) => q.id === id)?.name[language] ?? id;
  if (measure === 'welshLevel') return content.welshLevel(id)?.[language] ?? id;
  if (measure === 'jobFamilyLevel') {
    const [familyId, level] = id.split(':');
    const role = content.roles.find((r) => r.familyId === familyId && (level === undefined || String(r.level) === level));
    const family = role?.name[language].replace(/\s+[–-].*$/, '') ?? familyId ?? id;
    return level === undefined ? family : fill(s.level, { family, level });
  }
  return id;
}

export interface FiguresViewInput {
  snapshot: FiguresSnapshot;
  scope: FiguresScope;
  measure: number;
  page: number;
  /** The name of a row: an LA's or a school's. */
  rowName: (id: string) => string;
  scopeTitle: string;
}

/**
 * One page of one measure of a snapshot, for the card: each row with a line per category,
 * a bar where the count and its row's total are both shown, words where they are not.
 */
export function figuresView(content: Content, language: Language, input: FiguresViewInput): FiguresCardData {
  const s = strings(language).figures;
  const { snapshot, scope } = input;
  const count = snapshot.measures.length;
  const index = Math.min(Math.max(input.measure, 0), Math.max(count - 1, 0));
  const measure = snapshot.measures[index];
  const base = { scope: scopeText(scope), scopeTitle: input.scopeTitle, dateLine: fill(s.date, { date: snapshot.date }), measure: index, page: 0 };
  if (!measure) return base;
  const groupOf = (name: string, cells: ShownCount[]) => {
    const total = cells.at(-1);
    if (cells.every((c) => c.shown === 'hidden')) return { name, note: s.withheld, lines: [] };
    return {
      name,
      note: `${s.total}: ${shownInWords(total, s)}`,
      lines: measure.categories.map((c, i) => {
        const cell = cells[i];
        const bar = cell?.shown === 'value' && total?.shown === 'value' ? progressBar(cell.value, total.value) : '';
        return { label: categoryName(content, language, measure.id, c, s), shown: shownInWords(cell, s), bar };
      }),
    };
  };
  const rows = measure.table.rows.filter((r) => scope.kind !== 'school' || r.id === scope.schoolId);
  const groups = [
    ...(scope.kind === 'school' ? [] : [groupOf(scope.kind === 'la' ? s.allSchools : s.total, measure.table.totals)]),
    ...rows.map((r) => groupOf(input.rowName(r.id), r.cells)),
  ];
  const pages = Math.max(1, Math.ceil(groups.length / FIGURES_ROWS_PER_PAGE));
  const page = Math.min(Math.max(input.page, 0), pages - 1);
  return {
    ...base,
    measureTitle: fill(s.measureOf, { measure: (s.measures as Record<string, string>)[measure.id] ?? measure.id, n: String(index + 1), total: String(count) }),
    groups: groups.slice(page * FIGURES_ROWS_PER_PAGE, (page + 1) * FIGURES_ROWS_PER_PAGE),
    hasPrevious: index > 0,
    previousMeasure: Math.max(index - 1, 0),
    hasNext: index < count - 1,
    nextMeasure: Math.min(index + 1, count - 1),
    page,
    hasMore: page < pages - 1,
    nextPage: page + 1,
  };
}
