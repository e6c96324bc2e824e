import type { TurnContext } from 'botbuilder';
import { conversationRefOf } from '../edge/activity-facts';
import type { ConversationRef } from '../users/conversation-ref';

/** The team channel an activity comes from, only from Teams' own data (never card data). */
export interface ChannelOfTurn {
  channelId: string;
  teamId: string;
}

/** Where the activity was sent, if it was in a team channel. */
export function channelOf(context: TurnContext): ChannelOfTurn | undefined {
  const { conversation, channelData } = context.activity;
  const team = (channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  if (conversation.conversationType !== 'channel' || typeof team !== 'string' || team.length === 0 || team.length > 200) return undefined;
  // A post and its replies arrive with the thread in the conversation id (`…;messageid=…`):
  // the channel is what Teams names in channelData, else the conversation id without the thread,
  // so every post of one channel is the same PLC.
  const named = (channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
  const channelId = typeof named === 'string' && named.length > 0 ? named : (conversation.id.split(';')[0] ?? '');
  if (channelId.length === 0 || channelId.length > 300) return undefined;
  return { channelId, teamId: team };
}

/**
 * The channel as a conversation to record and post into: the reference of the activity with
 * the channel's own id, not the thread the activity came in, so the PLC's cards start new posts
 * and every later post in the channel finds the same PLC.
 */
export function channelRefOf(context: TurnContext, channel: ChannelOfTurn): ConversationRef {
  return { ...conversationRefOf(context.activity), conversationId: channel.channelId };
}
