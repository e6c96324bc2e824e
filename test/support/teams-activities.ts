import { randomUUID } from 'node:crypto';

/** A Teams user as activities carry them. */
export interface TeamsUser {
  aadObjectId: string;
  name: string;
  tenantId: string;
  locale: string;
}

export const BOT = { id: '28:cefnogi-bot', name: 'Cefnogi' };

export function teamsUser(overrides: Partial<TeamsUser> = {}): TeamsUser {
  return {
    aadObjectId: randomUUID(),
    name: 'Sioned Evans',
    tenantId: '11111111-2222-3333-4444-555555555555',
    locale: 'en-GB',
    ...overrides,
  };
}

type Activity = Record<string, unknown>;

/** The envelope Teams puts on every activity in a personal chat with the bot. */
function personal(user: TeamsUser, serviceUrl: string, extra: Activity): Activity {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: user.locale,
    from: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId, name: user.name },
    recipient: BOT,
    conversation: { id: `a:personal-${user.aadObjectId}`, conversationType: 'personal', tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId } },
    entities: [{ type: 'clientInfo', locale: user.locale, country: 'GB', platform: 'Web' }],
    ...extra,
  };
}

export function message(user: TeamsUser, serviceUrl: string, text: string): Activity {
  return personal(user, serviceUrl, { type: 'message', text, textFormat: 'plain' });
}

export function installPersonal(user: TeamsUser, serviceUrl: string): Activity {
  return personal(user, serviceUrl, { type: 'installationUpdate', action: 'add' });
}

export function botAddedPersonal(user: TeamsUser, serviceUrl: string): Activity {
  return personal(user, serviceUrl, { type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] });
}

/** An Action.Execute from a card, as Teams sends it (inputs merged into data). */
export function cardAction(user: TeamsUser, serviceUrl: string, verb: string, data: Record<string, unknown> = {}): Activity {
  return personal(user, serviceUrl, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: randomUUID(),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}

/** The bot added to a team's General channel by `user`. */
export function botAddedToTeam(user: TeamsUser, serviceUrl: string, teamId = '19:plc-team@thread.tacv2'): Activity {
  return {
    ...personal(user, serviceUrl, { type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] }),
    conversation: { id: teamId, conversationType: 'channel', isGroup: true, tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId }, team: { id: teamId, name: 'Cymuned TA' }, eventType: 'teamMemberAdded' },
  };
}

/** The same activity as if it came from a team channel (e.g. "@Cefnogi profile" in a PLC). */
export function inChannel(activity: Activity, user: TeamsUser, channelId = '19:plc-general@thread.tacv2'): Activity {
  return {
    ...activity,
    conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId }, team: { id: channelId }, channel: { id: channelId } },
  };
}

/** The same activity as if it came from a group chat the bot is in. */
export function inGroupChat(activity: Activity, user: TeamsUser, chatId = '19:group-chat@thread.v2'): Activity {
  return {
    ...activity,
    conversation: { id: chatId, conversationType: 'groupChat', isGroup: true, tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId } },
  };
}
