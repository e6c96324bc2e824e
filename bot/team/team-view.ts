import { renderTeamCard } from '../../cards/team-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { Content } from '../content/content';
import { fill, strings } from '../i18n/strings';
import { personInduction } from '../induction/person-induction';
import { firstConfirmedSchoolId, schoolOf } from '../school/school-induction';
import type { SchoolSettings } from '../school/school-settings';
import type { TeamLink } from '../users/team-link';
import type { Store } from '../storage/store';
import { calendarOf, currentAppraisal } from '../appraisal/appraisal-calendar';
import { teamLine } from '../appraisal/appraisal-team-line';
import { londonDate } from '../time/london-date';
import { userKey, type Language, type UserIdentity, type UserRecord } from '../users/user-record';

/**
 * The people who name `manager` as their line manager, read from the manager's own
 * partition, each with their school's additions (read once per school).
 */
export async function reportsOf(store: Store, manager: UserIdentity): Promise<TeamMembers> {
  const links = await store.teamLinks.findInPartition(userKey(manager), {});
  const reads = await Promise.all(links.map((l) => store.users.read(l.value.id, l.value.id)));
  // A link whose report has since named someone else is stale: it gives no sight of them.
  const naming = reads
    .map((r, i) => ({ user: r?.value, link: links[i]!.value }))
    .filter((r): r is { user: UserRecord; link: TeamLink } => r.user !== undefined && r.user.profile?.lineManagerAadObjectId === manager.aadObjectId.toLowerCase());
  const requests = naming
    .filter((r) => r.link.status === 'pending')
    .map((r) => ({ reportId: r.user.aadObjectId, name: (r.user.name ?? r.user.aadObjectId).slice(0, 200) }));
  const reports = naming.filter((r) => r.link.status === 'accepted');
  const schools = new Map<string, Promise<SchoolSettings | undefined>>();
  const accepted = await Promise.all(
    reports.map(async ({ user, link }) => {
      // Reports at the same school share one read of its settings.
      const schoolId = firstConfirmedSchoolId(user) ?? '';
      if (!schools.has(schoolId)) schools.set(schoolId, schoolOf(store, user));
      return { user, school: await schools.get(schoolId), imported: link.source === 'import' };
    }),
  );
  return { reports: accepted, requests };
}

/** A manager's accepted reports (with their schools) and the requests waiting for an answer. */
export interface TeamMembers {
  /** `imported`: linked by an administrator's import, so the manager can say "not my report". */
  reports: { user: UserRecord; school?: SchoolSettings; imported?: boolean }[];
  requests: { reportId: string; name: string }[];
}

/**
 * The team card: each report's induction progress and what waits on the manager's sign-off,
 * where their appraisal stands (due, overdue, done), and whether Cefnogi can reach them.
 */
export function teamCard(
  language: Language,
  content: Content,
  { reports, requests }: TeamMembers,
  now: Date,
  lead?: { text: string; tone: 'good' | 'attention' },
): AdaptiveCardJson {
  const s = strings(language).team;
  return renderTeamCard(language, {
    lead: lead?.text ?? '',
    leadTone: lead?.tone ?? 'good',
    requests,
    reports: reports
      .map(({ user: report, school, imported }) => {
        const person = personInduction(content, report, now, school);
        const progressText = !person
          ? s.notStarted
          : person.plan.complete
            ? s.complete
            : fill(s.progress, { done: String(person.plan.ticked), total: String(person.plan.total) });
        const awaiting = (person?.plan.stages ?? [])
          .flatMap((st) => st.items)
          .filter((p) => p.status === 'awaiting-sign-off')
          .map((p) => ({ reportId: report.aadObjectId, itemId: p.item.id, title: p.item.title[language] }));
        const unreachable = report.conversation === undefined || (report.reachability !== undefined && report.reachability.status !== 'reachable');
        const calendar = calendarOf(school);
        const today = londonDate(now);
        const appraisal = report.appraisal ? currentAppraisal(report, today, calendar, now).state : undefined;
        const line = teamLine(language, appraisal, today, calendar.holidays);
        return {
          reportId: report.aadObjectId,
          name: (report.name ?? report.aadObjectId).slice(0, 200),
          progressText,
          awaiting,
          unreachable,
          appraisalText: line.text,
          appraisalAttention: line.attention,
          imported: imported === true,
          // Listed reports name this manager, so a share with the profile's manager is a share with them.
          sharedSummary: report.selfAssessment?.shared !== undefined && report.selfAssessment.shared.managerAadObjectId === report.profile?.lineManagerAadObjectId,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name))
      // A card holds a hundred reports; a larger team (a whole school's staff) needs a list view.
      .slice(0, 100),
  });
}
