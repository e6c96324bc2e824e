import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import type { Store } from '../storage/store';
import { isPersonal } from '../edge/activity-facts';
import { EMAIL, recordEmail } from './directory-entry';
import type { UserIdentity } from './user-record';
import type { UserSession } from './user-session';

/** How long a turn waits for Teams to say who the person is before carrying on without it. */
export const MEMBER_LOOKUP_TIMEOUT_MS = 1500;
/** After a failed lookup, how long before Teams is asked again (a failing tenant must not slow every turn). */
export const MEMBER_LOOKUP_RETRY_MS = 24 * 60 * 60 * 1000;

/**
 * Learns a person's email the first time they use Cefnogi in their personal chat (or on a
 * later turn if their document has none yet): one members call to Teams, then the email is
 * kept on their document and in the directory, so an administrator's import can name them
 * by email. A failing or slow call never breaks the turn and is not tried again for a day;
 * the log says only that it failed and the status, never who it was about.
 */
export async function learnEmail(context: TurnContext, session: UserSession, identity: UserIdentity, deps: { store: Store; log: Logger; now: () => Date }): Promise<void> {
  const { activity } = context;
  if (!isPersonal(activity) || session.user.email || !activity.from?.id) return;
  const failedAt = session.user.emailLookupFailedAt;
  if (failedAt && deps.now().getTime() - Date.parse(failedAt) < MEMBER_LOOKUP_RETRY_MS) return;
  if (activity.type === 'installationUpdate' && activity.action?.startsWith('remove')) return;
  try {
    const lookup = TeamsInfo.getMember(context, activity.from.id);
    lookup.catch(() => undefined);
    const member = await within(lookup, MEMBER_LOOKUP_TIMEOUT_MS);
    const email = (member.email ?? member.userPrincipalName ?? '').trim().toLowerCase();
    // Teams answers for the person who sent the activity; anything else is not theirs to keep.
    if (!EMAIL.test(email) || (member.aadObjectId && member.aadObjectId.toLowerCase() !== identity.aadObjectId)) return;
    await recordEmail(deps.store, identity, email, deps.now());
    session.change((user) => {
      user.email = email;
      delete user.emailLookupFailedAt;
    });
  } catch (err) {
    deps.log.warn('member-lookup-failed', { status: statusOf(err) });
    const at = deps.now().toISOString();
    session.change((user) => void (user.emailLookupFailedAt = at));
  }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { statusCode: 'timeout' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function statusOf(err: unknown): string | number {
  const e = err as { statusCode?: unknown; code?: unknown };
  if (typeof e?.statusCode === 'number' || typeof e?.statusCode === 'string') return e.statusCode;
  if (typeof e?.code === 'string' || typeof e?.code === 'number') return e.code;
  return 'error';
}
