import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import type { LineManagerLinks } from '../team/line-manager-links';
import { lineManagerSavedLead, tooManyManagerChangesForm } from '../team/line-manager-save-views';
import { saveLineManager } from '../team/save-line-manager';
import { namedMemberships } from '../membership/my-schools-view';
import type { SchoolRegister } from '../register/school-register';
import { laNameIn } from '../register/la-name';
import { checkProfile } from './check-profile';
import { profileInputSchema } from './profile-input';
import { formValues, profileForm, profileSummary } from './profile-views';

/** The profile if there is one, else the form to make it. */
async function currentProfileCard(context: TurnContext, deps: FeatureDeps, register: SchoolRegister): Promise<AdaptiveCardJson> {
  const { session, language } = turnData(context);
  const profile = session.user.profile;
  if (!profile) return profileForm(language(), deps.content, {});
  const schools = await namedMemberships(register, session.user, laNameIn(deps.content, language()));
  return profileSummary(language(), deps.content, profile, schools, '', session.user.induction !== undefined, session.user.bothLanguages === true);
}

const personal = { personalOnly: true };

/** `profile` / `proffil`, and the profile form's edit and save actions (one-to-one chat only). */
export function registerProfile(app: Application, deps: FeatureDeps, links: LineManagerLinks, register: SchoolRegister): void {
  app.message(commandSelector('profile', 'proffil'), async (context) => sendPersonalCard(context, () => currentProfileCard(context, deps, register)));

  onCardAction(app, Verbs.showProfile, z.object({}), async (context) => currentProfileCard(context, deps, register), personal);

  onCardAction(app, Verbs.editProfile, z.object({}), async (context) => {
    const { session, language } = turnData(context);
    return profileForm(language(), deps.content, formValues(session.user.profile));
  }, personal);

  onCardAction(app, Verbs.saveProfile, profileInputSchema, async (context, input) => {
    const { session, language, identity } = turnData(context);
    const check = checkProfile(input, deps.content, identity.aadObjectId, deps.now());
    if (!check.ok) return profileForm(language(), deps.content, input, check.problems);
    // A school typed before the register stays for the migration to match; the form no longer asks.
    const legacy = session.user.profile?.school;
    const profile = legacy ? { ...check.profile, school: legacy } : check.profile;
    const saved = await saveLineManager({ store: deps.store, links }, session, identity, profile, deps.now());
    if (saved.kind === 'refused') return tooManyManagerChangesForm(language(), deps.content, input);
    const lead = lineManagerSavedLead(language(), strings(language()).profile.saved, saved.managerUnseen);
    const schools = await namedMemberships(register, session.user, laNameIn(deps.content, language()));
    return profileSummary(language(), deps.content, profile, schools, lead, session.user.induction !== undefined, session.user.bothLanguages === true);
  }, personal);
}
