import { inductionStageIdSchema } from '../content/induction-schemas';
import type { Strings } from '../i18n/strings';
import type { SchoolSettings } from './school-settings';

/** Which message a refused change shows, as a key of the school error strings. */
export type SchoolProblem = keyof Strings['school']['errors'];
type Result = { ok: true } | { ok: false; problem: SchoolProblem };
const ok: Result = { ok: true };
const refuse = (problem: SchoolProblem): Result => ({ ok: false, problem });

const MAX_ITEMS = 30;
const MAX_LINKS = 20;
const tidy = (s: string | undefined) => (s ?? '').trim().replace(/\s+/g, ' ');
const both = (en: string, cy: string, max: number) => en !== '' && cy !== '' && en.length <= max && cy.length <= max;

/** The names of the school's DSP and ALNCo; empty clears a name. */
export function setContacts(school: SchoolSettings, input: { dspName?: string; alncoName?: string }): Result {
  const dsp = tidy(input.dspName);
  const alnco = tidy(input.alncoName);
  if (dsp.length > 100 || alnco.length > 100) return refuse('nameTooLong');
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
  const title = { en: tidy(input.titleEn), cy: tidy(input.titleCy) };
  const what = { en: tidy(input.whatEn), cy: tidy(input.whatCy) };
  if (!both(title.en, title.cy, 120)) return refuse('titleRequired');
  if (!both(what.en, what.cy, 500)) return refuse('whatRequired');
  const day = Number(tidy(input.dayOffset) || '0');
  if (!Number.isInteger(day) || day < -30 || day > 120) return refuse('dayOffsetInvalid');
  if (school.items.length >= MAX_ITEMS) return refuse('tooMany');
  school.items.push({ id: `school-${school.nextNumber}`, stage: stage.data, title, what, dayOffset: day, signOff: input.signOff === 'true' });
  school.nextNumber += 1;
  return ok;
}

/** A link to one of the school's own policies (https only). */
export function addSchoolLink(school: SchoolSettings, input: { linkTitleEn?: string; linkTitleCy?: string; url?: string }): Result {
  const title = { en: tidy(input.linkTitleEn), cy: tidy(input.linkTitleCy) };
  if (!both(title.en, title.cy, 120)) return refuse('titleRequired');
  const url = tidy(input.url);
  if (!isHttpsUrl(url)) return refuse('urlInvalid');
  if (school.links.length >= MAX_LINKS) return refuse('tooMany');
  school.links.push({ id: `link-${school.nextNumber}`, title, url });
  school.nextNumber += 1;
  return ok;
}

/** Removes an item or link by id. */
export function removeSchoolEntry(school: SchoolSettings, id: string): Result {
  const items = school.items.filter((i) => i.id !== id);
  const links = school.links.filter((l) => l.id !== id);
  if (items.length === school.items.length && links.length === school.links.length) return refuse('unknown');
  school.items = items;
  school.links = links;
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
