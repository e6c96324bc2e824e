import { renderProfileFormCard } from '../../cards/profile-form-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { Content } from '../content/content';
import { fill, strings } from '../i18n/strings';
import type { ProfileInput } from '../profile/profile-input';
import type { Language } from '../users/user-record';
import { MAX_MANAGER_CHANGES_PER_DAY } from './line-manager-request-rules';

/**
 * The profile form refused for a sixth line-manager change today: everything the person
 * typed is kept, and the reason stands at the line-manager field, where they can put the
 * previous manager back and save the rest.
 */
export function tooManyManagerChangesForm(language: Language, content: Content, input: ProfileInput): AdaptiveCardJson {
  const text = fill(strings(language).lineManagerRequests.tooManyChanges, { count: String(MAX_MANAGER_CHANGES_PER_DAY) });
  return renderProfileFormCard(language, {
    roleChoices: content.roleChoices(language),
    welshChoices: content.welshChoices(language),
    values: input,
    errors: { lineManager: text },
  });
}

/** The saved card's lead: saved, and, for a manager who has never used Cefnogi, what happens next. */
export function lineManagerSavedLead(language: Language, saved: string, managerUnseen: boolean): string {
  return managerUnseen ? `${saved} ${strings(language).lineManagerRequests.managerNotOnCefnogi}` : saved;
}
