import { strings } from '../i18n/strings';
import type { Language, Profile } from '../users/user-record';
import { learningContent } from './learning-content';

/** The value of "Not saying" (a choice needs one): stored as nothing. */
export const NOT_SAYING = 'not-saying';

/**
 * The profile's optional questions that "my learning" owns: EWC registered, highest relevant
 * qualification, HLTA status. "Not saying" is a choice of its own (`NOT_SAYING`, stored as nothing), so leaving
 * them is never refused.
 */
export function learningProfileChoices(language: Language): {
  qualificationChoices: { title: string; value: string }[];
  hltaChoices: { title: string; value: string }[];
  ewcRegisteredChoices: { title: string; value: string }[];
} {
  const s = strings(language).learningProfile;
  const unsaid = { title: s.notSaying, value: NOT_SAYING };
  return {
    qualificationChoices: [unsaid, ...learningContent.qualifications.qualifications.map((q) => ({ title: q.name[language], value: q.id }))],
    hltaChoices: [unsaid, ...(['none', 'working-towards', 'awarded'] as const).map((id) => ({ title: s.hlta[id], value: id }))],
    ewcRegisteredChoices: [unsaid, { title: s.yes, value: 'yes' }, { title: s.no, value: 'no' }],
  };
}

/** The same answers as lines on the profile card, only those given. */
export function learningProfileFacts(language: Language, profile: Profile): { title: string; value: string }[] {
  const s = strings(language).learningProfile;
  const facts: { title: string; value: string }[] = [];
  if (profile.ewcRegistered !== undefined) facts.push({ title: s.ewcRegisteredField, value: profile.ewcRegistered ? s.yes : s.no });
  const qualification = learningContent.qualifications.qualifications.find((q) => q.id === profile.qualification);
  if (qualification) facts.push({ title: s.qualificationField, value: qualification.name[language] });
  if (profile.hltaStatus) facts.push({ title: s.hltaField, value: s.hlta[profile.hltaStatus] });
  return facts;
}
