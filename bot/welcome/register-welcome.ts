import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { renderTeamWelcomeCard } from '../../cards/team-welcome-card';
import { renderWelcomeCard } from '../../cards/welcome-card';
import type { FeatureDeps } from '../app/feature-deps';
import { sendCard } from '../app/replies';
import { conversationRefOf, isPersonal } from '../edge/activity-facts';
import { turnData } from '../edge/turn-data';
import { claimTeamWelcome, recordTeamRemoval } from './claim-team-welcome';
import { greetingName } from './greeting-name';
import { oneToOneChatUrl } from '../help/one-to-one-chat-link';

async function welcome(context: TurnContext, deps: FeatureDeps): Promise<void> {
  const { activity } = context;
  const data = turnData(context);
  if (isPersonal(activity)) {
    const conversationId = activity.conversation.id;
    const first = await data.session.changeOnce(
      (user) => user.welcomedConversationId !== conversationId,
      (user) => {
        user.welcomedConversationId = conversationId;
      },
    );
    if (first) await sendCard(context, renderWelcomeCard(data.language(), { name: await greetingName(context, data.session.user.name) }));
    return;
  }
  if (await claimTeamWelcome(deps.store.conversations, conversationRefOf(activity), deps.now())) {
    await sendCard(context, renderTeamWelcomeCard(data.language(), { chatUrl: oneToOneChatUrl(activity), plcButton: activity.conversation.conversationType === 'channel' }));
  }
}

async function farewell(context: TurnContext, deps: FeatureDeps): Promise<void> {
  const { activity } = context;
  if (isPersonal(activity)) {
    turnData(context).session.change((user) => {
      delete user.welcomedConversationId;
    });
    return;
  }
  await recordTeamRemoval(deps.store.conversations, conversationRefOf(activity), deps.now());
}

const botIsAmong = (context: TurnContext, members: { id: string }[] | undefined): boolean =>
  (members ?? []).some((m) => m.id === context.activity.recipient.id);

/**
 * Installs and removals. Teams announces a personal install with both an
 * installationUpdate and a conversationUpdate; either one welcomes, once.
 */
export function registerWelcome(app: Application, deps: FeatureDeps): void {
  app.conversationUpdate('membersAdded', async (context) => {
    if (botIsAmong(context, context.activity.membersAdded)) await welcome(context, deps);
  });
  app.conversationUpdate('membersRemoved', async (context) => {
    if (botIsAmong(context, context.activity.membersRemoved)) await farewell(context, deps);
  });
  app.activity('installationUpdate', async (context) => {
    const action = context.activity.action ?? '';
    if (action.startsWith('add')) await welcome(context, deps);
    else if (action.startsWith('remove')) await farewell(context, deps);
  });
}
