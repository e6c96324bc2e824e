import keyAreasJson from '../../data/key-areas.json';
import type { Bilingual } from './content-schemas';
import { keyAreasFileSchema, type KeyArea, type KeyAreaId } from './key-area-schemas';
import type { Language } from '../users/user-record';

/**
 * Checks the key-area list. Throws an Error whose message starts "content file key-areas.json"
 * and names each bad field, so a bad file stops start-up saying what to fix (the loader cannot
 * wrap it in ContentError without an import cycle).
 */
export function parseKeyAreas(json: unknown): readonly KeyArea[] {
  const parsed = keyAreasFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`content file key-areas.json is not valid:\n${issues.join('\n')}`);
  }
  return parsed.data.keyAreas;
}

/**
 * The one list of key-area names. Self-assessment cards, appraisal tags, exports and anything
 * else that names a key area read it here, so a name is worded once (in the action plan's words)
 * and every card agrees. Checked when the module loads, i.e. at start-up.
 */
export const keyAreas: readonly KeyArea[] = parseKeyAreas(keyAreasJson);

const byId = new Map<KeyAreaId, Bilingual>(keyAreas.map((a) => [a.id, a.name]));

/** A key area's name in both languages. */
export function keyAreaNames(id: KeyAreaId): Bilingual {
  const name = byId.get(id);
  if (!name) throw new Error(`key area ${id} missing from key-areas.json`);
  return name;
}

/** A key area's name in one language, for a card or an export. */
export function keyAreaName(id: KeyAreaId, language: Language): string {
  return keyAreaNames(id)[language];
}
