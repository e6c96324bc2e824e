import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { SelfAssessmentContent } from '../content/self-assessment-content';
import { strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import type { Store } from '../storage/store';
import type { LineManagerLinks } from '../team/line-manager-links';
import { userKey, type Language, type UserIdentity } from '../users/user-record';
import type { UserSession } from '../users/user-session';
import type { AssessmentResult } from './self-assessment-state';
import { resultsCard, sharedNoticeCard, withdrawnCard } from './self-assessment-views';

export type ShareOutcome = 'shared' | 'no-manager' | 'not-accepted';

/**
 * A person's choice to show their line manager a summary of one result (bands and
 * priorities, never answers), and the manager's view of it. The manager sees it only while
 * three things hold: the person still shares it with them, the person's profile still names
 * them, and they accepted the person as a report. The card in the manager's chat holds no
 * results, only the way to open them, so withdrawing needs nothing more than the flag.
 */
export interface SummarySharing {
  share(report: UserIdentity, session: UserSession, result: AssessmentResult, now: Date): Promise<ShareOutcome>;
  view(manager: UserIdentity, reportAadObjectId: string, language: Language): Promise<AdaptiveCardJson>;
}

export function createSummarySharing(store: Store, content: SelfAssessmentContent, links: LineManagerLinks, outbox: Outbox): SummarySharing {
  return {
    async share(report, session, result, now) {
      const managerAadObjectId = session.user.profile?.lineManagerAadObjectId;
      if (!managerAadObjectId) return 'no-manager';
      const manager = { tenantId: report.tenantId, aadObjectId: managerAadObjectId };
      if (!(await links.isAccepted(manager, report))) return 'not-accepted';
      const sharedAt = now.toISOString();
      session.change((user) => {
        if (user.selfAssessment) user.selfAssessment.shared = { managerAadObjectId, resultId: result.id, sharedAt };
      });
      // Saved before the manager is told, so the card they open finds it shared.
      await session.save();
      const reportName = session.user.name;
      // The message carries no results: they are drawn only when the manager opens it.
      const draw = (language: Language) => ({
        card: sharedNoticeCard(language, reportName ?? strings(language).selfAssessment.someone, report.aadObjectId.toLowerCase(), managerAadObjectId),
      });
      await outbox.enqueue({
        key: `self-assessment-shared:${userKey(report)}:${result.id}:${sharedAt}`,
        recipient: userKey(manager),
        quietHours: true,
        notBefore: now,
        content: { en: draw('en'), cy: draw('cy') },
      });
      return 'shared';
    },

    async view(manager, reportAadObjectId, language) {
      const report = { tenantId: manager.tenantId, aadObjectId: reportAadObjectId.toLowerCase() };
      const managerId = manager.aadObjectId.toLowerCase();
      const key = userKey(report);
      const doc = await store.users.read(key, key);
      const user = doc?.value;
      const shared = user?.selfAssessment?.shared;
      const result = user?.selfAssessment?.results.find((r) => r.id === shared?.resultId);
      const stillTheirs =
        shared?.managerAadObjectId === managerId && user?.profile?.lineManagerAadObjectId === managerId && (await links.isAccepted(manager, report));
      if (!user || !result || !stillTheirs) return withdrawnCard(language, report.aadObjectId, managerId);
      return resultsCard(language, content, result, {
        kind: 'manager',
        reportName: user.name ?? strings(language).selfAssessment.someone,
        reportAadObjectId: report.aadObjectId,
        managerAadObjectId: managerId,
      });
    },
  };
}
