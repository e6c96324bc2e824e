import { inductionStageIdSchema } from '../content/induction-schemas';
import type { Strings } from '../i18n/strings';
import type { SchoolSettings } from './school-settings';
import { isRealDate } from '../time/london-date';
import { cleanDisplayName, cleanTypedText, NAME_MAX_LENGTH } from '../text/clean-typed-text';

/** Which message a refused change shows, as a key of the school error strings. */
export type SchoolProblem = keyof Strings['school']['errors'];
type Result = { ok: true } | { ok: false; problem: SchoolProblem };
const ok: Result = { ok: true };
const refuse = (problem: SchoolProblem): Result => ({ ok: false, problem });

const MAX_ITEMS = 30;
const MAX_LINKS = 20;
const tidy = (s: string | undefined) => (s ?? '').trim().replace(/\s+/g, ' ');
/** Longest item and link title, and an item's "what to do", as stored and shown to staff. */
export const MAX_TITLE = 120;
export const MAX_WHAT = 500;
/**
 * Text an administrator typed that staff will read, cleaned as every typed text is (hidden
 * and control characters out, spaces tidied). Cleaned with room to spare, so a text too long
 * is refused by the length check rather than silently cut.
 */
const typed = (s: string | undefined, max: number, multiline = false) => cleanTypedText(s, { maxLength: max + 1, multiline });
const both = (en: string, cy: string, max: number) => en !== '' && cy !== '' && en.length <= max && cy.length <= max;

/** The names of the school's DSP and ALNCo; empty clears a name. */
export function setContacts(school: SchoolSettings, input: { dspName?: string; alncoName?: string }): Result {
  if ((input.dspName ?? '').trim().length > NAME_MAX_LENGTH || (input.alncoName ?? '').trim().length > NAME_MAX_LENGTH) return refuse('nameTooLong');
  // Names are shown to staff as names are everywhere: cleaned like a Teams display name.
  const dsp = cleanDisplayName(input.dspName);
  const alnco = cleanDisplayName(input.alncoName);
  if (dsp) school.dspName = dsp;
  else delete school.dspName;
  if (alnco) school.alncoName = alnco;
  else delete school.alncoName;
  return ok;
}

/** An extra induction item, in both languages, for one stage. */
export function addSchoolItem(
  school: SchoolSettings,
  input: { stage?: string; titleEn?: string; titleCy?: string; whatEn?: string; whatCy?: string; dayOffset?: string; signOff?: string },
): Result {
  const stage = inductionStageIdSchema.safeParse(input.stage);
  if (!stage.success) return refuse('stageInvalid');
  const title = { en: typed(input.titleEn, MAX_TITLE), cy: typed(input.titleCy, MAX_TITLE) };
  const what = { en: typed(input.whatEn, MAX_WHAT, true), cy: typed(input.whatCy, MAX_WHAT, true) };
  if (!both(title.en, title.cy, MAX_TITLE)) return refuse('titleRequired');
  if (!both(what.en, what.cy, MAX_WHAT)) return refuse('whatRequired');
  const day = Number(tidy(input.dayOffset) || '0');
  if (!Number.isInteger(day) || day < -30 || day > 120) return refuse('dayOffsetInvalid');
  if (school.items.length >= MAX_ITEMS) return refuse('tooMany');
  school.items.push({ id: `school-${school.nextNumber}`, stage: stage.data, title, what, dayOffset: day, signOff: input.signOff === 'true' });
  school.nextNumber += 1;
  return ok;
}

/** A link to one of the school's own policies (https only). */
export function addSchoolLink(school: SchoolSettings, input: { linkTitleEn?: string; linkTitleCy?: string; url?: string }): Result {
  const title = { en: typed(input.linkTitleEn, MAX_TITLE), cy: typed(input.linkTitleCy, MAX_TITLE) };
  if (!both(title.en, title.cy, MAX_TITLE)) return refuse('titleRequired');
  const url = tidy(input.url);
  if (!isHttpsUrl(url)) return refuse('urlInvalid');
  if (school.links.length >= MAX_LINKS) return refuse('tooMany');
  school.links.push({ id: `link-${school.nextNumber}`, title, url });
  school.nextNumber += 1;
  return ok;
}

