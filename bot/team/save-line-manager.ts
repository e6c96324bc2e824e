import type { Store } from '../storage/store';
import type { Profile, UserIdentity } from '../users/user-record';
import type { UserSession } from '../users/user-session';
import type { LineManagerLinks } from './line-manager-links';
import { mayChangeManager, mayNotifyManager, withManagerChange, withManagerNotified } from './line-manager-request-rules';
import { updateTeamLink } from './update-team-link';

/**
 * What saving a profile did about its line manager: `refused` when it would be a sixth
 * change today (nothing written, nothing sent); else saved, with `managerUnseen` when the
 * named manager has never used Cefnogi, so they were not told and the person should know.
 */
export type LineManagerSave = { kind: 'refused' } | { kind: 'saved'; managerUnseen: boolean };

/**
 * Saves a checked profile in the person's turn and keeps the manager side in step, by the
 * rules that stop a request being used to flood someone (bot/team/README.md): at most five
 * line-manager changes a day; one open request per pair (the team link); a notice only to a
 * manager who uses Cefnogi, at most once per pair a day, and none for a day after they
 * declined. Every rule is decided from the person's own document, read once for the turn;
 * the counters go into the turn's one write.
 */
export async function saveLineManager(
  deps: { store: Store; links: LineManagerLinks },
  session: UserSession,
  identity: UserIdentity,
  profile: Profile,
  now: Date,
): Promise<LineManagerSave> {
  const previous = session.user.profile?.lineManagerAadObjectId;
  const next = profile.lineManagerAadObjectId;
  const changed = previous !== next;
  if (changed && !mayChangeManager(session.user.lineManagerRequests, now)) return { kind: 'refused' };

  session.change((user) => {
    user.profile = profile;
    if (changed) user.lineManagerRequests = withManagerChange(user.lineManagerRequests, now);
  });
  // Also when unchanged: a declined request's link is gone while the profile still names them.
  const opened = await updateTeamLink(deps.store, identity, previous, next, now);
  if (!opened || !next || !mayNotifyManager(session.user.lineManagerRequests, next, now)) return { kind: 'saved', managerUnseen: false };

  const asked = await deps.links.ask(identity, session.user.name, next, now);
  if (asked === 'manager-unseen') return { kind: 'saved', managerUnseen: true };
  session.change((user) => {
    user.lineManagerRequests = withManagerNotified(user.lineManagerRequests, next, now);
  });
  return { kind: 'saved', managerUnseen: false };
}
