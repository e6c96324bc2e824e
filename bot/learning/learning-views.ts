import { renderLearningEntryCard } from '../../cards/learning-entry-card';
import { ENTRIES_PER_PAGE, MAX_YEAR_CHOICES, renderLearningLogCard } from '../../cards/learning-log-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { cardPage } from '../../cards/card-pages';
import { progressBar } from '../../cards/tone-kit';
import { KEY_AREA_IDS, STANDARD_IDS } from '../appraisal/appraisal-state';
import { formatDate } from '../appraisal/appraisal-format';
import { keyAreaName } from '../content/key-areas';
import { fill, strings } from '../i18n/strings';
import { inertMarkdown as inert } from '../text/inert-markdown';
import { shortenTypedText as shorten } from '../text/shorten-typed-text';
import type { Language } from '../users/user-record';
import { LEARNING_KINDS, type LearningEntry } from './learning-entry';
import type { EntryFormInput, EntryStartInput, LearningListInput } from './learning-input';
import type { EntryField, FieldProblem } from './learning-rules';
import { filterEntries, totalsOf, yearsOf } from './learning-summary';

/** A title named inside a button or heading: short enough for a button on a phone. */
const NAMED_IN_BUTTON = 40;

export type Lead = { text: string; tone: 'good' | 'attention' };

/** What the entry form shows: typed values (as typed, or from the stored entry), and any problems. */
export interface EntryFormView {
  entryId?: string;
  /** The person's own objectives this cycle, to link the entry to as evidence. */
  objectives?: readonly { id: string; text: string }[];
  typed: EntryFormInput | undefined;
  problems?: Partial<Record<EntryField, FieldProblem>>;
  lead?: Lead;
}

/** A new entry started from what another card knows (its key areas, a title, a kind), dated today. */
export function startedEntry(start: EntryStartInput, today: string): EntryFormInput {
  return { entryId: '', learningTitle: start.title, learningDate: today, learningHours: '', learningKind: start.kind, learningAreas: start.areas, learningStandards: [], learned: start.link ? `${start.link}\n` : '', changed: '', difference: '', learningObjective: '' };
}

/** The form's values from a stored entry, so edit opens with everything as saved. */
export function typedFromEntry(entry: LearningEntry): EntryFormInput {
  return {
    entryId: entry.id,
    learningTitle: entry.title,
    learningDate: entry.date,
    learningHours: String(entry.hours),
    learningKind: entry.learningKind,
    learningAreas: entry.keyAreas,
    learningStandards: entry.standards,
    learned: entry.learned,
    changed: entry.changed,
    difference: entry.difference,
    learningObjective: entry.objective?.id ?? '',
  };
}

/** Hours as written in both languages: "1.5" (the decimal point is usual in Welsh too). */
const hoursText = (hours: number, _language: Language) => String(hours);

/** The entry form, new or editing, with what was typed and each problem under its field. */
export function entryFormCard(language: Language, today: string, view: EntryFormView): AdaptiveCardJson {
  const s = strings(language).learning;
  const t = view.typed;
  const p = view.problems ?? {};
  const said = (field: EntryField) => (p[field] ? s.problems[p[field]!] : '');
  return renderLearningEntryCard(language, {
    lead: view.lead?.text ?? '',
    leadTone: view.lead?.tone ?? 'default',
    title: view.entryId && t ? fill(s.editTitle, { title: shorten(t.learningTitle, NAMED_IN_BUTTON) }) : s.newTitle,
    entryId: view.entryId ?? '',
    today,
    typedTitle: t?.learningTitle ?? '',
    typedDate: t?.learningDate ?? today,
    typedHours: t?.learningHours ?? '',
    typedKind: t?.learningKind ?? '',
    typedAreas: (t?.learningAreas ?? []).join(','),
    typedStandards: (t?.learningStandards ?? []).join(','),
    typedLearned: t?.learned ?? '',
    typedChanged: t?.changed ?? '',
    typedDifference: t?.difference ?? '',
    typedObjective: t?.learningObjective || 'none',
    errors: { title: said('title'), date: said('date'), hours: said('hours'), kind: said('kind'), learned: said('learned'), changed: said('changed'), difference: said('difference'), objective: said('objective') },
    objectiveChoices: view.objectives?.length ? [{ title: s.notLinked, value: 'none' }, ...view.objectives.slice(0, 5).map((o) => ({ title: shorten(o.text, 100), value: o.id }))] : [],
    kindChoices: LEARNING_KINDS.map((id) => ({ title: s.kinds[id], value: id })),
    areaChoices: KEY_AREA_IDS.map((id) => ({ title: keyAreaName(id, language), value: id })),
    standardChoices: STANDARD_IDS.map((id) => ({ title: strings(language).appraisal.standards[id], value: id })),
  });
}