/** The ids ticked in a multi-select list, as Teams sends them ("school-1,school-3"). */
const ticked = (value: string | undefined) => (value ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
const filled = (...values: (string | undefined)[]) => values.some((v) => tidy(v) !== '');

/**
 * The induction items part saved at once: the ticked items go and, when anything of a new
 * item is typed, it is added. Nothing is written unless all of it is right.
 */
export function saveSchoolItems(school: SchoolSettings, input: Parameters<typeof addSchoolItem>[1] & { removeItems?: string }): Result {
  const remove = ticked(input.removeItems);
  const adding = filled(input.titleEn, input.titleCy, input.whatEn, input.whatCy);
  if (remove.length === 0 && !adding) return refuse('nothingToSave');
  if (remove.some((id) => !school.items.some((i) => i.id === id))) return refuse('unknown');
  school.items = school.items.filter((i) => !remove.includes(i.id));
  return adding ? addSchoolItem(school, input) : ok;
}

/** The policy links part saved at once: ticked links go, a new one typed is added. */
export function saveSchoolLinks(school: SchoolSettings, input: Parameters<typeof addSchoolLink>[1] & { removeLinks?: string }): Result {
  const remove = ticked(input.removeLinks);
  const adding = filled(input.linkTitleEn, input.linkTitleCy, input.url);
  if (remove.length === 0 && !adding) return refuse('nothingToSave');
  if (remove.some((id) => !school.links.some((l) => l.id === id))) return refuse('unknown');
  school.links = school.links.filter((l) => !remove.includes(l.id));
  return adding ? addSchoolLink(school, input) : ok;
}

/** The holidays part saved at once: ticked holidays go, a new one with dates chosen is added. */
export function saveHolidays(school: SchoolSettings, input: Parameters<typeof addHoliday>[1] & { removeHolidays?: string }): Result {
  const remove = ticked(input.removeHolidays);
  const adding = filled(input.holidayFrom, input.holidayTo);
  if (remove.length === 0 && !adding) return refuse('nothingToSave');
  if (remove.some((id) => !school.holidays.some((h) => holidayId(h) === id))) return refuse('unknown');
  school.holidays = school.holidays.filter((h) => !remove.includes(holidayId(h)));
  return adding ? addHoliday(school, input) : ok;
}

/** Removes an item, link or holiday by id. */
export function removeSchoolEntry(school: SchoolSettings, id: string): Result {
  if (id === '') return refuse('chooseToRemove');
  const items = school.items.filter((i) => i.id !== id);
  const links = school.links.filter((l) => l.id !== id);
  const holidays = school.holidays.filter((h) => holidayId(h) !== id);
  if (items.length === school.items.length && links.length === school.links.length && holidays.length === school.holidays.length) return refuse('unknown');
  school.items = items;
  school.links = links;
  school.holidays = holidays;
  return ok;
}

const MAX_HOLIDAYS = 30;
/** A holiday longer than this is a mistake (the summer holiday is about six weeks). */
const MAX_HOLIDAY_DAYS = 62;

/** A holiday is named by its dates: two holidays with the same dates are one. */
export function holidayId(h: { from: string; to: string }): string {
  return `holiday-${h.from}-${h.to}`;
}

/** The month the school's appraisal cycle starts in (1–12). */
export function setCycleStartMonth(school: SchoolSettings, input: { cycleStartMonth?: string }): Result {
  const month = Number(tidy(input.cycleStartMonth));
  if (!Number.isInteger(month) || month < 1 || month > 12) return refuse('monthInvalid');
  school.cycleStartMonth = month;
  return ok;
}

/** A school holiday (first and last day), during which nobody at the school is prompted. */
export function addHoliday(school: SchoolSettings, input: { holidayFrom?: string; holidayTo?: string }): Result {
  const from = tidy(input.holidayFrom).slice(0, 10);
  const to = tidy(input.holidayTo).slice(0, 10) || from;
  if (!isRealDate(from) || !isRealDate(to) || to < from) return refuse('holidayInvalid');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days > MAX_HOLIDAY_DAYS) return refuse('holidayInvalid');
  if (school.holidays.some((h) => h.from === from && h.to === to)) return ok;
  if (school.holidays.length >= MAX_HOLIDAYS) return refuse('tooManyHolidays');
  school.holidays.push({ from, to });
  school.holidays.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return ok;
}

function isHttpsUrl(url: string): boolean {
  if (url.length > 500) return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
