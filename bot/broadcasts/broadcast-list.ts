import type { AdaptiveCardJson } from '../../cards/card-kit';
import { NOTICE_CARD_LINES, renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import { formatDate } from '../appraisal/appraisal-format';
import { fill, strings } from '../i18n/strings';
import { londonDate } from '../time/london-date';
import type { Language } from '../users/user-record';
import type { BroadcastRecord } from './broadcast-record';
import { countOf } from '../i18n/count-forms';

/** Broadcasts the list offers to open (a draft to carry on, a sent one's figures): the notice card takes five buttons, two are New and Help. */
const OPENABLE = 3;

/**
 * The author's broadcasts (a tenant administrator's: all the tenant's), newest first: each
 * sent one with its recipients and confirmed reads; the newest three with a button to open them.
 */
export async function broadcastListCard(language: Language, tenantWide: boolean, found: BroadcastRecord[], readCount: (b: BroadcastRecord) => Promise<number>): Promise<AdaptiveCardJson> {
  const s = strings(language).broadcasts;
  const shown = found.slice(0, NOTICE_CARD_LINES);
  const lines: string[] = [];
  for (const b of shown) {
    const status = b.status === 'draft'
      ? s.listDraft
      : fill(s.listSent, { date: formatDate(londonDate(new Date(b.sentAt ?? b.updatedAt)), language), people: countOf(b.recipients ?? 0, s.people), read: String(await readCount(b)) });
    lines.push(`${b[language].title.slice(0, 150)}: ${status}`);
  }
  const openable = shown.slice(0, OPENABLE);
  return renderNoticeCard(language, {
    title: s.listTitle,
    text: found.length === 0 ? s.listEmpty : tenantWide ? s.listIntroTenant : s.listIntro,
    list: lines,
    actions: [
      { title: s.newBroadcast, verb: Verbs.composeBroadcast, data: {} },
      ...openable.map((b) =>
        b.status === 'draft'
          ? { title: fill(s.openDraft, { title: b[language].title.slice(0, 150) }), verb: Verbs.composeBroadcast, data: { id: b.id } }
          : { title: fill(s.openSent, { title: b[language].title.slice(0, 150) }), verb: Verbs.showBroadcastStatus, data: { id: b.id } },
      ),
      { title: strings(language).common.help, verb: Verbs.showHelp, data: {} },
    ],
  });
}
