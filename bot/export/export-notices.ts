import { renderNoticeCard } from '../../cards/notice-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { fill, strings } from '../i18n/strings';
import type { Language } from '../users/user-record';
import { MAX_FILE_BYTES } from './file-offer';

/** What the person is told about a file, besides the consent and file cards themselves. */
export type ExportNotice = 'private' | 'declined' | 'gone' | 'busy' | 'failed';

/** The notice card for one of the turns of a file's journey, in the person's language. */
export function exportNotice(language: Language, notice: ExportNotice, fileName = ''): AdaptiveCardJson {
  const s = strings(language).export;
  const text = (template: string) => fill(template, { name: fileName });
  switch (notice) {
    case 'private':
      return renderNoticeCard(language, { title: s.privateTitle, text: s.privateText });
    case 'declined':
      return renderNoticeCard(language, { title: s.declinedTitle, text: text(s.declinedText) });
    case 'gone':
      return renderNoticeCard(language, { title: s.goneTitle, text: s.goneText, tone: 'attention' });
    case 'busy':
      return renderNoticeCard(language, { title: s.busyTitle, text: s.busyText });
    case 'failed':
      return renderNoticeCard(language, { title: s.failedTitle, text: text(s.failedText), tone: 'attention' });
  }
}

/** The size limit as people read it ("1 MB"). */
export function readableLimit(): string {
  return `${Math.floor(MAX_FILE_BYTES / (1024 * 1024))} MB`;
}
