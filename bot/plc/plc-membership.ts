import { runConcurrently } from '../proactive/run-concurrently';
import { updateDocument } from '../storage/update-document';
import { userKey } from '../users/user-record';
import { memberId, teamIndexKey, type PlcDocument, type PlcPersonDocument } from './plc-record';
import { createOnce, type PlcStore } from './plc-repository';

/** Writes in flight at once when a whole team joins a PLC. */
const MEMBER_WRITES_IN_FLIGHT = 8;

/**
 * Membership comes from Teams: the team's members when the PLC is made, then the team's
 * members-added and members-removed events. Each person's membership is a small document in
 * their own partition, so "my PLCs" and "may I vote here" are one read each.
 */
export async function addPlcMembers(s: PlcStore, tenantId: string, plcIds: string[], aadObjectIds: string[], now: Date): Promise<void> {
  const docs = plcIds.flatMap((plcId) =>
    aadObjectIds.map((aadObjectId): PlcPersonDocument => ({ id: memberId(plcId), pk: userKey({ tenantId, aadObjectId }), kind: 'plc-member', plcId, since: now.toISOString() })),
  );
  await runConcurrently(docs, MEMBER_WRITES_IN_FLIGHT, async (doc) => void (await createOnce(s.people, doc)));
}

/** Removes people from the PLCs (a member removed from the team). */
export async function removePlcMembers(s: PlcStore, tenantId: string, plcIds: string[], aadObjectIds: string[]): Promise<void> {
  for (const plcId of plcIds) for (const aadObjectId of aadObjectIds) await s.people.delete(memberId(plcId), userKey({ tenantId, aadObjectId }));
}

/** The PLCs with a channel in a team (one point read). */
export async function plcsOfTeam(s: PlcStore, tenantId: string, teamId: string): Promise<string[]> {
  const found = (await s.plcs.read('team', teamIndexKey(tenantId, teamId)))?.value;
  return found?.kind === 'plc-team' ? found.plcIds : [];
}

/** Notes that a PLC has a channel in a team, so the team's membership events reach it. */
export async function addPlcToTeam(s: PlcStore, tenantId: string, teamId: string, plcId: string): Promise<void> {
  const pk = teamIndexKey(tenantId, teamId);
  await updateDocument(s.plcs, 'team', pk, (current): PlcDocument | undefined => {
    const plcIds = current?.kind === 'plc-team' ? current.plcIds : [];
    return plcIds.includes(plcId) ? undefined : { id: 'team', pk, kind: 'plc-team', plcIds: [...plcIds, plcId] };
  });
}
