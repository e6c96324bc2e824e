import type { TurnContext } from 'botbuilder';
import { renderNoticeCard } from '../../cards/notice-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { isPersonal } from '../edge/activity-facts';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';

/**
 * Profiles, induction, a manager's team and school settings belong in the one-to-one chat:
 * asked for in a channel or group chat, they would show one person's records to everyone
 * there (and a colleague pressing the card would act on their own). Answers the card to
 * send instead, or undefined in a personal chat.
 */
export function outsidePersonalChat(context: TurnContext): AdaptiveCardJson | undefined {
  if (isPersonal(context.activity)) return undefined;
  const language = turnData(context).language();
  const s = strings(language).common;
  return renderNoticeCard(language, { title: s.privateTitle, text: s.privateText });
}
