import { TeamsInfo, type TurnContext } from 'botbuilder';

/** At most this many people are read from a team when a PLC is made (Teams' own limit for a team). */
const MAX_TEAM_MEMBERS = 25_000;

/**
 * The object ids of the team's members, as Teams lists them (paged), for the PLC's first
 * membership. A failure gives undefined: the PLC is still made, and the team's membership
 * events and the maker fill it.
 */
export async function teamMemberIds(context: TurnContext): Promise<string[] | undefined> {
  try {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(context, 500, token);
      for (const m of page.members) if (typeof m.aadObjectId === 'string' && m.aadObjectId.length <= 64) ids.push(m.aadObjectId);
      token = page.continuationToken || undefined;
    } while (token && ids.length < MAX_TEAM_MEMBERS);
    return ids;
  } catch {
    return undefined;
  }
}
