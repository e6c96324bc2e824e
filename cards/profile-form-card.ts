import { z } from 'zod';
import template from './profile-form-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

const choice = z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(60) });
const fieldText = z.string().max(500).default('');

export const profileFormCardDataSchema = z.object({
  /** Every role at every level: about thirty today. */
  roleChoices: z.array(choice).min(1).max(80),
  welshChoices: z.array(choice).min(1).max(12),
  /** What the form shows filled in: the saved profile, or what was just submitted. */
  values: z
    .object({ roleId: fieldText, lineManager: fieldText, welshLevelId: fieldText, ewcNumber: fieldText })
    .default({}),
  /** A message per field that failed the server's checks, in the user's language. */
  errors: z
    .object({ roleId: fieldText, lineManager: fieldText, welshLevelId: fieldText, ewcNumber: fieldText })
    .default({}),
});
export type ProfileFormCardData = z.input<typeof profileFormCardDataSchema>;

/** The profile form: role, line manager (Teams people picker), Welsh level, EWC number. */
export function renderProfileFormCard(language: Language, data: ProfileFormCardData): AdaptiveCardJson {
  const d = profileFormCardDataSchema.parse(data);
  const hasErrors = Object.values(d.errors).some((e) => e !== '');
  return expandCard(template, language, { ...d, hasErrors });
}
