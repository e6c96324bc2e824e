import type { TurnContext } from 'botbuilder';

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
  if (conversation.id.length === 0 || conversation.id.length > 300) return undefined;
  return { channelId: conversation.id, teamId: team };
}
