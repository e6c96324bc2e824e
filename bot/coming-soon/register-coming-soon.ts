import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector } from '../app/commands';
import { sendCard } from '../app/replies';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';

function upcomingCard(context: TurnContext) {
  const language = turnData(context).language();
  const s = strings(language);
  return renderNoticeCard(language, {
    title: s.notYet.selfAssessmentTitle,
    text: s.notYet.selfAssessmentText,
    actions: [{ title: s.common.setUpProfile, verb: Verbs.editProfile, data: {} }],
  });
}

/**
 * The self-assessment is announced on the welcome card but not built yet: until it is,
 * asking for it says so plainly and points to the profile, which it will build on. The
 * capability replaces this file when it arrives.
 */
export function registerComingSoon(app: Application): void {
  app.message(commandSelector('self-assessment', 'hunanasesiad'), async (context) => sendCard(context, upcomingCard(context)));
  onCardAction(app, Verbs.startSelfAssessment, z.object({}), async (context) => upcomingCard(context));
}
