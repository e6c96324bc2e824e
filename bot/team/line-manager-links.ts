import { Verbs } from '../../cards/verbs';
import { enqueueNotice } from '../app/notice-in-both';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import type { Store } from '../storage/store';
import { updateDocument } from '../storage/update-document';
import { londonDate } from '../time/london-date';
import { userKey, type UserIdentity } from '../users/user-record';
import { withManagerDeclined } from './line-manager-request-rules';

/** Whether a request notice was queued, or the manager has never used Cefnogi (so nothing was). */
export type AskOutcome = 'notified' | 'manager-unseen';

/** How a manager answered a request, or why the answer was refused. */
export type LinkAnswer = 'accepted' | 'declined' | 'not-pending';

/**
 * The line-manager link in both directions: the staff member names a manager (a request),
 * and only the manager's acceptance gives them sight of the person's induction and the
 * right to sign it off. The manager hears of the request in their own language.
 */
export interface LineManagerLinks {
  /**
   * Queues the request notice for the manager, at most one per pair per day (Europe/London)
   * whatever the caller does: the outbox key holds the date. Someone who has never used
   * Cefnogi (no user document) gets nothing: an object id typed into the form must not let
   * anyone send cards to a stranger. They see the request in `my team` when they come.
   */
  ask(report: UserIdentity, reportName: string | undefined, managerAadObjectId: string, now: Date): Promise<AskOutcome>;
  /**
   * The manager accepts or declines. `requestOnly` (an answer pressed on the request's
   * notice) declines only a request still open: an old notice cannot take out someone
   * already accepted; accepting again is harmless either way.
   */
  answer(manager: UserIdentity, report: UserIdentity, accept: boolean, now: Date, options?: { requestOnly?: boolean }): Promise<LinkAnswer>;
  /** True when `manager` has accepted `report` and the report's profile still names them. */
  isAccepted(manager: UserIdentity, report: UserIdentity): Promise<boolean>;
}

export function createLineManagerLinks(store: Store, outbox: Outbox): LineManagerLinks {
  return {
    async ask(report, reportName, managerAadObjectId, now) {
      const reportKey = userKey(report);
      const managerKey = userKey({ tenantId: report.tenantId, aadObjectId: managerAadObjectId });
      if (!(await store.users.read(managerKey, managerKey))) return 'manager-unseen';
      const name = reportName ?? report.aadObjectId;
      await enqueueNotice(outbox, {
        key: `team-link-request:${reportKey}:${managerKey}:${londonDate(now)}`,
        recipient: managerKey,
        notBefore: now,
        // Answered on the notice itself; `from` makes the answer come back as this notice, updated.
        card: (lang) => {
          const s = strings(lang).team;
          const named = strings(lang).teamNotices;
          const answer = { reportId: report.aadObjectId, from: 'notice' };
          return {
            title: fill(s.requestTitle, { name }).slice(0, 200),
            text: s.requestText,
            actions: [
              // Named, so in a chat holding several such notices each button says whom it answers.
              { title: fill(named.acceptNamed, { name: shortName(name) }), verb: Verbs.acceptReport, data: answer },
              { title: fill(named.declineNamed, { name: shortName(name) }), verb: Verbs.declineReport, data: answer },
              { title: s.title, verb: Verbs.showTeam, data: {} },
            ],
          };
        },
      });
      return 'notified';
    },

    async answer(manager, report, accept, now, options = {}) {
      const reportKey = userKey(report);
      const managerKey = userKey(manager);
      const reportDoc = await store.users.read(reportKey, reportKey);
      const named = reportDoc?.value.profile?.lineManagerAadObjectId === manager.aadObjectId.toLowerCase();
      const link = await store.teamLinks.read(reportKey, managerKey);
      if (!link || !named) return 'not-pending';
      if (!accept && options.requestOnly && link.value.status === 'accepted') return 'not-pending';
      if (!accept) {
        // Remembered on the report's own document before the link goes, so a crash in between
        // cannot let the same person's next request notify this manager within the day.
        await updateDocument(
          store.users,
          reportKey,
          reportKey,
          (current) =>
            current && { ...current, lineManagerRequests: withManagerDeclined(current.lineManagerRequests, manager.aadObjectId, now), updatedAt: now.toISOString() },
          { stored: reportDoc },
        );
        await store.teamLinks.delete(reportKey, managerKey);
        // Someone put in their team by an import, then declined: they must know to name the right person.
        if (link.value.source === 'import' && link.value.status === 'accepted') {
          const managerDoc = await store.users.read(managerKey, managerKey);
          const name = managerDoc?.value.name ?? manager.aadObjectId;
          await enqueueNotice(outbox, {
            key: `team-link-declined:${reportKey}:${managerKey}:${now.toISOString()}`,
            recipient: reportKey,
            notBefore: now,
            card: (lang) => {
              const s = strings(lang);
              return { title: fill(s.team.declinedTitle, { name }), text: s.team.declinedText, actions: [{ title: s.import.notices.editProfile, verb: Verbs.editProfile, data: {} }] };
            },
          });
        }
        return 'declined';
      }
      await updateDocument(
        store.teamLinks,
        reportKey,
        managerKey,
        (current) => current && (current.status === 'accepted' ? undefined : { ...current, status: 'accepted' as const, acceptedAt: now.toISOString() }),
        { stored: link },
      );
      return 'accepted';
    },

    async isAccepted(manager, report) {
      const reportKey = userKey(report);
      const link = await store.teamLinks.read(reportKey, userKey(manager));
      return link?.value.status === 'accepted';
    },
  };
}

/** Characters of a person's name a notice's button carries: enough to tell two apart, short enough to show whole. */
const NAME_IN_BUTTON = 40;

/** `name` cut to fit a button, marked with an ellipsis when cut. */
function shortName(name: string): string {
  const chars = [...name];
  return chars.length <= NAME_IN_BUTTON ? name : `${chars.slice(0, NAME_IN_BUTTON - 1).join('').trimEnd()}…`;
}
