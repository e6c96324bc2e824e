import { z } from 'zod';
import template from './roles-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';

const choice = z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(80) });

/** One appointment as the card lists it. */
export const rolesCardRowSchema = z.object({
  name: z.string().min(1).max(100),
  roleName: z.string().min(1).max(80),
  scope: z.string().min(1).max(160),
  role: z.enum(['la-admin', 'school-admin']),
  scopeId: z.string().min(1).max(80),
  personId: z.string().min(1).max(80),
  /** Shown only where the rules let the reader remove it. */
  removable: z.boolean(),
  /** The Remove button's accessible name: the person, the role and the scope. */
  removeLabel: z.string().max(250),
});
export type RolesCardRow = z.infer<typeof rolesCardRowSchema>;

export const rolesCardDataSchema = z.object({
  lead: z.string().max(600).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  rows: z.array(rolesCardRowSchema).max(20).default([]),
  page: z.number().int().min(1).default(1),
  pageText: z.string().max(200).default(''),
  hasPrevious: z.boolean().default(false),
  hasNext: z.boolean().default(false),
  /** Only organisation administrators appoint local-authority administrators. */
  canAppointLa: z.boolean().default(false),
  laChoices: z.array(choice).max(40).default([]),
  /** What was typed, returned when an appointment is refused so nothing is lost. */
  person: z.string().max(100).default(''),
  role: z.enum(['la-admin', 'school-admin']).default('school-admin'),
  laId: z.string().max(40).default(''),
  school: z.string().max(80).default(''),
  personError: z.string().max(200).default(''),
  laError: z.string().max(200).default(''),
  schoolError: z.string().max(200).default(''),
  /** Organisation and local-authority administrators may read the audit. */
  showAudit: z.boolean().default(false),
});
export type RolesCardData = z.input<typeof rolesCardDataSchema>;

/** An administrator's card: who holds which role in their scope (paged), and a form to appoint. */
export function renderRolesCard(language: Language, data: RolesCardData): AdaptiveCardJson {
  const d = rolesCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, leadStyle: toneStyle(d.leadTone) });
}
