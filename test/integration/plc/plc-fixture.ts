import { randomUUID } from 'node:crypto';
import type { BotHarness } from '../../support/bot-harness';
import { cardsIn, invokeCard, type Card } from '../../support/cards-in';
import { registerSchools, school } from '../../support/school-register-fixture';
import { cardAction, message, type TeamsUser } from '../../support/teams-activities';
import { teamSchoolCollection, teamSchoolId } from '../../../bot/register/team-school';
import { plcCollection, plcPeopleCollection, channelIndexKey, type Plc, type PlcResource } from '../../../bot/plc/plc-record';

type Activity = Record<string, unknown>;

/** The activity as if it came from one channel of a team (the channel and the team differ, as for any channel but General). */
export function inTeamChannel(activity: Activity, user: TeamsUser, channelId: string, teamId: string): Activity {
  return {
    ...activity,
    conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId }, team: { id: teamId }, channel: { id: channelId } },
  };
}

/** A team's member event, as Teams sends it to the team's General channel. */
export function teamMembersChanged(user: TeamsUser, serviceUrl: string, teamId: string, change: { added?: TeamsUser[]; removed?: TeamsUser[] }): Activity {
  const as = (u: TeamsUser) => ({ id: `29:${u.aadObjectId}`, aadObjectId: u.aadObjectId });
  return inTeamChannel(
    {
      ...message(user, serviceUrl, ''),
      type: 'conversationUpdate',
      text: undefined,
      ...(change.added ? { membersAdded: change.added.map(as) } : {}),
      ...(change.removed ? { membersRemoved: change.removed.map(as) } : {}),
    },
    user,
    teamId,
    teamId,
  );
}

/** A team in a channel of which people talk to Cefnogi. */
export class TeamChannel {
  constructor(
    private readonly harness: BotHarness,
    readonly channelId: string,
    readonly teamId: string,
  ) {}

  /** Types `text` in the channel; the cards the bot answered with in the turn. */
  async say(user: TeamsUser, text: string): Promise<Card[]> {
    const before = this.harness.connector.sent.length;
    const answer = await this.harness.post(inTeamChannel(message(user, this.harness.serviceUrl, text), user, this.channelId, this.teamId));
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
    return cardsIn(this.harness.connector.sent.slice(before).filter((s) => s.method === 'POST' && s.conversationId === this.channelId));
  }

  /** Presses a card button in the channel; the card the invoke was answered with. */
  async press(user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Card> {
    return invokeCard(await this.harness.post(inTeamChannel(cardAction(user, this.harness.serviceUrl, verb, data), user, this.channelId, this.teamId)));
  }
}

/** A school with a team linked to it, and the team's members as Teams lists them. */
export async function linkedTeam(harness: BotHarness, tenantId: string, schoolName: string, members: TeamsUser[]): Promise<{ schoolId: string; teamId: string }> {
  const entry = [...(await registerSchools(harness.bot!.store, tenantId, [school(schoolName)])).values()][0]!;
  const teamId = `19:team-${randomUUID()}@thread.tacv2`;
  await harness.bot!.store.collection(teamSchoolCollection).create({
    id: teamSchoolId(teamId),
    pk: tenantId,
    kind: 'team-school',
    tenantId,
    teamId,
    schoolId: entry.id,
    linkedBy: 'admin',
    linkedAt: new Date().toISOString(),
  });
  harness.connector.teamMembers.set(teamId, members.map((m) => ({ aadObjectId: m.aadObjectId, name: m.name })));
  return { schoolId: entry.id, teamId };
}

/** The PLC a channel is, read straight from the store. */
export async function storedPlc(harness: BotHarness, tenantId: string, channelId: string): Promise<Plc | undefined> {
  const plcs = harness.bot!.store.collection(plcCollection);
  const index = (await plcs.read('channel', channelIndexKey(tenantId, channelId)))?.value;
  if (index?.kind !== 'plc-channel') return undefined;
  const plc = (await plcs.read('plc', index.plcId))?.value;
  return plc?.kind === 'plc' ? plc : undefined;
}

/** Every resource of a PLC, read straight from the store. */
export async function storedResources(harness: BotHarness, plcId: string): Promise<PlcResource[]> {
  const found = await harness.bot!.store.collection(plcCollection).findInPartition(plcId, { kind: 'plc-resource' });
  return found.map((f) => f.value).filter((v): v is PlcResource => v.kind === 'plc-resource');
}

/** Everything in the people collection of one person (memberships and saved resources). */
export async function personDocuments(harness: BotHarness, userKey: string): Promise<unknown[]> {
  return (await harness.bot!.store.collection(plcPeopleCollection).findInPartition(userKey, {})).map((f) => f.value);
}
