import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { EVIDENCE_ANSWER, EVIDENCE_PER_OBJECTIVE, renderLearningEvidenceCard } from '../../cards/learning-evidence-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import type { FeatureDeps } from '../app/feature-deps';
import { formatDate } from '../appraisal/appraisal-format';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { inertMarkdown as inert } from '../text/inert-markdown';
import { shownName } from '../text/person-name';
import { shortenTypedText as shorten } from '../text/shorten-typed-text';
import { userKey } from '../users/user-record';
import type { LearningLog } from './learning-log';

const inputSchema = z.object({ reportId: z.string().regex(/^[0-9a-fA-F-]{36}$/) });

/**
 * The line manager's view of a report's evidence: the acting person must be the report's
 * accepted line manager (the team link, checked before anything else is read), and sees only
 * entries linked to an objective of the report's current appraisal.
 */
export function registerEvidence(app: Application, deps: FeatureDeps, log: LearningLog): void {
  onCardAction(app, Verbs.showLearningEvidence, inputSchema, async (context, { reportId }) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const s = strings(lang);
    const reportKey = userKey({ tenantId: identity.tenantId, aadObjectId: reportId });
    const link = await deps.store.teamLinks.read(reportKey, userKey(identity));
    if (link?.value.status !== 'accepted') {
      return renderNoticeCard(lang, { title: s.team.title, text: s.appraisal.notYourReport, tone: 'attention', actions: [{ title: s.team.title, verb: Verbs.showTeam, data: {} }] });
    }
    const report = (await deps.store.users.read(reportKey, reportKey))?.value;
    const appraisal = report?.appraisal;
    const entries = appraisal ? (await log.list(reportKey)).filter((e) => e.objective?.cycleId === appraisal.cycleId) : [];
    const objectives = (appraisal?.objectives ?? [])
      .map((o) => ({
        text: inert(shorten(o.text, 200)),
        entries: entries
          .filter((e) => e.objective?.id === o.id)
          .slice(0, EVIDENCE_PER_OBJECTIVE)
          .map((e) => ({
            heading: fill(s.learningExport.entryHeading, { title: inert(shorten(e.title, 120)), date: formatDate(e.date, lang), hours: String(e.hours), kind: s.learning.kinds[e.learningKind] }),
            lines: [
              [s.learning.learnedLabel, e.learned],
              [s.learning.changedLabel, e.changed],
              [s.learning.differenceLabel, e.difference],
            ]
              .filter(([, answer]) => answer !== '')
              .map(([label, answer]) => `${label} ${inert(shorten(answer!, EVIDENCE_ANSWER))}`),
          })),
      }))
      .filter((o) => o.entries.length > 0);
    const name = shownName(report?.name, reportId);
    return renderLearningEvidenceCard(lang, { title: fill(s.learningEvidence.title, { name: inert(name) }), reportId, objectives });
  }, { personalOnly: true });
}
