import { foldKey } from '../register/fold-text';
import type { SchoolEntry } from '../register/school-entry';
import { schoolIdInput } from '../register/school-id-input';
import { buildSchoolIndex, searchSchools } from '../register/school-search';
import type { HeldRoles } from './admin-scope';

/**
 * What an administrator typed for a school, understood: an id to check, or why it names no
 * one school (nothing typed that reads as a school, no school of theirs by that name, or
 * several).
 */
export type TypedSchool = { kind: 'id'; schoolId: string } | { kind: 'name'; text: string } | { kind: 'unreadable' };

/** A typed name resolved among the actor's schools: one school, or why not. */
export type NamedSchool = { kind: 'id'; schoolId: string } | { kind: 'no-match' | 'several' };

/** Schools looked at for a typed name: enough to tell one from several. */
const NAME_CANDIDATES = 16;

/**
 * Reads a typed school: its Welsh Government number (7 digits), its register id, or else
 * part of its name (resolved with `schoolByName`, which needs the actor's roles). A number
 * becomes the id the register gives numbered schools, and an id found in the catalogue by
 * number wins. The catalogue only helps finding: the guard then decides from the school's
 * own document.
 */
export function readTypedSchool(typed: string, catalogue: readonly SchoolEntry[]): TypedSchool {
  const text = typed.trim().toLowerCase();
  if (text === '') return { kind: 'unreadable' };
  if (/^\d{7}$/.test(text)) {
    const found = catalogue.find((s) => s.number === text);
    return { kind: 'id', schoolId: found?.id ?? `wg-${text}` };
  }
  if (schoolIdInput.safeParse(text).success) return { kind: 'id', schoolId: text };
  return { kind: 'name', text: typed.trim() };
}

/** The schools an actor administers: all for an organisation administrator, else their authorities' and their own. */
export function schoolsInScope(catalogue: readonly SchoolEntry[], held: HeldRoles): SchoolEntry[] {
  if (held.tenant) return [...catalogue];
  const las = new Set(held.las);
  const own = new Set(held.schools);
  return catalogue.filter((s) => las.has(s.laId) || own.has(s.id));
}

/**
 * Part of a school's name (either language, Welsh mutations allowed) matching exactly one
 * school among those the actor administers, so a name never reaches a school they cannot
 * act on, and an ambiguous one is sent back to be typed more fully.
 */
export function schoolByName(typed: string, catalogue: readonly SchoolEntry[], held: HeldRoles): NamedSchool {
  const found = searchSchools(buildSchoolIndex(schoolsInScope(catalogue, held)), typed, NAME_CANDIDATES);
  if (found.length === 0) return { kind: 'no-match' };
  if (found.length === 1) return { kind: 'id', schoolId: found[0]!.id };
  // A whole name typed picks its school even when it begins a longer name ("Ysgol y Bryn", "Ysgol y Bryn Uchaf").
  const key = foldKey(typed);
  const whole = found.filter((s) => foldKey(s.name) === key || (s.altName !== undefined && foldKey(s.altName) === key));
  return whole.length === 1 ? { kind: 'id', schoolId: whole[0]!.id } : { kind: 'several' };
}
