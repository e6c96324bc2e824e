import { MAX_CHOOSER_RESULTS, renderSchoolChooserCard } from '../../cards/school-chooser-card';
import type { Verb } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { FeatureDeps } from '../app/feature-deps';
import { fill, strings } from '../i18n/strings';
import { findSchools } from '../register/find-schools';
import type { SchoolEntry } from '../register/school-entry';
import { laNameIn } from '../register/la-name';
import type { HeldRoles } from '../roles/admin-scope';
import type { Language } from '../users/user-record';

/** True when the entry is inside what the person administers. */
export function administers(held: HeldRoles, entry: SchoolEntry): boolean {
  return held.tenant || held.las.includes(entry.laId) || held.schools.includes(entry.id);
}

/** The school's name in the other language and its local authority, in the reader's language. */
export function schoolDetail(language: Language, deps: Pick<FeatureDeps, 'content'>, entry: SchoolEntry): string {
  return [entry.altName, laNameIn(deps.content, language)(entry.laId)].filter((part) => part !== undefined && part !== '').join(' · ');
}

/**
 * The schools someone administers, found by part of either name, each with a short button
 * for what the card is for (its accessible name says which school). A short list shows at
 * once; a long one (an authority's or a tenant's) waits for something typed, so nobody gets
 * a wall of 1,500 schools.
 */
export function administeredSchoolChooser(
  language: Language,
  deps: Pick<FeatureDeps, 'content'>,
  mine: readonly SchoolEntry[],
  options: {
    find: string;
    verb: Verb;
    title: string;
    intro: string;
    action: string;
    /** The button's accessible name, `{school}` filled by `named` (e.g. with Welsh "â"/"ag"). */
    actionFor: string;
    named?: (name: string) => string;
    lead?: string;
    leadTone?: 'good' | 'attention';
  },
): AdaptiveCardJson {
  const s = strings(language).school;
  const results = options.find !== '' ? findSchools(mine, options.find, MAX_CHOOSER_RESULTS) : mine.length <= MAX_CHOOSER_RESULTS ? mine : [];
  return renderSchoolChooserCard(language, {
    lead: options.lead ?? (options.find !== '' && results.length === 0 ? s.noMatches : ''),
    leadTone: options.leadTone ?? 'attention',
    title: options.title,
    intro: options.intro,
    findLabel: s.findLabel,
    findTitle: s.find,
    findVerb: options.verb,
    find: options.find,
    results: results.map((e) => ({ id: e.id, name: e.name, detail: schoolDetail(language, deps, e), actionTitle: options.action, actionTooltip: fill(options.actionFor, { school: (options.named ?? ((n: string) => n))(e.name) }), verb: options.verb })),
  });
}
