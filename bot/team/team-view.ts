import { renderTeamCard, TEAM_CARD_AWAITING as AWAITING_SHOWN, TEAM_CARD_PEOPLE as TEAM_PAGE_SIZE } from '../../cards/team-card';
import { cardPage } from '../../cards/card-pages';
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
import { cleanDisplayName } from '../text/clean-typed-text';
import { shownName } from '../text/person-name';
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
    .map((r) => ({ reportId: r.user.aadObjectId, name: r.user.name ?? r.user.aadObjectId }));
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
  /** `name` as stored: the card makes it inert. */
  requests: { reportId: string; name: string }[];
}

/**
 * The team card: each report's induction progress and what waits on the manager's sign-off,
 * where their appraisal stands (due, overdue, done), and whether Cefnogi can reach them.
 * One page at a time: requests first, then reports, each by name; names are made inert.
 */
export function teamCard(
  language: Language,
  content: Content,
  { reports, requests }: TeamMembers,
  now: Date,
  lead?: { text: string; tone: 'good' | 'attention' },
  page = 0,
): AdaptiveCardJson {
  const s = strings(language);
  const byName = <T>(list: T[], name: (t: T) => string | undefined) =>
    list.map((t) => ({ t, key: cleanDisplayName(name(t)) })).sort((a, b) => a.key.localeCompare(b.key, language)).map((x) => x.t);
  const asking = byName(requests, (r) => r.name);
  const listed = byName(reports, (r) => r.user.name ?? r.user.aadObjectId);
  const at = cardPage(asking.length + listed.length, page, TEAM_PAGE_SIZE);
  const onPage = <T>(list: T[], offset: number) => list.slice(Math.max(0, at.start - offset), Math.max(0, at.end - offset));
  return renderTeamCard(language, {
    lead: lead?.text ?? '',
    leadTone: lead?.tone ?? 'good',
    page: at.page,
    pageText: at.total > TEAM_PAGE_SIZE ? fill(s.teamPages.showing, { from: String(at.start + 1), to: String(at.end), total: String(at.total) }) : '',
    previousPage: at.previous,
    nextPage: at.next,
    requests: onPage(asking, 0).map((r) => ({ reportId: r.reportId, name: shownName(r.name, r.reportId) })),
    reports: onPage(listed, asking.length).map((member) => reportView(language, content, member, now)),
  });
}

function reportView(language: Language, content: Content, { user: report, school, imported }: TeamMembers['reports'][number], now: Date) {
  const s = strings(language);
  const person = personInduction(content, report, now, school);
  const progressText = !person
    ? s.team.notStarted
    : person.plan.complete
      ? s.team.complete
      : fill(s.team.progress, { done: String(person.plan.ticked), total: String(person.plan.total) });
  const name = shownName(report.name, report.aadObjectId);
  const planned = (person?.plan.stages ?? []).flatMap((st) => st.items);
  const awaiting = planned
    .filter((p) => p.status === 'awaiting-sign-off')
    .map((p) => ({ reportId: report.aadObjectId, itemId: p.item.id, title: p.item.title[language] }));
  // The person sees items due before they began as gentle catch-up; their manager sees everything behind.
  const overdue = planned.filter((p) => p.status === 'overdue' || p.status === 'catch-up').length;
  const unreachable = report.conversation === undefined || (report.reachability !== undefined && report.reachability.status !== 'reachable');
  const calendar = calendarOf(school);
  const today = londonDate(now);
  const appraisal = report.appraisal ? currentAppraisal(report, today, calendar, now).state : undefined;
  const line = teamLine(language, appraisal, today, calendar.holidays);
  return {
    reportId: report.aadObjectId,
    name,
    progressText,
    done: person?.plan.ticked ?? 0,
    total: person?.plan.total ?? 0,
    overdueText: overdue === 0 ? '' : overdue === 1 ? s.teamNotices.overdueOne : fill(s.teamNotices.overdueMany, { count: String(overdue) }),
    awaiting: awaiting.slice(0, AWAITING_SHOWN),
    moreAwaiting: awaiting.length > AWAITING_SHOWN ? fill(s.teamPages.moreAwaiting, { count: String(awaiting.length - AWAITING_SHOWN) }) : '',
    unreachable,
    appraisalText: line.text,
    appraisalAttention: line.attention,
    imported: imported === true,
    // Listed reports name this manager, so a share with the profile's manager is a share with them.
    sharedSummary: report.selfAssessment?.shared !== undefined && report.selfAssessment.shared.managerAadObjectId === report.profile?.lineManagerAadObjectId,
  };
}
