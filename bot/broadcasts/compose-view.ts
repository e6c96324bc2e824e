import rolesJson from '../../data/roles.json';
import { renderBroadcastComposeCard, type BroadcastComposeCardData, type BroadcastFormValues } from '../../cards/broadcast-compose-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { Content } from '../content/content';
import { fill, strings } from '../i18n/strings';
import type { HeldRoles } from '../roles/admin-scope';
import { londonTime } from '../time/london-clock';
import type { Language } from '../users/user-record';
import type { AudienceProblem } from './broadcast-audience';
import type { BroadcastRecord } from './broadcast-record';
import { formatDate } from '../appraisal/appraisal-format';
import { versionAsSeen } from './broadcast-views';
import { isAllowedInstant, nextAllowedInstant } from '../proactive/quiet-hours';
import { countOf } from '../i18n/count-forms';

/** The choices the compose card offers, all from the store's and the content's words. */
export function composeChoices(content: Content, held: HeldRoles, language: Language): Pick<BroadcastComposeCardData, 'laChoices' | 'familyChoices' | 'levelChoices' | 'remindChoices'> {
  const las = content.localAuthorityChoices(language).filter((la) => held.tenant || held.las.includes(la.value));
  const levels = [...new Set(content.roles.flatMap((r) => (r.level === undefined ? [] : [r.level])))].sort();
  return {
    laChoices: las,
    familyChoices: rolesJson.families.map((f) => ({ title: f.name[language], value: f.id })),
    levelChoices: levels.map((level) => ({ title: fill(strings(language).broadcasts.levelChoice, { level: String(level) }), value: String(level) })),
    // A list, not a number box: an empty number box shows 0, which its 1–10 limits then refuse without a word.
    remindChoices: Array.from({ length: 10 }, (_, i) => ({ title: fill(strings(language).broadcasts.remindChoice, { days: String(i + 1) }), value: String(i + 1) })),
  };
}

/** A stored draft as the form shows it, so Back and a refused Send lose nothing. */
export function valuesOf(record: BroadcastRecord): Partial<BroadcastFormValues> {
  const at = record.sendAt ? londonTime(new Date(record.sendAt)) : undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    id: record.id,
    titleCy: record.cy.title,
    bodyCy: record.cy.body,
    titleEn: record.en.title,
    bodyEn: record.en.body,
    link: record.link ?? '',
    confirmRead: record.confirmRead ? 'true' : 'false',
    readBy: record.readBy ?? '',
    remindAfterDays: record.remindAfterDays ? String(record.remindAfterDays) : '',
    audienceKind: record.audience.kind,
    laId: record.audience.laId ?? '',
    schools: record.audience.schoolIds.join(', '),
    families: record.audience.familyIds.join(','),
    levels: record.audience.levels.join(','),
    channels: record.audience.channels ? 'true' : 'false',
    urgent: record.urgent ? 'true' : 'false',
    sendDate: at?.date ?? '',
    sendTime: at ? `${pad(at.hour)}:${pad(at.minute)}` : '',
  };
}

/** An audience problem in the author's words, for the audience field. */
export function audienceProblemText(problem: AudienceProblem, language: Language): string {
  const p = strings(language).broadcasts.problems;
  switch (problem.kind) {
    case 'no-schools':
      return p.noSchools;
    case 'unknown-schools':
      return fill(p.unknownSchools, { numbers: problem.numbers.join(', ').slice(0, 200) });
    case 'outside-scope':
      return fill(p.outsideScope, { names: problem.names.join(', ').slice(0, 200) });
    case 'no-la':
      return p.noLa;
    case 'empty':
      return p.empty;
  }
}

/** The figures before sending. */
export interface PreviewFigures {
  known: number;
  /** Team channels among the recipients (beside the people). */
  channels?: number;
  reachable: number;
  unreachable: number;
  ratePerSecond: number;
  /** When the preview is drawn: a send "now" that is not urgent waits for the next school day's 08:00–18:00. */
  now?: Date;
}

/** Over this many people, Send asks once more. */
export const BIG_AUDIENCE = 1000;

/** The compose card with the check before sending: both versions as recipients see them, the figures, the time. */
export function previewCard(content: Content, held: HeldRoles, language: Language, record: BroadcastRecord, figures: PreviewFigures, confirmed: boolean, editing = false): AdaptiveCardJson {
  const s = strings(language).broadcasts;
  const minutes = Math.max(1, Math.ceil(figures.reachable / (figures.ratePerSecond * 0.97) / 60));
  const at = record.sendAt ? londonTime(new Date(record.sendAt)) : undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  const sendsNow = !record.sendAt && !editing;
  const heldBack = sendsNow && !record.urgent && figures.now && !isAllowedInstant(figures.now, record.schoolHolidays ?? []) ? londonTime(nextAllowedInstant(figures.now, record.schoolHolidays ?? [])) : undefined;
  const shown = at ?? heldBack;
  const when = editing || !shown ? s.whenNow : fill(s.whenAt, { date: formatDate(shown.date, language), time: `${pad(shown.hour)}:${pad(shown.minute)}` });
  const big = !editing && figures.known > BIG_AUDIENCE;
  const versions = (['cy', 'en'] as const).map((v) => ({ as: fill(s.previewAs, { language: v === 'cy' ? s.welsh : s.english }), ...versionAsSeen(record, v) }));
  return renderBroadcastComposeCard(language, {
    ...composeChoices(content, held, language),
    correcting: editing,
    values: valuesOf(record),
    lead: editing ? s.editing : big && confirmed ? fill(s.bigAudience, { people: countOf(figures.known, s.people) }) : '',
    leadTone: 'warning',
    preview: {
      // Those not reached yet get their own sentence, worded for one or many, and none when all can be reached.
      figures: [fill(s.previewFigures, { known: countOf(figures.known, s.people), reachable: String(figures.reachable) }), figures.unreachable > 0 ? countOf(figures.unreachable, s.previewUnreachable) : '']
        .filter((part) => part !== '')
        .join(' '),
      time: fill(s.previewTime, { minutes: countOf(minutes, s.minutes) }),
      when: fill(s.previewWhen, { when }),
      channels: figures.channels ? fill(s.previewChannels, { channels: countOf(figures.channels, s.teamChannels) }) : '',
      big: big && !confirmed ? fill(s.bigAudience, { people: countOf(figures.known, s.people) }) : '',
      confirmed,
      sendTitle: editing ? s.saveEdit : big && confirmed ? fill(s.sendAnyway, { people: countOf(figures.known, s.people) }) : s.send,
      editing,
      versions,
    },
  });
}
