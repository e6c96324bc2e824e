import { z } from 'zod';
import template from './profile-form-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';
import { learningProfileChoices } from '../bot/learning/learning-profile';

const choice = z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(60) });
const fieldText = z.string().max(500).default('');

export const profileFormCardDataSchema = z.object({
  /** Every role at every level: about thirty today. */
  roleChoices: z.array(choice).min(1).max(80),
  welshChoices: z.array(choice).min(1).max(12),
  /** The optional questions "my learning" asks (bot/learning/learning-profile.ts). */
  qualificationChoices: z.array(choice).min(1).max(21).optional(),
  hltaChoices: z.array(choice).min(1).max(4).optional(),
  ewcRegisteredChoices: z.array(choice).min(1).max(3).optional(),
  /** What the form shows filled in: the saved profile, or what was just submitted. */
  values: z
    .object({ roleId: fieldText, lineManager: fieldText, welshLevelId: fieldText, ewcNumber: fieldText, qualification: fieldText, hltaStatus: fieldText, ewcRegistered: fieldText })
    .default({}),
  /** A message per field that failed the server's checks, in the user's language. */
  errors: z
    .object({ roleId: fieldText, lineManager: fieldText, welshLevelId: fieldText, ewcNumber: fieldText })
    .default({}),
});
export type ProfileFormCardData = z.input<typeof profileFormCardDataSchema>;

/** The profile form: role, line manager (Teams people picker), Welsh level, EWC number. */
export function renderProfileFormCard(language: Language, data: ProfileFormCardData): AdaptiveCardJson {
  // The optional questions' choices are the same for every form; callers may leave them out.
  const parsed = profileFormCardDataSchema.parse(data);
  const defaults = learningProfileChoices(language);
  const d = {
    ...parsed,
    qualificationChoices: parsed.qualificationChoices ?? defaults.qualificationChoices,
    hltaChoices: parsed.hltaChoices ?? defaults.hltaChoices,
    ewcRegisteredChoices: parsed.ewcRegisteredChoices ?? defaults.ewcRegisteredChoices,
  };
  const hasErrors = Object.values(d.errors).some((e) => e !== '');
  return expandCard(template, language, { ...d, hasErrors });
}
