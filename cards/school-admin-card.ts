import { z } from 'zod';
import template from './school-admin-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';
import { strings } from '../bot/i18n/strings';

/**
 * The longest label of a listed item or link: titles are cut with "…" to fit (the whole text
 * is what staff see on their induction), so 30 items, 20 links and 30 holidays stay under
 * what Teams delivers.
 */
export const MAX_ENTRY_LABEL = 160;
const entry = (max: number) => z.object({ id: z.string().min(1).max(40), label: z.string().min(1).max(max) });

/** The parts of the card: one is shown at a time, so the card stays short and each part has one save. */
export const SCHOOL_SECTIONS = ['summary', 'contacts', 'items', 'links', 'cycle', 'holidays'] as const;
export type SchoolSection = (typeof SCHOOL_SECTIONS)[number];

/**
 * Every input on the card, with the most it takes. What a person typed in one part travels
 * with every button of the card (inputs of the part shown are sent by Teams itself), so
 * moving between parts or saving one loses nothing typed in another.
 */
export const SCHOOL_FIELD_LIMITS = {
  dspName: 100,
  alncoName: 100,
  stage: 40,
  titleCy: 120,
  titleEn: 120,
  whatCy: 500,
  whatEn: 500,
  dayOffset: 10,
  signOff: 5,
  // Ids ticked for removal, comma-separated: 30 items ("school-30"), 20 links ("link-20"), 30 holidays ("holiday-2026-12-21-2027-01-01").
  removeItems: 330,
  linkTitleCy: 120,
  linkTitleEn: 120,
  url: 500,
  removeLinks: 180,
  cycleStartMonth: 2,
  holidayFrom: 30,
  holidayTo: 30,
  removeHolidays: 930,
} as const;
export type SchoolField = keyof typeof SCHOOL_FIELD_LIMITS;
export const SCHOOL_FIELDS = Object.keys(SCHOOL_FIELD_LIMITS) as SchoolField[];

/** The inputs of each part of the card: what a save in that part reads, and what it clears once saved. */
export const sectionFields: Record<SchoolSection, readonly SchoolField[]> = {
  summary: [],
  contacts: ['dspName', 'alncoName'],
  items: ['removeItems', 'stage', 'titleCy', 'titleEn', 'whatCy', 'whatEn', 'dayOffset', 'signOff'],
  links: ['removeLinks', 'linkTitleCy', 'linkTitleEn', 'url'],
  cycle: ['cycleStartMonth'],
  holidays: ['removeHolidays', 'holidayFrom', 'holidayTo'],
};

const fieldsOf = <T extends z.ZodTypeAny>(of: (max: number) => T) =>
  z.object(Object.fromEntries(SCHOOL_FIELDS.map((f) => [f, of(SCHOOL_FIELD_LIMITS[f])])) as Record<SchoolField, T>);

/** Typed values a button carries from the parts not shown. */
export const schoolDraftSchema = fieldsOf((max) => z.string().max(max).optional());
export type SchoolDraft = z.infer<typeof schoolDraftSchema>;

export const schoolAdminCardDataSchema = z.object({
  schoolId: z.string().min(1).max(80),
  schoolName: z.string().max(120).default(''),
  /** Its other-language name and local authority, in the reader's language. */
  schoolDetail: z.string().max(300).default(''),
  section: z.enum(SCHOOL_SECTIONS).default('summary'),
  /** What the inputs of the part shown hold: stored values, or what was typed. */
  values: fieldsOf((max) => z.string().max(max).default('')).default({}),
  /** What is wrong with a field, shown under it; empty when nothing is. */
  fieldErrors: fieldsOf(() => z.string().max(200).default('')).default({}),
  /** What the last press did, shown beside the button pressed. */
  feedback: z.string().max(500).default(''),
  feedbackTone: z.enum(['good', 'attention']).default('good'),
  /** Typed values of the other parts, carried by every button. */
  draft: schoolDraftSchema.default({}),
  /** The summary's lines: one per part. */
  summary: z.array(z.object({ title: z.string().min(1).max(60), value: z.string().max(600) })).max(6).default([]),
  stages: z.array(z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(40) })).min(1).max(10),
  items: z.array(entry(MAX_ENTRY_LABEL)).max(30),
  links: z.array(entry(MAX_ENTRY_LABEL)).max(20),
  /** The day offset as a number, for the number input. */
  dayOffset: z.number().int().min(-9999).max(9999).default(5),
  months: z.array(z.object({ title: z.string().min(1).max(40), value: z.string().min(1).max(2) })).length(12),
  /** A holiday is its dates, as people read them: "22 Dec 2026 – 2 Jan 2027". */
  holidays: z.array(entry(40)).max(30).default([]),
});
export type SchoolAdminCardData = z.input<typeof schoolAdminCardDataSchema>;

/**
 * An administrator's card for a school's contacts, induction items, policy links, appraisal
 * year and holidays: a row of buttons chooses the part shown, and each part has its own save
 * with its answer beside it.
 */
export function renderSchoolAdminCard(language: Language, data: SchoolAdminCardData): AdaptiveCardJson {
  const d = schoolAdminCardDataSchema.parse(data);
  const names = strings(language).school.sections;
  // The part shown sends its own inputs: its buttons carry only the other parts' typing.
  const draft = Object.fromEntries(Object.entries(d.draft).filter(([f]) => !(sectionFields[d.section] as readonly string[]).includes(f)));
  const sections = SCHOOL_SECTIONS.map((id) => ({ id, title: names[id], enabled: id !== d.section }));
  // A row holds at most five buttons (Teams' limit): the six parts go in two rows of three.
  return expandCard(template, language, { ...d, draft, sectionRows: [sections.slice(0, 3), sections.slice(3)], feedbackStyle: toneStyle(d.feedbackTone) });
}
