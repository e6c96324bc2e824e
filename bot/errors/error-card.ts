import { renderNoticeCard } from '../../cards/notice-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { fill, strings } from '../i18n/strings';
import type { Language } from '../users/user-record';

/** The card for a card action that cannot be trusted: unknown verb, tampered or stale data. */
export function staleCardCard(language: Language): AdaptiveCardJson {
  const s = strings(language);
  return renderNoticeCard(language, {
    title: s.errors.staleCardTitle,
    text: s.errors.staleCardText,
    tone: 'attention',
    actions: [{ title: s.common.help, verb: 'help.show', data: {} }],
  });
}

/** The card for a failure on our side, with a reference that matches the log line. */
export function failureCard(language: Language, reference: string, title?: string, text?: string): AdaptiveCardJson {
  const s = strings(language);
  return renderNoticeCard(language, {
    title: title ?? s.errors.genericTitle,
    text: text ?? s.errors.genericText,
    tone: 'attention',
    reference: fill(s.errors.reference, { id: reference }),
  });
}
