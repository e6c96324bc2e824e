import { renderNoticeCard } from '../../cards/notice-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { Verbs } from '../../cards/verbs';
import { strings } from '../i18n/strings';
import type { Language } from '../users/user-record';
import type { RefusalReason } from './admin-guard';

/** The card an administrative refusal answers with, in the actor's language, with a way back to help. */
export function refusalCard(language: Language, reason: RefusalReason): AdaptiveCardJson {
  const s = strings(language);
  return renderNoticeCard(language, {
    title: s.adminRefusals.title,
    text: s.adminRefusals[reason],
    tone: 'attention',
    actions: [{ title: s.common.help, verb: Verbs.showHelp, data: {} }],
  });
}
