import { z } from 'zod';
import template from './help-card.json';
import { expandCard, otherLanguage, type AdaptiveCardJson, type CardAction } from './card-kit';
import { Verbs, verbSchema } from './verbs';
import { strings, type Strings } from '../bot/i18n/strings';
import { openingNewMessage as opening } from './opens-new-message';
import type { Language } from '../bot/users/user-record';

const commandSchema = z.object({ command: z.string().min(1).max(60), text: z.string().min(1).max(300) });
const buttonSchema = z.object({ title: z.string().min(1).max(100), verb: verbSchema, data: z.record(z.unknown()) });

export const helpCardDataSchema = z.object({
  /** A line above the list, e.g. "I didn't understand that" or "I'll speak Welsh now". */
  lead: z.string().max(500).default(''),
  /** Where the card is shown: the one-to-one chat, or a channel or group chat everyone sees. */
  where: z.enum(['personal', 'shared']).default('personal'),
  /** The administrator commands the reader may use, else none. */
  adminCommands: z.array(commandSchema).max(10).default([]),
  /** A button for each administrator command that opens a card (same roles as the list). */
  adminButtons: z.array(buttonSchema).max(6).default([]),
  /** A line telling an administrator how to see their commands (kept for callers that pass it). */
  adminHint: z.string().max(300).default(''),
  /** In a channel or group chat: the lines about linking a team, for its administrators. */
  sharedAdminCommands: z.array(commandSchema).max(4).default([]),
  /** In a team channel: the learning-community commands, which work only there. */
  channelCommands: z.array(commandSchema).max(4).default([]),
  /** In a channel or group chat: the deep link to the reader's one-to-one chat with Cefnogi. */
  chatUrl: z.string().url().max(300).or(z.literal('')).default(''),
});
export type HelpCardData = z.input<typeof helpCardDataSchema>;

/** The buttons under the personal list: one for each card a person opens from help. */
export function helpButtons(s: Strings): CardAction[] {
  return [
    { title: s.common.setUpProfile, verb: Verbs.editProfile, data: opening() },
    { title: s.mySchools.title, verb: Verbs.showMySchools, data: opening() },
    { title: s.common.startInduction, verb: Verbs.startInduction, data: opening() },
    { title: s.common.startSelfAssessment, verb: Verbs.startSelfAssessment, data: opening() },
    { title: s.helpCards.buttons.myAppraisal, verb: Verbs.showAppraisal, data: opening() },
    { title: s.helpCards.buttons.myTeam, verb: Verbs.showTeam, data: opening() },
  ];
}

/** Buttons in rows of three: Teams shows at most five actions in one set, and three fit a phone. */
function rows(buttons: CardAction[]): { actions: CardAction[] }[] {
  const out: { actions: CardAction[] }[] = [];
  for (let i = 0; i < buttons.length; i += 3) out.push({ actions: buttons.slice(i, i + 3) });
  return out;
}

/** The language toggle, which redraws this same card in the other language. */
function languageToggle(s: Strings, language: Language): CardAction {
  return { title: s.common.switchLanguage, verb: Verbs.setLanguage, data: { language: otherLanguage(language), view: 'help' } };
}

/** "Cymraeg a Saesneg / Welsh and English": every card Welsh first with the English beneath. */
function bothToggle(s: Strings): CardAction {
  return { title: s.bothLanguages.button, verb: Verbs.setLanguage, data: { language: 'both', view: 'help' } };
}

/**
 * What Cefnogi can do, with a button for each card; also the answer to text it does not
 * understand. Its buttons open their card as a new message, so the list stays. In a channel
 * or group chat (`where: 'shared'`) it lists what works there and offers the one-to-one chat.
 */
export function renderHelpCard(language: Language, data: HelpCardData = {}): AdaptiveCardJson {
  const d = helpCardDataSchema.parse(data);
  const s = strings(language);
  if (d.where === 'shared') {
    const languages = s.help.commands.filter((c) => c.command === 'Cymraeg' || c.command === 'English');
    return expandCard(template, language, {
      lead: d.lead,
      title: s.helpCards.shared.title,
      intro: s.helpCards.shared.intro,
      commands: [s.helpCards.shared.help, ...languages, ...d.channelCommands, ...d.sharedAdminCommands],
      buttonRows: [],
      adminCommands: [],
      adminButtonRows: [],
      adminHint: '',
      privateText: s.helpCards.shared.privateText,
      chatUrl: d.chatUrl,
      actions: [languageToggle(s, language)],
    });
  }
  return expandCard(template, language, {
    lead: d.lead,
    title: s.help.title,
    intro: s.help.intro,
    commands: s.help.commands,
    buttonRows: rows(helpButtons(s)),
    adminCommands: d.adminCommands,
    adminButtonRows: rows(d.adminButtons.map((b) => ({ ...b, data: opening(b.data) }))),
    adminHint: d.adminHint,
    privateText: '',
    chatUrl: '',
    actions: [languageToggle(s, language), bothToggle(s)],
  });
}
