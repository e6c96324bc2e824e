import { z } from 'zod';
import template from './broadcast-compose-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import type { Language } from '../bot/users/user-record';

const choice = z.object({ title: z.string().min(1).max(120), value: z.string().min(1).max(100) });
const line = z.string().max(300).default('');
const bodyText = z.string().max(4000).default('');

/** The compose form's fields, as typed: a refused submit shows them again exactly. */
export const broadcastFormValuesSchema = z.object({
  id: z.string().max(100).default(''),
  titleCy: z.string().max(200).default(''),
  bodyCy: bodyText,
  titleEn: z.string().max(200).default(''),
  bodyEn: bodyText,
  link: z.string().max(500).default(''),
  confirmRead: z.enum(['true', 'false']).default('false'),
  readBy: z.string().max(10).default(''),
  remindAfterDays: z.string().max(4).default(''),
  audienceKind: z.enum(['scope', 'la', 'schools']).default('scope'),
  laId: z.string().max(100).default(''),
  schools: z.string().max(600).default(''),
  families: z.string().max(300).default(''),
  levels: z.string().max(30).default(''),
  channels: z.enum(['true', 'false']).default('false'),
  urgent: z.enum(['true', 'false']).default('false'),
  sendDate: z.string().max(10).default(''),
  sendTime: z.string().max(5).default(''),
});
export type BroadcastFormValues = z.infer<typeof broadcastFormValuesSchema>;

/** A field's problem, in the author's language ('' for none). */
export const broadcastFormErrorsSchema = z.object({
  titleCy: line,
  bodyCy: line,
  titleEn: line,
  bodyEn: line,
  link: line,
  readBy: line,
  remindAfterDays: line,
  audience: line,
  sendAt: line,
});
export type BroadcastFormErrors = z.infer<typeof broadcastFormErrorsSchema>;

/** One language version as its recipients will see it. */
const versionSchema = z.object({
  as: z.string().min(1).max(200),
  title: z.string().min(1).max(200),
  from: z.string().min(1).max(200),
  body: z.string().min(1).max(4000),
  readBy: z.string().max(200).default(''),
});

export const broadcastComposeCardDataSchema = z.object({
  values: broadcastFormValuesSchema.default({}),
  errors: broadcastFormErrorsSchema.default({}),
  // Welsh local authority names are under 40 characters in either language.
  laChoices: z.array(choice.extend({ title: z.string().min(1).max(60) })).max(22).default([]),
  familyChoices: z.array(choice).max(10).default([]),
  levelChoices: z.array(choice).max(6).default([]),
  remindChoices: z.array(choice.extend({ title: z.string().min(1).max(24) })).max(10).default([]),
  /**
   * A correction of a sent broadcast: only its words and link can change, so who it goes to,
   * when, and whether to confirm are not shown (their inputs then take their defaults, unused).
   */
  correcting: z.boolean().default(false),
  /** A line above the form: what is wrong, or a question before sending. */
  lead: z.string().max(300).default(''),
  leadTone: z.enum(['good', 'attention', 'warning']).default('attention'),
  /** The check before sending: figures, time, when, and both versions; absent until Preview. */
  preview: z
    .object({
      figures: z.string().min(1).max(400),
      time: z.string().min(1).max(300),
      when: z.string().min(1).max(300),
      big: z.string().max(300).default(''),
      channels: z.string().max(300).default(''),
      /** True once the author has been asked about a large audience: Send then sends. */
      confirmed: z.boolean().default(false),
      sendTitle: z.string().min(1).max(100),
      /** A correction of a sent broadcast: the button saves it (broadcast.edit) rather than sending. */
      editing: z.boolean().default(false),
      versions: z.array(versionSchema).length(2),
    })
    .optional(),
});
export type BroadcastComposeCardData = z.input<typeof broadcastComposeCardDataSchema>;

/** The broadcast compose card: both language versions, the audience, when; then the preview and Send. */
export function renderBroadcastComposeCard(language: Language, data: BroadcastComposeCardData): AdaptiveCardJson {
  const d = broadcastComposeCardDataSchema.parse(data);
  const preview = d.preview ?? { figures: '', time: '', when: '', big: '', channels: '', confirmed: false, sendTitle: '', editing: false, versions: [] };
  return expandCard(template, language, {
    ...d,
    leadStyle: toneStyle(d.leadTone),
    hasPreview: d.preview !== undefined,
    sending: d.preview !== undefined && !preview.editing,
    saving: d.preview !== undefined && preview.editing,
    preview,
    sendTitle: preview.sendTitle,
    versions: preview.versions,
  });
}
