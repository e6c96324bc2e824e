import type { TurnContext } from 'botbuilder';
import { renderHelpCard } from '../../cards/help-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { Config } from '../config';
import { isPersonal } from '../edge/activity-facts';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import { isTenantAdmin } from '../roles/tenant-admins';
import { adminButtonsFor, adminCommandsFor, type HeldRole } from './admin-commands';
import { oneToOneChatUrl } from './one-to-one-chat-link';

type HelpConfig = Pick<Config, 'ADMIN_AAD_OBJECT_IDS' | 'ALLOWED_TENANT_IDS' | 'BOT_ID'>;

/**
 * The administrator roles to show commands for without a read on a help turn: tenant
 * administrators by configuration, others as their document last recorded (`admin` looks
 * up what they hold now and updates that record).
 */
export function rememberedRoles(config: HelpConfig, context: TurnContext): HeldRole[] {
  const { identity, session } = turnData(context);
  const known = session.user.administers ?? [];
  return isTenantAdmin(config, identity) && !known.includes('tenant-admin') ? ['tenant-admin', ...known] : [...known];
}

/**
 * The help card for this turn. In the one-to-one chat: every command with a button, and the
 * administrator's commands for the roles they hold. In a channel or group chat: only what
 * works there (help, the language, and for an administrator in a channel linking the team),
 * with a button that opens the one-to-one chat for the rest.
 */
export function helpCardFor(context: TurnContext, config: HelpConfig, lead = ''): AdaptiveCardJson {
  const language = turnData(context).language();
  const roles = rememberedRoles(config, context);
  const { activity } = context;
  if (!isPersonal(activity)) {
    const shared = strings(language).helpCards.shared;
    const inChannel = activity.conversation.conversationType === 'channel';
    return renderHelpCard(language, {
      lead,
      where: 'shared',
      sharedAdminCommands: inChannel && roles.length > 0 ? [shared.linkSchool, shared.unlinkSchool] : [],
      channelCommands: inChannel ? Object.values(strings(language).plc.commands) : [],
      chatUrl: oneToOneChatUrl(activity) ?? '',
    });
  }
  return renderHelpCard(language, { lead, adminCommands: adminCommandsFor(language, roles), adminButtons: adminButtonsFor(language, roles) });
}
