import { z } from 'zod';
import template from './share-to-plc-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import type { Language } from '../bot/users/user-record';

const choice = z.object({ title: z.string().min(1).max(200), value: z.string().min(1).max(100) });
const fieldText = (max: number) => z.string().max(max).default('');
const errorText = z.string().max(300).default('');

/** The longest a form field may hold: the share rules' limits. */
export const SHARE_LIMITS = { title: 200, url: 2000, note: 1000 } as const;

export const shareToPlcCardDataSchema = z.object({
  /** The person's PLCs; a person in more than this many picks from the first fifty by name. */
  plcChoices: z.array(choice).min(1).max(50),
  keyAreaChoices: z.array(choice).min(1).max(7),
  languageChoices: z.array(choice).length(2),
  /** What the form shows filled in: taken from the message, or what was just submitted. */
  values: z
    .object({
      title: fieldText(SHARE_LIMITS.title),
      url: fieldText(SHARE_LIMITS.url),
      note: fieldText(SHARE_LIMITS.note),
      /** Comma-separated, as a multi-select ChoiceSet submits it. */
      keyAreas: fieldText(200),
      languages: fieldText(10),
      plcId: fieldText(100),
    })
    .default({}),
  /** A message per field that failed the checks, in the reader's language. */
  errors: z.object({ title: errorText, url: errorText, note: errorText, keyAreas: errorText, languages: errorText, plcId: errorText }).default({}),
  /** A refusal for the whole form (the PLC's own reason), shown at the top. */
  lead: z.string().max(500).default(''),
});
export type ShareToPlcCardData = z.input<typeof shareToPlcCardDataSchema>;

/**
 * The "Share to a PLC" form in a Teams dialog: title, link, note, key areas, the resource's
 * language(s) and which of the person's PLCs. Checked on the server (a dialog ignores
 * `isRequired` on some clients); a refused submit comes back with everything typed and the
 * problem under its field.
 */
export function renderShareToPlcCard(language: Language, data: ShareToPlcCardData): AdaptiveCardJson {
  const d = shareToPlcCardDataSchema.parse(data);
  const hasErrors = Object.values(d.errors).some((e) => e !== '');
  return expandCard(template, language, { ...d, hasErrors, hasLead: d.lead !== '' });
}
