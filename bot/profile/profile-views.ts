import { renderProfileCard } from '../../cards/profile-card';
import { renderProfileFormCard } from '../../cards/profile-form-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { Content } from '../content/content';
import type { NamedMembership } from '../membership/my-schools-view';
import { strings } from '../i18n/strings';
import type { Language, Profile } from '../users/user-record';
import type { ProfileField, ProfileInput } from './profile-input';
import type { ProfileProblem } from './check-profile';
import { learningProfileFacts } from '../learning/learning-profile';

/** The form, filled with the saved profile or with what was just submitted, and any problems. */
export function profileForm(
  language: Language,
  content: Content,
  values: ProfileInput,
  problems: Partial<Record<ProfileField, ProfileProblem>> = {},
): AdaptiveCardJson {
  const messages = strings(language).profile.errors;
  const errors = Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, messages[problem]]));
  return renderProfileFormCard(language, {
    roleChoices: content.roleChoices(language),
    welshChoices: content.welshChoices(language),
    values,
    errors,
  });
}

/** The form's values for a saved profile. */
export function formValues(profile: Profile | undefined): ProfileInput {
  return {
    roleId: profile?.roleId,
    lineManager: profile?.lineManagerAadObjectId,
    welshLevelId: profile?.welshLevelId,
    ewcNumber: profile?.ewcNumber,
    qualification: profile?.qualification ?? 'not-saying',
    hltaStatus: profile?.hltaStatus ?? 'not-saying',
    ewcRegistered: profile?.ewcRegistered === undefined ? 'not-saying' : profile.ewcRegistered ? 'yes' : 'no',
  };
}

/**
 * The saved profile shown back, names in the user's language, with the person's schools from
 * the register and the induction as the next step (`inductionStarted` says start or open it).
 */
export function profileSummary(
  language: Language,
  content: Content,
  profile: Profile,
  schools: readonly NamedMembership[],
  lead = '',
  inductionStarted = false,
  bothLanguages = false,
): AdaptiveCardJson {
  return renderProfileCard(language, {
    lead,
    role: content.role(profile.roleId)?.name[language],
    schools: schools.map(({ title, status }) => ({ title, status })),
    lineManagerChosen: profile.lineManagerAadObjectId !== undefined,
    welshLevel: content.welshLevel(profile.welshLevelId)?.[language],
    ewcNumber: profile.ewcNumber,
    learningFacts: learningProfileFacts(language, profile),
    induction: inductionStarted ? 'open' : 'start',
    bothLanguages,
  });
}
