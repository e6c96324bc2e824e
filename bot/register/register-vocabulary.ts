import en from '../i18n/en.json';
import cy from '../i18n/cy.json';
import { foldKey } from './fold-text';
import type { LanguageCategory, SchoolSector } from './school-entry';

/** The columns a register CSV may have; `number`, `altName` and `status` may be left out. */
export const REGISTER_COLUMNS = ['number', 'name', 'altName', 'la', 'sector', 'languageCategory', 'status'] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** Without these a file cannot describe a school, so it is refused whole. */
export const REQUIRED_COLUMNS: readonly RegisterColumn[] = ['name', 'la', 'sector', 'languageCategory'];

/**
 * Headings read, besides the ones the string files give (what Cefnogi writes in an export):
 * the short and official forms people already have in their spreadsheets, in both languages.
 */
const HEADING_WORDS: Record<RegisterColumn, string[]> = {
  number: ['number', 'school number', 'wg school number', 'welsh government school number', 'rhif', 'rhif ysgol'],
  name: ['name', 'school', 'enw', 'ysgol', 'enw ysgol'],
  altName: ['other language name', 'name in the other language', 'alternative name', 'enw arall', 'enw yn yr iaith arall'],
  la: ['la', 'authority', 'local authority name', 'al', 'awdurdod', 'enw awdurdod lleol'],
  sector: ['sector', 'school sector', 'phase', 'sector ysgol', 'cyfnod'],
  languageCategory: ['language', 'language medium', 'medium', 'welsh medium type', 'iaith', 'cyfrwng', 'cyfrwng iaith'],
  status: ['status', 'open or closed', 'statws', 'agored neu ar gau'],
};

/** Sector words in both languages, official and everyday; the ids themselves are read too. */
const SECTOR_WORDS: Record<SchoolSector, string[]> = {
  nursery: ['nursery', 'nursery school', 'meithrin', 'ysgol feithrin'],
  primary: ['primary', 'primary school', 'infant', 'junior', 'infant and junior', 'cynradd', 'ysgol gynradd', 'babanod', 'iau'],
  middle: ['middle', 'middle school', 'all-age', 'all-through', '3-16', '3-19', 'canol', 'ysgol ganol', 'pob oed', 'ysgol pob oed', '3 i 16', '3 i 19'],
  secondary: ['secondary', 'secondary school', 'uwchradd', 'ysgol uwchradd'],
  special: ['special', 'special school', 'arbennig', 'ysgol arbennig'],
  pru: ['pru', 'pupil referral unit', 'ucd', 'uned cyfeirio disgyblion'],
  other: ['other', 'arall'],
};

/**
 * Language-category words: the 2007 definitions (dual stream), the 2021 guidance
 * (categories 1, 2, 3 and 3P) and the 2025 Act (primarily Welsh, dual language, primarily
 * English) map onto the five categories. The 2007 transitional and bilingual A–Ch types are
 * not mapped: each could be Welsh-medium or dual language, so a row saying one is turned
 * away for someone to decide.
 */
const LANGUAGE_WORDS: Record<LanguageCategory, string[]> = {
  'welsh-medium': [
    'welsh medium', 'welsh', 'primarily welsh', 'primarily welsh language', 'category 3', 'category 3p',
    'cyfrwng cymraeg', 'cymraeg', 'cymraeg yn bennaf', 'categori 3', 'categori 3p',
  ],
  'dual-language': ['dual language', 'dual stream', 'category 2', 'dwy iaith', 'iaith ddeuol', 'ffrwd ddeuol', 'categori 2'],
  'english-significant-welsh': [
    'english medium with significant welsh', 'english with significant welsh',
    "cyfrwng saesneg gyda defnydd sylweddol o'r gymraeg", 'saesneg gyda chymraeg sylweddol', 'cyfrwng saesneg gyda chymraeg sylweddol',
  ],
  'english-medium': [
    'english medium', 'english', 'primarily english', 'primarily english language', 'primarily english language, partly welsh', 'category 1',
    'cyfrwng saesneg', 'saesneg', 'saesneg yn bennaf', 'saesneg yn bennaf, cymraeg yn rhannol', 'categori 1',
  ],
  other: ['other', 'arall'],
};

/** Status words; an empty cell means open. */
const STATUS_WORDS: Record<'open' | 'closed', string[]> = {
  open: ['open', 'agored', 'ar agor', 'yn agored'],
  closed: ['closed', 'ar gau', 'wedi cau', 'caeedig'],
};

/** A lookup from folded words to what they mean: ids, labels from both string files, and the words above. */
function lookup<K extends string>(words: Record<K, string[]>, labels: (key: K) => string[]): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of Object.keys(words) as K[]) {
    for (const word of [key, ...labels(key), ...words[key]]) {
      const folded = foldKey(word);
      const known = map.get(folded);
      if (known !== undefined && known !== key) throw new Error(`register word "${word}" means both ${known} and ${key}`);
      map.set(folded, key);
    }
  }
  return map;
}

/** Folded heading → column. */
export const headingLookup = lookup(HEADING_WORDS, (c) => [en.register.headings[c], cy.register.headings[c]]);
/** Folded sector word → sector. */
export const sectorLookup = lookup(SECTOR_WORDS, (s) => [en.register.sectors[s], cy.register.sectors[s]]);
/** Folded language-category word → category. */
export const languageCategoryLookup = lookup(LANGUAGE_WORDS, (c) => [en.register.languageCategories[c], cy.register.languageCategories[c]]);
/** Folded status word → open or closed. */
export const statusLookup = lookup(STATUS_WORDS, (s) => [en.register.status[s], cy.register.status[s]]);
