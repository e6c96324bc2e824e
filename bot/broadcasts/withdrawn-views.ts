import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderNoticeCard } from '../../cards/notice-card';
import { formatDate } from '../appraisal/appraisal-format';
import { fill, strings } from '../i18n/strings';
import type { BilingualContent } from '../proactive/outbox-record';
import { londonTime } from '../time/london-clock';
import type { Language } from '../users/user-record';
import type { BroadcastRecord } from './broadcast-record';

/** When, as a clock in Wales shows it: the date in the reader's words and HH:MM. */
export function londonDateAndTime(iso: string, language: Language): { date: string; time: string } {
  const t = londonTime(new Date(iso));
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: formatDate(t.date, language), time: `${pad(t.hour)}:${pad(t.minute)}` };
}

/** The short notice that replaces a withdrawn broadcast on every card it reached: withdrawn, by whom, when. */
export function withdrawnCard(record: BroadcastRecord, language: Language): AdaptiveCardJson {
  const s = strings(language).broadcasts.withdrawnCard;
  const at = londonDateAndTime(record.withdrawn?.at ?? record.updatedAt, language);
  return renderNoticeCard(language, { title: s.title, text: fill(s.text, { name: record.withdrawn?.byName || strings(language).roles.title, ...at }) });
}

/** The withdrawal notice in both languages, for the engine to put over each delivered copy in the language it went in. */
export function withdrawnContent(record: BroadcastRecord): BilingualContent {
  return { en: { card: withdrawnCard(record, 'en') }, cy: { card: withdrawnCard(record, 'cy') } };
}
