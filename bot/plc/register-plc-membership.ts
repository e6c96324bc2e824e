import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { addPlcMembers, plcsOfTeam, removePlcMembers } from './plc-membership';
import type { PlcStore } from './plc-repository';

type Member = { id: string; aadObjectId?: string };

const teamOf = (context: TurnContext): string | undefined => {
  const team = (context.activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  return typeof team === 'string' && team.length > 0 && team.length <= 200 ? team : undefined;
};

const people = (context: TurnContext, members: Member[] | undefined): string[] =>
  (members ?? []).filter((m) => m.id !== context.activity.recipient.id && typeof m.aadObjectId === 'string' && m.aadObjectId.length <= 64).map((m) => m.aadObjectId as string);

/**
 * Members added to or removed from a team join or leave its PLCs. Registered before the
 * welcome, which keeps the events about Cefnogi itself: teams-ai runs one route per activity.
 */
export function registerPlcMembership(app: Application, deps: FeatureDeps, plcs: PlcStore): void {
  const isTeamMemberEvent = async (context: TurnContext): Promise<boolean> => {
    const { activity } = context;
    if (activity.type !== 'conversationUpdate' || activity.conversation.conversationType !== 'channel' || !teamOf(context)) return false;
    const all = [...(activity.membersAdded ?? []), ...(activity.membersRemoved ?? [])];
    return all.length > 0 && !all.some((m) => m.id === activity.recipient.id);
  };
  app.activity(isTeamMemberEvent, async (context) => {
    const { tenantId } = turnData(context).identity;
    const plcIds = await plcsOfTeam(plcs, tenantId, teamOf(context)!);
    if (plcIds.length === 0) return;
    const added = people(context, context.activity.membersAdded);
    const removed = people(context, context.activity.membersRemoved);
    if (added.length) await addPlcMembers(plcs, tenantId, plcIds, added, deps.now());
    if (removed.length) await removePlcMembers(plcs, tenantId, plcIds, removed);
  });
}
