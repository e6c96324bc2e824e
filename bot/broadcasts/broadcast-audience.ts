import type { Content } from '../content/content';
import type { SchoolMemberships } from '../membership/school-memberships';
import type { SchoolRegister } from '../register/school-register';
import type { SchoolEntry } from '../register/school-entry';
import type { HeldRoles } from '../roles/admin-scope';
import type { Store } from '../storage/store';
import { userKey, type UserRecord } from '../users/user-record';
import type { BroadcastAudience } from './broadcast-record';
import type { Holiday } from '../proactive/quiet-hours';
import { teamSchoolCollection } from '../register/team-school';
import { safeId } from '../storage/document-collection';
import { conversationRecipient } from '../proactive/conversation-recipient';

/** Member documents read in parallel while resolving an audience. */
const READS_AT_ONCE = 16;

/** Why an audience cannot be used; each has words on the compose card. */
export type AudienceProblem =
  | { kind: 'no-schools' }
  | { kind: 'unknown-schools'; numbers: string[] }
  | { kind: 'outside-scope'; names: string[] }
  | { kind: 'no-la' }
  | { kind: 'empty' };

/** The people an audience reaches now: every confirmed member once, with whether Teams can reach them. */
export interface ResolvedAudience {
  audience: BroadcastAudience;
  /** User keys, each once: the bulk message's recipients. */
  recipients: string[];
  reachable: number;
  unreachable: number;
  /** Team channels among the recipients (each a `conversationRecipient`), counted apart from people. */
  channels: number;
  /** The school's holidays when the audience is one school (its days off are nobody's school days); else none. */
  holidays: Holiday[];
}

/** What audience resolution reads. */
export interface AudienceDeps {
  store: Store;
  content: Content;
  register: SchoolRegister;
  memberships: SchoolMemberships;
}

/** The audience as the author asked for it, before the store is read. */
export interface AudienceRequest {
  kind: BroadcastAudience['kind'];
  laId?: string;
  /** School numbers or register ids as typed. */
  schools: string[];
  familyIds: string[];
  levels: number[];
  /** Also the General channel of each chosen school's linked team. */
  channels?: boolean;
}

/**
 * The schools an administrator may broadcast to: every open school of the tenant for a tenant
 * administrator; those of their local authorities and their own schools otherwise.
 */
function schoolsInScope(catalogue: readonly SchoolEntry[], held: HeldRoles): SchoolEntry[] {
  return catalogue.filter((s) => s.open && (held.tenant || held.las.includes(s.laId) || held.schools.includes(s.id)));
}

/**
 * Turns an audience into people, inside the author's scope, decided from what the store
 * holds (card data only names what is asked for). One read of the catalogue, one partition
 * read per school (its memberships), then one point read per confirmed member for their role
 * and reachability; so it runs when the author asks for a preview or sends, never as they type.
 */
