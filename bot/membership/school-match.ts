import type { SchoolEntry } from '../register/school-entry';

/** Case, accents, spacing and punctuation do not matter when a person types part of a name. */
function fold(text: string): string {
  return text
    .toLocaleLowerCase('cy')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Open schools whose English or Welsh name contains every word typed, names starting with
 * the fragment first. A plain substring match until the register's `searchSchools` (with
 * Welsh initial mutations) takes its place: same inputs, same answer shape.
 */
export function matchOpenSchools(entries: readonly SchoolEntry[], fragment: string, limit: number): SchoolEntry[] {
  const words = fold(fragment).split(' ').filter((w) => w !== '');
  if (words.length === 0) return [];
  const whole = words.join(' ');
  const ranked: { entry: SchoolEntry; rank: number }[] = [];
  for (const entry of entries) {
    if (!entry.open) continue;
    const names = [fold(entry.name), fold(entry.altName ?? '')];
    if (!names.some((n) => words.every((w) => n.includes(w)))) continue;
    ranked.push({ entry, rank: names.some((n) => n.startsWith(whole)) ? 0 : names.some((n) => n.includes(whole)) ? 1 : 2 });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.entry.name.localeCompare(b.entry.name, 'cy'));
  return ranked.slice(0, limit).map((r) => r.entry);
}

/**
 * How a school is named wherever a person chooses one: both its names and its local
 * authority, so two schools of the same name in different counties can be told apart.
 */
export function schoolTitle(entry: Pick<SchoolEntry, 'name' | 'altName' | 'laId'>): string {
  const names = entry.altName && entry.altName !== entry.name ? `${entry.name} / ${entry.altName}` : entry.name;
  return `${names} (${entry.laId})`;
}
