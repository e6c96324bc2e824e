import { z } from 'zod';
import template from './profile-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { strings } from '../bot/i18n/strings';
import type { Language } from '../bot/users/user-record';

const shown = z.string().trim().max(300).optional();

export const profileCardDataSchema = z.object({
  lead: z.string().max(300).default(''),
  /** Display names, already in the user's language; absent means not set. */
  role: shown,
  /** The person's schools from the register, each with its status in words. */
  schools: z.array(z.object({ title: z.string().min(1).max(400), status: z.enum(['pending', 'confirmed']) })).max(8).default([]),
  lineManagerChosen: z.boolean(),
  welshLevel: shown,
  ewcNumber: shown,
  /** Registration, qualification and HLTA status, as set (bot/learning/learning-profile.ts). */
  learningFacts: z.array(z.object({ title: z.string().min(1).max(80), value: z.string().min(1).max(120) })).max(3).default([]),
  /** The next step after saving: start the induction, or open it once started. */
  induction: z.enum(['start', 'open']).default('start'),
  /** The person reads Welsh and English together: the language fact says so. */
  bothLanguages: z.boolean().default(false),
});
export type ProfileCardData = z.input<typeof profileCardDataSchema>;

/** A person's profile shown back to them, with their schools, the induction as the next step, a way to change it and to choose schools. */
export function renderProfileCard(language: Language, data: ProfileCardData): AdaptiveCardJson {
  const d = profileCardDataSchema.parse(data);
  const s = strings(language).profile;
  const notSet = strings(language).common.notSet;
  const m = strings(language).mySchools;
  const schools = d.schools.map((x) => `${x.title}: ${x.status === 'confirmed' ? m.confirmed : m.pending}`);
  const facts = [
    { title: s.roleField, value: d.role ?? notSet },
    { title: m.profileSchools, value: schools.length > 0 ? schools.join('\n') : m.profileNone },
    { title: s.managerField, value: d.lineManagerChosen ? s.managerChosen : notSet },
    { title: s.welshField, value: d.welshLevel ?? notSet },
    { title: s.ewcField, value: d.ewcNumber ?? notSet },
    ...d.learningFacts,
    { title: s.languageField, value: d.bothLanguages ? strings(language).bothLanguages.languageValue : s.languageValue },
  ];
  const steps = strings(language).inductionSteps;
  return expandCard(template, language, { lead: d.lead, facts, inductionTitle: d.induction === 'open' ? steps.openInduction : steps.startInduction });
}
