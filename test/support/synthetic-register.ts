import type { LocalAuthority } from '../../bot/register/local-authority';
import type { LanguageCategory, SchoolEntry, SchoolSector } from '../../bot/register/school-entry';

/** A small seeded generator (mulberry32): the same seed gives the same register on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Llan', 'Aber', 'Pen', 'Cwm', 'Tre', 'Caer', 'Bryn', 'Pont', 'Rhos', 'Maes', 'Glan', 'Nant', 'Bod', 'Dol', 'Coed', 'Tal', 'Cefn', 'Blaen', 'Porth', 'Betws', 'Ynys', 'Castell', 'Rhyd', 'Felin'];
const SECOND = ['wen', 'gwyn', 'deg', 'fach', 'fawr', '-y-bont', 'isaf', 'uchaf', 'llyn', 'nant', 'dulas', '-y-coed', 'eirw', 'tywi', 'garth', 'onnen', 'ydd', 'hafod', '-y-fro', 'derwen', 'meirion', 'ogwen', 'teifi', 'gwili'];
const SAINTS = ["St David's", "St Mary's", "St Teilo's", "St Illtyd's", "St Joseph's", "St Woolos'"];

/** Sector and language mix roughly as Wales's maintained schools are: mostly primary, about a third Welsh-medium. */
const SECTORS: [SchoolSector, number][] = [['primary', 0.78], ['secondary', 0.1], ['middle', 0.03], ['special', 0.03], ['nursery', 0.02], ['pru', 0.03], ['other', 0.01]];
const LANGUAGES: [LanguageCategory, number][] = [['english-medium', 0.6], ['welsh-medium', 0.3], ['dual-language', 0.05], ['english-significant-welsh', 0.04], ['other', 0.01]];

const WELSH_KIND: Record<SchoolSector, string[]> = {
  nursery: ['Ysgol Feithrin'],
  primary: ['Ysgol Gynradd', 'Ysgol Gymraeg', 'Ysgol', 'Ysgol Bro', 'Ysgol Gynradd Gymunedol'],
  middle: ['Ysgol', 'Ysgol Bro'],
  secondary: ['Ysgol Gyfun', 'Ysgol Uwchradd', 'Ysgol Gyfun Gymraeg'],
  special: ['Ysgol Arbennig'],
  pru: ['Uned Cyfeirio Disgyblion'],
  other: ['Canolfan Addysg'],
};
const ENGLISH_KIND: Record<SchoolSector, string[]> = {
  nursery: ['Nursery School'],
  primary: ['Primary School', 'Community Primary School', 'Infant School', 'Junior School'],
  middle: ['Community School', 'Learning Community'],
  secondary: ['High School', 'Comprehensive School'],
  special: ['Special School'],
  pru: ['Pupil Referral Unit'],
  other: ['Education Centre'],
};
/** Number ranges by sector, as the four digits after the local authority code (shape only). */
const NUMBER_BASE: Record<SchoolSector, number> = { nursery: 1000, pru: 1500, primary: 2000, middle: 3000, secondary: 4000, special: 7000, other: 8000 };

/**
 * `count` invented but plausible schools spread over the given local authorities: Welsh and
 * English names (some with a comma and a town, as real lists have), seven-digit numbers
 * (an invented three-digit code per authority, then four digits), one in twenty without a
 * number and one in twenty closed. Deterministic for a seed, for tests and the benchmark.
 */
export function syntheticSchools(count: number, localAuthorities: readonly LocalAuthority[], seed = 1): SchoolEntry[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const weighted = <T>(list: [T, number][]): T => {
    let r = random();
    for (const [value, weight] of list) if ((r -= weight) < 0) return value;
    return list[0]![0];
  };
  const used = new Map<string, number>();
  const schools: SchoolEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const laIndex = i % localAuthorities.length;
    const la = localAuthorities[laIndex]!;
    const sector = weighted(SECTORS);
    const languageCategory = weighted(LANGUAGES);
    const place = `${pick(FIRST)}${pick(SECOND)}`;
    const town = random() < 0.1 ? `, ${pick(FIRST)}${pick(SECOND)}` : '';
    const welsh = `${pick(WELSH_KIND[sector])} ${place}${town}`;
    const english = random() < 0.15 && sector === 'primary' ? `${pick(SAINTS)} Church in Wales Primary School, ${place}` : `${place} ${pick(ENGLISH_KIND[sector])}${town}`;
    const welshFirst = languageCategory === 'welsh-medium' || (languageCategory === 'dual-language' && random() < 0.5);
    const [name, other] = welshFirst ? [welsh, english] : [english, welsh];
    const key = `${la.id}:${sector}`;
    const serial = (used.get(key) ?? 0) + 1;
    used.set(key, serial);
    const number = random() < 0.05 ? undefined : `${660 + laIndex}${String(NUMBER_BASE[sector] + serial).padStart(4, '0')}`;
    schools.push({
      id: number ? `wg-${number}` : `s-synthetic-${seed}-${i}`,
      ...(number ? { number } : {}),
      name,
      ...(random() < (welshFirst ? 0.6 : 0.8) ? { altName: other } : {}),
      laId: la.id,
      sector,
      languageCategory,
      open: random() >= 0.05,
    });
  }
  return schools;
}
