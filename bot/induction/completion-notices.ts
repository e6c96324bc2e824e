import { Verbs } from '../../cards/verbs';
import { enqueueNotice } from '../app/notice-in-both';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import type { Store } from '../storage/store';
import { shownName } from '../text/person-name';
import { userKey, type UserRecord } from '../users/user-record';

/**
 * Tells the person, and their line manager if the manager has accepted them, that their
 * induction is complete: one notice each, whichever step finished it (their own tick or the
 * manager's sign-off). The keys hold the induction's start and journey, so finishing,
 * taking a tick back and finishing again announces nothing twice, while a later refresher
 * is announced in its turn. `personAfter` holds the person's notice back (behind the card
 * gathering the sign-offs that finished it).
 */
export async function announceCompletion(
  deps: { store: Store; outbox: Outbox },
  user: UserRecord,
  now: Date,
  personAfter: Date = now,
): Promise<void> {
  const state = user.induction;
  if (!state?.completedAt) return;
  const key = userKey(user);
  const journey = `${state.startedAt}:${state.mode}`;
  await enqueueNotice(deps.outbox, {
    key: `induction-complete:${key}:${journey}`,
    recipient: key,
    notBefore: personAfter,
    card: (lang) => {
      const s = strings(lang);
      return { title: s.teamNotices.completeTitle, text: s.teamNotices.completeText, actions: [{ title: s.nudge.open, verb: Verbs.startInduction, data: {} }] };
    },
  });
  const managerId = user.profile?.lineManagerAadObjectId;
  if (!managerId) return;
  const managerKey = userKey({ tenantId: user.tenantId, aadObjectId: managerId });
  const link = await deps.store.teamLinks.read(key, managerKey);
  if (link?.value.status !== 'accepted') return;
  const name = shownName(user.name, user.aadObjectId);
  await enqueueNotice(deps.outbox, {
    key: `induction-complete-manager:${key}:${managerKey}:${journey}`,
    recipient: managerKey,
    notBefore: now,
    card: (lang) => {
      const s = strings(lang);
      return {
        title: fill(s.teamNotices.managerCompleteTitle, { name }).slice(0, 200),
        text: s.teamNotices.managerCompleteText,
        actions: [{ title: s.nudge.openTeam, verb: Verbs.showTeam, data: {} }],
      };
    },
  });
}
