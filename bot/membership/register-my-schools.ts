import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { MAX_FIND_MATCHES, type MySchoolsCardData } from '../../cards/my-schools-card';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { laNameIn } from '../register/la-name';
import { welshWith } from '../text/welsh-with';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { schoolIdInput } from '../register/school-id-input';
import type { SchoolServices } from '../roles/school-services';
import { MAX_SCHOOLS_PER_PERSON } from './membership-record';
import { mySchoolsCard } from './my-schools-view';
import { matchOpenSchools, schoolTitle, type LaNameOf } from './school-match';
import { MAX_SEARCH_RESULTS, SCHOOLS_DATASET, schoolSearchInput } from './school-search-input';

const personal = { personalOnly: true };
/** Card data carries a school id only as a claim: its shape is checked here, the register decides. */
const claimedId = z.string().max(80).optional();
const query = z.string().max(500).default('');

/**
 * `my schools` / `fy ysgolion`: a person chooses the school(s) they work at from the
 * tenant's register (search-as-you-type, or "Find" for clients without it), sees whether
 * each has confirmed them, and can leave one. Asking writes a pending membership; only the
 * school's administrators confirm it.
 */
export function registerMySchools(app: Application, deps: FeatureDeps, schools: SchoolServices): void {
  const { register, memberships } = schools;
  /** An authority by name in the reader's language. */
  const laNameFor = (context: TurnContext): LaNameOf => laNameIn(deps.content, turnData(context).language());
  /** Schools named with their authority in the reader's language. */
  const titled = (context: TurnContext) => {
    const laName = laNameFor(context);
    return (entry: Parameters<typeof schoolTitle>[0]) => schoolTitle(entry, laName);
  };
  const card = (context: TurnContext, extra: Omit<MySchoolsCardData, 'schools'> = {}) => {
    const { language, session } = turnData(context);
    return mySchoolsCard(language(), register, session.user, extra, laNameFor(context));
  };
  const attention = (context: TurnContext, lead: string, typed: string) => card(context, { lead, leadTone: 'attention', query: typed.slice(0, 120) });

  app.message(commandSelector('my schools', 'fy ysgolion', 'my school', 'fy ysgol'), async (context) => sendPersonalCard(context, () => card(context)));
  onCardAction(app, Verbs.showMySchools, z.object({}), async (context) => card(context), personal);

  onCardAction(app, Verbs.findMySchool, z.object({ query }), async (context, input) => {
    const typed = input.query.trim().slice(0, 120);
    if (typed === '') return attention(context, strings(turnData(context).language()).mySchools.findEmpty, '');
    const found = matchOpenSchools(await register.catalogue(turnData(context).identity.tenantId), typed, MAX_FIND_MATCHES);
    return card(context, { query: typed, searched: true, matches: found.map((e) => ({ schoolId: e.id, title: titled(context)(e) })) });
  }, personal);

  onCardAction(app, Verbs.requestSchool, z.object({ schoolId: claimedId, searchSchoolId: claimedId, query }), async (context, input) => {
    const { session, identity, language } = turnData(context);
    const s = strings(language()).mySchools;
    // A button beside a find result names its school; otherwise the search box's choice.
    const claim = input.schoolId || input.searchSchoolId || '';
    if (claim === '') return attention(context, s.chooseFirst, input.query);
    const schoolId = schoolIdInput.safeParse(claim);
    if (!schoolId.success) return attention(context, s.unknownSchool, input.query);
    const entry = (await register.school(identity.tenantId, schoolId.data))?.value.entry;
    const name = entry ? titled(context)(entry) : '';
    const outcome = await memberships.request(session, identity, schoolId.data, deps.now());
    switch (outcome) {
      case 'requested': {
        const status = session.user.schools?.find((m) => m.schoolId === schoolId.data)?.status;
        // Welsh joins "ymuno" to the name with "â" or, before a vowel, "ag".
        const joined = status !== 'confirmed' && turnData(context).language() === 'cy' ? welshWith(name) : name;
        return card(context, { lead: fill(status === 'confirmed' ? s.requestedConfirmed : s.requested, { school: joined }) });
      }
      case 'already':
        return attention(context, fill(s.already, { school: name }), input.query);
      case 'unknown-school':
        return attention(context, s.unknownSchool, input.query);
      case 'closed':
        return attention(context, fill(s.closed, { school: name }), input.query);
      case 'too-many':
        return attention(context, fill(s.tooMany, { max: String(MAX_SCHOOLS_PER_PERSON) }), input.query);
    }
  }, personal);

  onCardAction(app, Verbs.leaveSchool, z.object({ schoolId: claimedId }), async (context, input) => {
    const { session, identity, language } = turnData(context);
    const s = strings(language()).mySchools;
    const schoolId = input.schoolId ?? '';
    // Only one of the person's own schools can be left: the id is looked up in their document.
    if (!(session.user.schools ?? []).some((m) => m.schoolId === schoolId)) return attention(context, s.notYours, '');
    const entry = (await register.school(identity.tenantId, schoolId))?.value.entry;
    await memberships.leave(session, identity, schoolId);
    return card(context, { lead: fill(s.left, { school: entry ? titled(context)(entry) : schoolId }) });
  }, personal);

  app.adaptiveCards.search(SCHOOLS_DATASET, async (context) => {
    const parsed = schoolSearchInput.safeParse(context.activity.value);
    if (!parsed.success) return [];
    const { queryText, queryOptions } = parsed.data;
    // The tenant is the activity's, never the request's: another tenant's schools never show.
    const catalogue = await register.catalogue(turnData(context).identity.tenantId);
    const top = Math.min(queryOptions.top, MAX_SEARCH_RESULTS);
    const title = titled(context);
    return matchOpenSchools(catalogue, queryText, queryOptions.skip + top)
      .slice(queryOptions.skip)
      .map((e) => ({ title: title(e), value: e.id }));
  });
}
