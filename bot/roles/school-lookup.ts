import type { SchoolEntry } from '../register/school-entry';
import { schoolIdInput } from '../register/school-id-input';

/** What an administrator typed for a school, understood: an id to check, or nothing usable. */
export type TypedSchool = { kind: 'id'; schoolId: string } | { kind: 'unreadable' };

/**
 * Reads a typed school: its Welsh Government number (7 digits) or its register id. A number
 * becomes the id the register gives numbered schools, and an id found in the catalogue by
 * number wins; the school's own document then decides (the catalogue only helps finding).
 */
export function readTypedSchool(typed: string, catalogue: readonly SchoolEntry[]): TypedSchool {
  const text = typed.trim().toLowerCase();
  if (/^\d{7}$/.test(text)) {
    const found = catalogue.find((s) => s.number === text);
    return { kind: 'id', schoolId: found?.id ?? `wg-${text}` };
  }
  return schoolIdInput.safeParse(text).success ? { kind: 'id', schoolId: text } : { kind: 'unreadable' };
}
