import { cleanName, isCleanName } from './clean-name';
import { LANGUAGE_CATEGORIES, MAX_SCHOOL_NAME, SCHOOL_NUMBER, SCHOOL_SECTORS, type LanguageCategory, type SchoolEntry, type SchoolSector } from './school-entry';
import type { SchoolInput } from './school-register';

/** A field of the add-a-school form that failed, or a number already in the register. */
export type NewSchoolField = 'name' | 'laId' | 'number' | 'sector' | 'languageCategory' | 'duplicate';

/**
 * The add-a-school form's rules: a clean name, a known local authority, a sector and a
 * language category from the lists, and a number of seven digits that no school in the
 * register has yet (a re-import, not this form, updates an existing school).
 */
export function checkNewSchool(
  input: { name?: string; altName?: string; laId?: string; number?: string; sector?: string; languageCategory?: string },
  knownLa: (laId: string) => boolean,
  register: readonly SchoolEntry[],
): { ok: true; school: SchoolInput } | { ok: false; problems: NewSchoolField[] } {
  const problems: NewSchoolField[] = [];
  const name = cleanName(input.name ?? '');
  const altName = cleanName(input.altName ?? '');
  const number = (input.number ?? '').replace(/\s+/g, '');
  const laId = (input.laId ?? '').trim();
  if (name === '' || name.length > MAX_SCHOOL_NAME || !isCleanName(name) || (altName !== '' && (altName.length > MAX_SCHOOL_NAME || !isCleanName(altName)))) problems.push('name');
  if (!knownLa(laId)) problems.push('laId');
  if (number !== '' && !SCHOOL_NUMBER.test(number)) problems.push('number');
  else if (number !== '' && register.some((e) => e.number === number)) problems.push('duplicate');
  const sector = SCHOOL_SECTORS.find((s) => s === input.sector);
  const languageCategory = LANGUAGE_CATEGORIES.find((c) => c === input.languageCategory);
  if (!sector) problems.push('sector');
  if (!languageCategory) problems.push('languageCategory');
  if (problems.length > 0 || !sector || !languageCategory) return { ok: false, problems };
  return {
    ok: true,
    school: { name, ...(altName ? { altName } : {}), laId, ...(number ? { number } : {}), sector: sector as SchoolSector, languageCategory: languageCategory as LanguageCategory, open: true },
  };
}
