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

type Upcoming = 'induction' | 'selfAssessment';

function upcomingCard(context: TurnContext, feature: Upcoming) {
  const language = turnData(context).language();
  const s = strings(language);
  const [title, text] =
    feature === 'induction' ? [s.notYet.inductionTitle, s.notYet.inductionText] : [s.notYet.selfAssessmentTitle, s.notYet.selfAssessmentText];
  return renderNoticeCard(language, { title, text, actions: [{ title: s.common.setUpProfile, verb: Verbs.editProfile, data: {} }] });
}

/**
 * Induction and the self-assessment are announced on the welcome card but not built yet:
 * until they are, asking for them says so plainly and points to the profile, which they
 * will build on. Each capability replaces its entry here when it arrives.
 */
export function registerComingSoon(app: Application): void {
  app.message(commandSelector('induction', 'sefydlu'), async (context) => sendCard(context, upcomingCard(context, 'induction')));
  app.message(commandSelector('self-assessment', 'hunanasesiad'), async (context) =>
    sendCard(context, upcomingCard(context, 'selfAssessment')),
  );
  onCardAction(app, Verbs.startInduction, z.object({}), async (context) => upcomingCard(context, 'induction'));
  onCardAction(app, Verbs.startSelfAssessment, z.object({}), async (context) => upcomingCard(context, 'selfAssessment'));
}
