import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { fill, strings } from '../i18n/strings';
import type { Store } from '../storage/store';
import { shownName } from '../text/person-name';
import { userKey, type Language, type UserIdentity } from '../users/user-record';
import type { LinkAnswer } from './line-manager-links';

/** The name a request notice shows for `report`, as stored (made inert), else their id. */
export async function nameOf(store: Store, report: UserIdentity): Promise<string> {
  const key = userKey(report);
  return shownName((await store.users.read(key, key))?.value.name, report.aadObjectId);
}

/**
 * A request notice once the manager has pressed Accept or Decline on it: it replaces the
 * notice in place and says what was done (or that the request is no longer open), with
 * `my team` as the next step, so the buttons cannot be pressed again by mistake.
 */
export function answeredNotice(language: Language, answer: LinkAnswer, name: string): AdaptiveCardJson {
  const s = strings(language);
  const title = answer === 'accepted' ? s.teamNotices.acceptedTitle : answer === 'declined' ? s.teamNotices.declinedTitle : s.teamNotices.requestFrom;
  const text = answer === 'accepted' ? s.team.accepted : answer === 'declined' ? s.team.declined : s.team.notPending;
  return renderNoticeCard(language, {
    title: fill(title, { name }).slice(0, 200),
    text,
    tone: answer === 'not-pending' ? 'attention' : 'default',
    actions: [{ title: s.nudge.openTeam, verb: Verbs.showTeam, data: {} }],
  });
}
