import { MAX_ENTRY_LABEL, renderSchoolAdminCard, SCHOOL_FIELDS, type SchoolDraft, type SchoolField, type SchoolSection } from '../../cards/school-admin-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { FeatureDeps } from '../app/feature-deps';
import { DEFAULT_CYCLE_START_MONTH } from '../appraisal/appraisal-cycle';
import { fill, strings } from '../i18n/strings';
import type { SchoolEntry } from '../register/school-entry';
import { inertMarkdown } from '../text/inert-markdown';
import { shortenTypedText } from '../text/shorten-typed-text';
import type { Language } from '../users/user-record';
import { schoolDetail } from './administered-school-chooser';
import { holidayLabel } from './holiday-label';
import { forgetSection } from './school-admin-draft';
import { holidayId } from './school-rules';
import type { SchoolSettings } from './school-settings';

/** What the card shows besides the school: the part, what is typed, and the answer to the last press. */
export interface SchoolAdminView {
  section: SchoolSection;
  /** Everything typed anywhere on the card and not yet saved. */
  draft: SchoolDraft;
  feedback?: { text: string; tone: 'good' | 'attention' };
  /** A message under one field. */
  fieldError?: { field: SchoolField; text: string };
}

/**
 * A label of typed titles for the card's list: each title cut to 50 characters before it is
 * made inert (so an escape is never split), and the whole kept within the card's bound (an
 * inert title can at most double).
 */
const fitLabel = (label: string) => shortenTypedText(inertMarkdown(label), MAX_ENTRY_LABEL);

/** What an input shows when nothing is typed in it: the stored value, or the form's default. */
function storedValue(school: SchoolSettings, field: SchoolField): string {
  if (field === 'dspName') return school.dspName ?? '';
  if (field === 'alncoName') return school.alncoName ?? '';
  if (field === 'cycleStartMonth') return String(school.cycleStartMonth ?? DEFAULT_CYCLE_START_MONTH);
  if (field === 'stage') return 'first-week';
  if (field === 'signOff') return 'false';
  if (field === 'dayOffset') return '5';
  return '';
}

/** The school card: the part chosen, its inputs holding what was typed (else what is stored), the other parts' typing carried by every button. */
export function schoolAdminCard(language: Language, deps: Pick<FeatureDeps, 'content'>, school: SchoolSettings & { entry: SchoolEntry }, view: SchoolAdminView): AdaptiveCardJson {
  const s = strings(language).school;
  const stageName = (id: Parameters<FeatureDeps['content']['inductionStage']>[0]) => deps.content.inductionStage(id).name[language];
  const values = Object.fromEntries(SCHOOL_FIELDS.map((f) => [f, view.draft[f] ?? storedValue(school, f)])) as Record<SchoolField, string>;
  const day = Number(values.dayOffset);
  const month = s.months[(school.cycleStartMonth ?? DEFAULT_CYCLE_START_MONTH) - 1] ?? '';
  const orNotSet = (name: string | undefined) => (name ? inertMarkdown(name) : s.notSet);
  return renderSchoolAdminCard(language, {
    schoolId: school.entry.id,
    schoolName: school.entry.name,
    schoolDetail: schoolDetail(language, deps, school.entry),
    section: view.section,
    values,
    fieldErrors: view.fieldError ? { [view.fieldError.field]: view.fieldError.text } : {},
    feedback: view.feedback?.text ?? '',
    feedbackTone: view.feedback?.tone ?? 'good',
    draft: forgetSection(view.draft, view.section),
    summary: [
      { title: s.sections.contacts, value: fill(s.contactsSummary, { dsp: orNotSet(school.dspName), alnco: orNotSet(school.alncoName) }) },
      { title: s.sections.items, value: String(school.items.length) },
      { title: s.sections.links, value: String(school.links.length) },
      { title: s.sections.cycle, value: fill(s.cycleSummary, { month }) },
      { title: s.sections.holidays, value: String(school.holidays.length) },
    ],
    stages: deps.content.inductionStageOrder.map((id) => ({ title: stageName(id), value: id })),
    items: school.items.map((i) => ({ id: i.id, label: fitLabel(`${stageName(i.stage)}: ${shortenTypedText(i.title.cy, 50)} / ${shortenTypedText(i.title.en, 50)}`) })),
    links: school.links.map((l) => ({ id: l.id, label: fitLabel(`${shortenTypedText(l.title.cy, 50)} / ${shortenTypedText(l.title.en, 50)} (${shortenTypedText(new URL(l.url).hostname, 40)})`) })),
    dayOffset: Number.isInteger(day) && Math.abs(day) <= 9999 ? day : 5,
    months: s.months.map((title, i) => ({ title, value: String(i + 1) })),
    holidays: school.holidays.map((h) => ({ id: holidayId(h), label: holidayLabel(h, language) })),
  });
}
