import type { Content } from '../content/content';
import type { Strings } from '../i18n/strings';
import type { Profile } from '../users/user-record';
import type { ProfileField, ProfileInput } from './profile-input';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which message each failed check shows, as a key of the profile's error strings. */
export type ProfileProblem = keyof Strings['profile']['errors'];

export type ProfileCheck =
  | { ok: true; profile: Profile }
  | { ok: false; problems: Partial<Record<ProfileField, ProfileProblem>> };

/**
 * The profile rules: a role and Welsh level that exist in the content, an optional line
 * manager who is a real Entra object id and not the person themself,
 * and an optional EWC registration number of digits only.
 */
export function checkProfile(input: ProfileInput, content: Content, actingAadObjectId: string, now: Date): ProfileCheck {
  const problems: Partial<Record<ProfileField, ProfileProblem>> = {};
  const roleId = input.roleId?.trim() ?? '';
  const manager = input.lineManager?.trim().toLowerCase() ?? '';
  const welshLevelId = input.welshLevelId?.trim() ?? '';
  const ewc = input.ewcNumber?.replace(/\s+/g, '') ?? '';

  if (!content.role(roleId)) problems.roleId = 'roleRequired';
  if (manager !== '' && !GUID.test(manager)) problems.lineManager = 'managerInvalid';
  else if (manager !== '' && manager === actingAadObjectId.toLowerCase()) problems.lineManager = 'managerSelf';
  if (!content.welshLevel(welshLevelId)) problems.welshLevelId = 'welshRequired';
  if (ewc !== '' && !/^\d{1,10}$/.test(ewc)) problems.ewcNumber = 'ewcInvalid';

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    profile: {
      roleId,
      welshLevelId,
      ...(manager ? { lineManagerAadObjectId: manager } : {}),
      ...(ewc ? { ewcNumber: ewc } : {}),
      ...(input.ewcRegistered === 'yes' || input.ewcRegistered === 'no' ? { ewcRegistered: input.ewcRegistered === 'yes' } : {}),
      ...(input.qualification && input.qualification !== 'not-saying' ? { qualification: input.qualification } : {}),
      ...(input.hltaStatus && input.hltaStatus !== 'not-saying' ? { hltaStatus: input.hltaStatus } : {}),
      updatedAt: now.toISOString(),
    },
  };
}