export async function resolveAudience(deps: AudienceDeps, tenantId: string, held: HeldRoles, request: AudienceRequest): Promise<{ ok: true; resolved: ResolvedAudience } | { ok: false; problem: AudienceProblem }> {
  const catalogue = await deps.register.catalogue(tenantId);
  const mine = schoolsInScope(catalogue, held);
  let chosen: SchoolEntry[];
  let audience: BroadcastAudience;
  const narrowing = { familyIds: request.familyIds.filter((f) => deps.content.roles.some((r) => r.familyId === f)), levels: request.levels, channels: request.channels === true };
  if (request.kind === 'schools') {
    if (request.schools.length === 0) return { ok: false, problem: { kind: 'no-schools' } };
    const found = request.schools.map((typed) => ({ typed, school: catalogue.find((s) => s.id === typed || s.number === typed) }));
    const unknown = found.filter((f) => !f.school).map((f) => f.typed);
    if (unknown.length > 0) return { ok: false, problem: { kind: 'unknown-schools', numbers: unknown } };
    chosen = [...new Map(found.map((f) => [f.school!.id, f.school!])).values()];
    const outside = chosen.filter((s) => !mine.some((m) => m.id === s.id));
    if (outside.length > 0) return { ok: false, problem: { kind: 'outside-scope', names: outside.map((s) => s.name) } };
    audience = { kind: 'schools', schoolIds: chosen.map((s) => s.id), ...narrowing };
  } else if (request.kind === 'la') {
    const laId = request.laId;
    if (!laId || !deps.content.localAuthority(laId)) return { ok: false, problem: { kind: 'no-la' } };
    if (!held.tenant && !held.las.includes(laId)) return { ok: false, problem: { kind: 'outside-scope', names: [deps.content.localAuthority(laId)!.name.en] } };
    chosen = mine.filter((s) => s.laId === laId);
    audience = { kind: 'la', laId, schoolIds: [], ...narrowing };
  } else {
    chosen = mine;
    audience = { kind: 'scope', schoolIds: [], ...narrowing };
  }
  const people = new Set<string>();
  for (const school of chosen) {
    for (const m of await deps.memberships.roster(tenantId, school.id)) {
      if (m.status === 'confirmed') people.add(userKey({ tenantId, aadObjectId: m.aadObjectId }));
    }
  }
  const recipients: string[] = [];
  let reachable = 0;
  const keys = [...people];
  // Point reads, a few at a time: each is one partition, so they do not wait on one another.
  for (let i = 0; i < keys.length; i += READS_AT_ONCE) {
    const batch = keys.slice(i, i + READS_AT_ONCE);
    const users = await Promise.all(batch.map(async (key) => (await deps.store.users.read(key, key))?.value));
    batch.forEach((key, j) => {
      const user = users[j];
      if (!matches(deps.content, user, audience)) return;
      recipients.push(key);
      if (canReach(user)) reachable += 1;
    });
  }
  const people_ = recipients.length;
  const channels = audience.channels ? await linkedChannels(deps.store, tenantId, chosen) : [];
  recipients.push(...channels);
  if (recipients.length === 0) return { ok: false, problem: { kind: 'empty' } };
  const holidays = chosen.length === 1 ? ((await deps.register.school(tenantId, chosen[0]!.id))?.value.holidays ?? []) : [];
  return { ok: true, resolved: { audience, recipients, reachable, unreachable: people_ - reachable, channels: channels.length, holidays } };
}

/**
 * The General channel of each team linked to one of the schools, where Cefnogi is installed
 * (a team's General channel has the team's id): one partition query for the tenant's links,
 * then one point read per linked team.
 */
async function linkedChannels(store: Store, tenantId: string, schools: SchoolEntry[]): Promise<string[]> {
  const ids = new Set(schools.map((s) => s.id));
  const links = (await store.collection(teamSchoolCollection).findInPartition(tenantId, { kind: 'team-school' })).map((l) => l.value).filter((l) => ids.has(l.schoolId));
  const out: string[] = [];
  for (const link of links) {
    const channel = (await store.conversations.read(safeId(link.teamId), tenantId))?.value;
    if (channel?.installed) out.push(conversationRecipient(tenantId, link.teamId));
  }
  return out;
}

/** Whether a member fits the job family and NJC level chosen (with none chosen, everyone does). */
function matches(content: Content, user: UserRecord | undefined, audience: BroadcastAudience): boolean {
  if (audience.familyIds.length === 0 && audience.levels.length === 0) return true;
  const role = user?.profile ? content.role(user.profile.roleId) : undefined;
  if (!role) return false;
  if (audience.familyIds.length > 0 && !audience.familyIds.includes(role.familyId)) return false;
  return audience.levels.length === 0 || (role.level !== undefined && audience.levels.includes(role.level));
}

/** Reachable now: Cefnogi holds their conversation and nothing says Teams refused it since. */
function canReach(user: UserRecord | undefined): boolean {
  if (!user?.conversation) return false;
  const status = user.reachability?.status;
  return status !== 'not-installed' && status !== 'blocked' && status !== 'no-conversation';
}
