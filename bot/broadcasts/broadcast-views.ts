import { renderBroadcastCard } from '../../cards/broadcast-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { formatDate } from '../appraisal/appraisal-format';
import { fill, strings } from '../i18n/strings';
import type { BilingualContent } from '../proactive/outbox-record';
import { londonTime } from '../time/london-clock';
import type { Language } from '../users/user-record';
import type { BroadcastRead, BroadcastRecord } from './broadcast-record';
import { londonDateAndTime } from './withdrawn-views';

/** Teams advises a bot message under 80 KB counted in UTF-16; a broadcast card must stay under it. */
export const CARD_LIMIT_BYTES = 80 * 1024;

/** The author as the card names them: their Teams name, or the organisation's word for an administrator. */
function fromLine(record: BroadcastRecord, language: Language): string {
  return fill(strings(language).broadcasts.card.from, { author: record.authorName || strings(language).roles.title });
}

/** What a recipient sees of one version: title, from, body and the read-by line (also the preview's). */
export function versionAsSeen(record: BroadcastRecord, language: Language): { title: string; from: string; body: string; readBy: string } {
  const s = strings(language).broadcasts.card;
  return {
    title: record[language].title,
    from: fromLine(record, language),
    body: record[language].body,
    readBy: record.confirmRead && record.readBy ? fill(s.readBy, { date: formatDate(record.readBy, language) }) : '',
  };
}

/** One recipient's card in `language`; `read` is their confirmation, once they have pressed it; `lead` a reminder's line. */
export function recipientCard(record: BroadcastRecord, language: Language, read?: BroadcastRead, lead = ''): AdaptiveCardJson {
  const at = read ? londonTime(new Date(read.readAt)) : undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return renderBroadcastCard(language, {
    id: record.id,
    ...versionAsSeen(record, language),
    link: record.link ?? '',
    askToConfirm: record.confirmRead && !read,
    lead,
    edited: record.editedAt ? fill(strings(language).broadcasts.editedLine, londonDateAndTime(record.editedAt, language)) : '',
    confirmed: at ? fill(strings(language).broadcasts.card.confirmed, { date: formatDate(at.date, language), time: `${pad(at.hour)}:${pad(at.minute)}` }) : '',
  });
}

/** The bulk message's content: the card once in each language; the engine sends each person theirs. */
export function broadcastContent(record: BroadcastRecord): BilingualContent {
  return { en: { card: recipientCard(record, 'en') }, cy: { card: recipientCard(record, 'cy') } };
}

/** The size Teams counts for a card sent as a message: the whole activity, in UTF-16. */
export function activityBytes(card: AdaptiveCardJson): number {
  const activity = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
  return Buffer.byteLength(JSON.stringify(activity), 'utf16le');
}
