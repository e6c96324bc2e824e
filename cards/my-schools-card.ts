import { z } from 'zod';
import template from './my-schools-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import { fill, strings } from '../bot/i18n/strings';
import { MAX_SCHOOLS_PER_PERSON } from '../bot/membership/membership-record';
import type { Language } from '../bot/users/user-record';

/** At most as many matches as a search-as-you-type list shows. */
export const MAX_FIND_MATCHES = 15;

const school = z.object({ schoolId: z.string().min(1).max(80), title: z.string().min(1).max(400) });

export const mySchoolsCardDataSchema = z.object({
  /** What the last act did, or why it was refused. */
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  schools: z.array(school.extend({ status: z.enum(['pending', 'confirmed']) })).max(MAX_SCHOOLS_PER_PERSON).default([]),
  /** What was typed in the find box, kept in it. */
  query: z.string().max(120).default(''),
  /** The schools "Find" matched; `searched` says a find ran (so "no matches" can be said). */
  matches: z.array(school).max(MAX_FIND_MATCHES).default([]),
  searched: z.boolean().default(false),
});
export type MySchoolsCardData = z.input<typeof mySchoolsCardDataSchema>;

/**
 * A person's schools with their status in words, a Leave button each (named for its
 * school), search-as-you-type to ask to join one, and a plain find box with results for
 * clients that do not run the search.
 */
export function renderMySchoolsCard(language: Language, data: MySchoolsCardData): AdaptiveCardJson {
  const d = mySchoolsCardDataSchema.parse(data);
  const s = strings(language).mySchools;
  const found = !d.searched ? '' : d.matches.length === 0 ? fill(s.noMatches, { query: d.query }) : fill(s.matches, { query: d.query });
  return expandCard(template, language, {
    lead: d.lead,
    leadStyle: toneStyle(d.leadTone),
    schools: d.schools.map((x) => ({
      schoolId: x.schoolId,
      title: x.title,
      status: x.status === 'confirmed' ? s.confirmed : s.pending,
      leaveName: fill(s.leaveName, { school: x.title }),
    })),
    query: d.query,
    found,
    matches: d.matches.map((m) => ({ ...m, chooseName: fill(s.chooseName, { school: m.title }) })),
  });
}
