import { z } from 'zod';
import template from './plc-settings-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';

export const plcSettingsCardDataSchema = z.object({
  title: z.string().min(1).max(200),
  /** What just happened ("Renamed"), or the problem with the name typed (tone attention), or empty. */
  lead: z.string().max(400).default(''),
  tone: z.enum(['good', 'attention']).default('good'),
  /** Key areas, language and owners in one line. */
  facts: z.string().min(1).max(1500),
  /** The name as shown in the field: the stored one, or what was typed when it was refused. */
  name: z.string().max(400),
  plcId: z.string().max(40),
  /** Channels of other schools' teams that joined: the school's name, the channel's key, the remove button's accessible title. */
  joined: z.array(z.object({ school: z.string().min(1).max(200), channel: z.string().max(40), removeTitle: z.string().min(1).max(250) })).max(19).default([]),
});
export type PlcSettingsCardData = z.input<typeof plcSettingsCardDataSchema>;

/** What an owner of a PLC sees when they type PLC in its channel: rename it, go to its library, or close it (after a confirmation). */
export function renderPlcSettingsCard(language: Language, data: PlcSettingsCardData): AdaptiveCardJson {
  const d = plcSettingsCardDataSchema.parse(data);
  return expandCard(template, language, { ...d, leadStyle: toneStyle(d.tone) });
}