/** How an entry reads on the log, and whether it is linked to an objective. */
export type LinkedLine = (entry: LearningEntry) => string;

/** `my learning`: the filtered totals and bars, then one page of entries. */
export function learningLogCard(language: Language, all: readonly LearningEntry[], filter: LearningListInput, lead?: Lead, linkedLine: LinkedLine = () => '', confirmDelete?: LearningEntry): AdaptiveCardJson {
  const s = strings(language).learning;
  const shown = filterEntries(all, filter);
  const totals = totalsOf(shown);
  const max = Math.max(0, ...totals.byArea.map((a) => a.hours), ...totals.byStandard.map((a) => a.hours));
  const bar = (hours: number) => fill(s.bar, { bar: progressBar(hours, max), hours: hoursText(hours, language) });
  const page = cardPage(shown.length, filter.page, ENTRIES_PER_PAGE);
  const pages = Math.max(1, Math.ceil(shown.length / ENTRIES_PER_PAGE));
  const years = yearsOf(all).slice(0, MAX_YEAR_CHOICES);
  const yearName = (y: number) => `${y}–${String((y + 1) % 100).padStart(2, '0')}`;
  return renderLearningLogCard(language, {
    lead: lead?.text ?? '',
    leadTone: lead?.tone ?? 'default',
    confirmDeleteId: confirmDelete?.id ?? '',
    confirmDeleteText: confirmDelete ? fill(s.confirmDelete, { title: inert(shorten(confirmDelete.title, 100)) }) : '',
    confirmDeleteTitle: confirmDelete ? fill(s.deleteEntry, { title: shorten(confirmDelete.title, NAMED_IN_BUTTON) }) : '',
    totalsText: totals.count === 1 ? fill(s.totalsOne, { hours: hoursText(totals.hours, language) }) : fill(s.totals, { count: String(totals.count), hours: hoursText(totals.hours, language) }),
    filterYear: filter.filterYear || 'all',
    filterArea: filter.filterArea || 'all',
    filterStandard: filter.filterStandard || 'all',
    yearChoices: [{ title: s.allYears, value: 'all' }, ...years.map((y) => ({ title: yearName(y), value: String(y) }))],
    areaChoices: [{ title: s.allAreas, value: 'all' }, ...KEY_AREA_IDS.map((id) => ({ title: keyAreaName(id, language), value: id }))],
    standardChoices: [{ title: s.allStandards, value: 'all' }, ...STANDARD_IDS.map((id) => ({ title: strings(language).appraisal.standards[id], value: id }))],
    areaBars: totals.byArea.filter((a) => a.hours > 0).map((a) => ({ name: keyAreaName(a.id, language), bar: bar(a.hours) })),
    standardBars: totals.byStandard.filter((a) => a.hours > 0).map((a) => ({ name: strings(language).appraisal.standards[a.id], bar: bar(a.hours) })),
    emptyText: shown.length > 0 ? '' : all.length === 0 ? s.emptyLog : s.emptyFiltered,
    entries: shown.slice(page.start, page.end).map((e) => {
      const named = shorten(e.title, NAMED_IN_BUTTON);
      return {
        id: e.id,
        heading: inert(e.title),
        details: fill(s.details, { date: formatDate(e.date, language), hours: hoursText(e.hours, language), kind: s.kinds[e.learningKind] }),
        linked: linkedLine(e),
        editTitle: fill(s.editEntry, { title: named }),
        deleteTitle: fill(s.deleteEntry, { title: named }),
      };
    }),
    page: page.page,
    pageText: pages > 1 ? fill(s.page, { page: String(page.page + 1), pages: String(pages) }) : '',
    previous: page.previous,
    next: page.next,
  });
}
