import { FIGURES_PICKER_MAX, type FiguresCardData } from '../../cards/figures-card';
import { progressBar } from '../../cards/tone-kit';
import type { Content } from '../content/content';
import { learningContent } from '../learning/learning-content';
import { fill, strings } from '../i18n/strings';
import { formatDate } from '../appraisal/appraisal-format';
import { keyAreas } from '../content/key-areas';
import { laNameIn } from '../register/la-name';
import type { HeldRoles } from '../roles/admin-scope';
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

/** A key area of the development priorities in words (its id only for an area this release no longer names). */
export function keyAreaLabel(id: string, language: Language): string {
  return keyAreas.find((a) => a.id === id)?.name[language] ?? id;
}

/**
 * Whether a view has the development-priorities page after its measures: an LA's and the
 * nation's do, a school's never (too few people for priorities to say nothing about anyone).
 */
export function hasPriorities(scope: FiguresScope): boolean {
  return scope.kind !== 'school';
}

/** A block of the card: a row's name, a note, a line per category. */
type Group = { name: string; note: string; lines: { label: string; shown: string; bar: string }[] };

/** How a table's rows are worded: its categories' labels, the words before a row's total, and a row with nothing shown. */
interface RowWords {
  labels: string[];
  totalWords: string;
  nothingShown: string;
}

/** One row as a block: a line per category with a bar where the count and the row's total are both shown. */
function groupOf(name: string, cells: ShownCount[], words: RowWords, s: Words): Group {
  const total = cells.at(-1);
  if (cells.every((c) => c.shown === 'hidden')) return { name, note: words.nothingShown, lines: [] };
  return {
    name,
    note: `${words.totalWords}: ${shownInWords(total, s)}`,
    lines: words.labels.map((label, i) => {
      const cell = cells[i];
      const bar = cell?.shown === 'value' && total?.shown === 'value' ? progressBar(cell.value, total.value) : '';
      return { label, shown: shownInWords(cell, s), bar };
    }),
  };
}

/**
 * The rows of the priorities page: the nation's totals then each LA (national view), or the
 * LA's own row (LA view). No national table means fewer than 20 contributed nationally, said
 * in those words. A row with every count hidden is an LA with fewer than 20 contributing, or
 * one whose counts would give a withheld LA away by subtraction: the snapshot does not say
 * which, so the words name both.
 */
function priorityGroups(content: Content, language: Language, snapshot: FiguresSnapshot, scope: FiguresScope): Group[] {
  const s = strings(language).figures;
  const table = snapshot.priorities?.table;
  const words = { labels: (snapshot.priorities?.keyAreas ?? []).map((k) => keyAreaLabel(k, language)), totalWords: s.prioritiesNamed, nothingShown: s.prioritiesHidden };
  const laName = laNameIn(content, language);
  if (scope.kind === 'la') {
    const row = table?.rows.find((r) => r.id === scope.laId);
    return [groupOf(laName(scope.laId), row?.cells ?? [], words, s)];
  }
  if (!table || table.totals.length === 0) return [{ name: s.allLas, note: s.prioritiesTooFew, lines: [] }];
  return [groupOf(s.allLas, table.totals, words, s), ...table.rows.map((r) => groupOf(laName(r.id), r.cells, words, s))];
}

/** The rows of one measure of a view: the all-schools (or national) totals first, then each school or LA. */
function measureGroups(content: Content, language: Language, input: FiguresViewInput, measure: FiguresSnapshot['measures'][number]): Group[] {
  const s = strings(language).figures;
  const { scope } = input;
  const words = { labels: measure.categories.map((c) => categoryName(content, language, measure.id, c, s)), totalWords: s.total, nothingShown: s.withheld };
  const rows = measure.table.rows.filter((r) => scope.kind !== 'school' || r.id === scope.schoolId);
  return [
    // The first block is named for what it adds up, as an LA's "All schools" is: a block called "Total" above "Total: 117" says nothing.
    ...(scope.kind === 'school' ? [] : [groupOf(scope.kind === 'la' ? s.allSchools : s.allLas, measure.table.totals, words, s)]),
    ...rows.map((r) => groupOf(input.rowName(r.id), r.cells, words, s)),
  ];
}

/**
 * One page of one measure of a snapshot, for the card: each row with a line per category,
 * a bar where the count and its row's total are both shown, words where they are not. The
 * page after the measures is the development priorities (LA and national views only).
 */
export function figuresView(content: Content, language: Language, input: FiguresViewInput): FiguresCardData {
  const s = strings(language).figures;
  const { snapshot, scope } = input;
  const count = snapshot.measures.length + (hasPriorities(scope) ? 1 : 0);
  const index = Math.min(Math.max(input.measure, 0), Math.max(count - 1, 0));
  const measure = snapshot.measures[index];
  const base = { scope: scopeText(scope), scopeTitle: input.scopeTitle, dateLine: fill(s.date, { date: formatDate(snapshot.date, language) }), measure: index, page: 0 };
  const onPriorities = !measure && hasPriorities(scope) && index === snapshot.measures.length;
  if (!measure && !onPriorities) return base;
  const groups = measure ? measureGroups(content, language, input, measure) : priorityGroups(content, language, snapshot, scope);
  const title = measure ? ((s.measures as Record<string, string>)[measure.id] ?? measure.id) : s.priorities;
  const pages = Math.max(1, Math.ceil(groups.length / FIGURES_ROWS_PER_PAGE));
  const page = Math.min(Math.max(input.page, 0), pages - 1);
  return {
    ...base,
    measureTitle: fill(s.measureOf, { measure: title, n: String(index + 1), total: String(count) }),
    measureNote: measure ? '' : s.prioritiesAbout,
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

/**
 * The views someone may choose between, in the picker: the nation and every LA for a tenant
 * administrator; each LA held; each school held outside those LAs (an LA's schools are
 * already rows of its view, so listing them again would only lengthen the list). Capped at
 * FIGURES_PICKER_MAX, saying so. Values are claims the route checks again when chosen.
 */
export function pickerChoices(
  content: Content,
  language: Language,
  held: HeldRoles,
  schools: { id: string; name: string; laId: string }[],
): { choices: { title: string; value: string }[]; note: string } {
  const s = strings(language).figures;
  const la = laNameIn(content, language);
  const collator = new Intl.Collator(language === 'cy' ? 'cy' : 'en-GB');
  const byName = (a: { title: string }, b: { title: string }) => collator.compare(a.title, b.title);
  const las = held.tenant ? content.localAuthorityChoices(language).map((c) => c.value) : [...new Set(held.las)];
  const all = [
    ...(held.tenant ? [{ title: s.national, value: scopeText({ kind: 'national' }) }] : []),
    ...las.map((laId) => ({ title: fill(s.la, { la: la(laId) }), value: scopeText({ kind: 'la', laId }) })).sort(byName),
    ...(held.tenant ? [] : schools.filter((e) => held.schools.includes(e.id) && !las.includes(e.laId)).map((e) => ({ title: e.name.length > 80 ? `${e.name.slice(0, 79)}…` : e.name, value: scopeText({ kind: 'school', laId: e.laId, schoolId: e.id }) })).sort(byName)),
  ];
  if (all.length < 2) return { choices: [], note: '' };
  const choices = all.slice(0, FIGURES_PICKER_MAX);
  return { choices, note: all.length > choices.length ? fill(s.pickerCapped, { shown: String(choices.length), total: String(all.length) }) : '' };
}
