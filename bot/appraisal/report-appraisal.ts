import { schoolOf } from '../school/school-induction';
import type { FigureRecords } from '../figures/figure-records';
import type { SchoolSettings } from '../school/school-settings';
import type { Store } from '../storage/store';
import { updateDocument } from '../storage/update-document';
import { londonDate } from '../time/london-date';
import { userKey, type UserIdentity, type UserRecord } from '../users/user-record';
import type { LineManagerLinks } from '../team/line-manager-links';
import { calendarOf, currentAppraisal, keepAppraisal, type SchoolCalendar } from './appraisal-calendar';
import type { AppraisalCycle } from './appraisal-cycle';
import type { AppraisalProblem, Result } from './appraisal-rules';
import type { AppraisalState, MeetingId } from './appraisal-state';

/** A report's appraisal as their line manager may see it. */
export interface ReportAppraisal {
  report: UserRecord;
  state: AppraisalState;
  cycle: AppraisalCycle;
  calendar: SchoolCalendar;
}

/**
 * What a manager's change came to: `seen` is the appraisal as it now stands (a new cycle
 * once the last meeting of an ended one is recorded), `written` the cycle the change was made to.
 */
export type ReportChange = { ok: true; seen: ReportAppraisal; written: AppraisalState } | { ok: false; problem: AppraisalProblem | 'not-your-report'; meeting?: MeetingId; seen?: ReportAppraisal };

/**
 * A line manager's access to a report's appraisal: only after the link check (accepted or
 * imported, and the report's profile still names them), read by key; a change is written
 * to the report's own document under its eTag, with the check and the rule run again on
 * the fresh document if someone else wrote first.
 */
export function createReportAppraisals(store: Store, links: LineManagerLinks, figures?: FigureRecords) {
  const names = (user: UserRecord | undefined, manager: UserIdentity) => user?.profile?.lineManagerAadObjectId === manager.aadObjectId.toLowerCase();

  async function read(manager: UserIdentity, reportId: string, now: Date): Promise<{ seen?: ReportAppraisal; school?: SchoolSettings }> {
    const report: UserIdentity = { tenantId: manager.tenantId, aadObjectId: reportId.toLowerCase() };
    if (!(await links.isAccepted(manager, report))) return {};
    const key = userKey(report);
    const doc = (await store.users.read(key, key))?.value;
    if (!doc || !names(doc, manager)) return {};
    const school = await schoolOf(store, doc);
    const calendar = calendarOf(school);
    return { seen: { report: doc, calendar, ...currentAppraisal(doc, londonDate(now), calendar, now) }, school };
  }

  return {
    /** The report's appraisal, or undefined when `manager` may not see it. */
    async view(manager: UserIdentity, reportId: string, now: Date): Promise<ReportAppraisal | undefined> {
      return (await read(manager, reportId, now)).seen;
    },

    /** Applies `rule` to the report's appraisal for `manager`; nothing is written when it refuses. */
    async change(manager: UserIdentity, reportId: string, now: Date, rule: (state: AppraisalState, cycle: AppraisalCycle, calendar: SchoolCalendar) => Result): Promise<ReportChange> {
      const { seen } = await read(manager, reportId, now);
      if (!seen) return { ok: false, problem: 'not-your-report' };
      const key = seen.report.id;
      const outcome: { problem?: AppraisalProblem | 'not-your-report'; meeting?: MeetingId; written?: AppraisalState } = {};
      const saved = await updateDocument(store.users, key, key, (current) => {
        outcome.problem = undefined;
        outcome.meeting = undefined;
        if (!current || !names(current, manager)) {
          outcome.problem = 'not-your-report';
          return undefined;
        }
        const { state, cycle } = currentAppraisal(current, londonDate(now), seen.calendar, now);
        if (state.cycleId !== seen.state.cycleId) {
          // The meeting shown was recorded meanwhile and the new cycle took over: the card is stale.
          outcome.problem = 'stale-date';
          return undefined;
        }
        const result = rule(state, cycle, seen.calendar);
        if (!result.ok) {
          outcome.problem = result.problem;
          outcome.meeting = result.meeting;
          return undefined;
        }
        const next = { ...current, updatedAt: now.toISOString() };
        keepAppraisal(next, state);
        outcome.written = state;
        return next;
      });
      // A planning meeting the manager records counts in the report's figures.
      if (outcome.written && saved && figures) await figures.refresh(saved.value, now);
      const report = saved?.value ?? seen.report;
      const after = { ...seen, report, ...currentAppraisal(report, londonDate(now), seen.calendar, now) };
      return outcome.problem ? { ok: false, problem: outcome.problem, meeting: outcome.meeting, seen } : { ok: true, seen: after, written: outcome.written ?? after.state };
    },
  };
}

export type ReportAppraisals = ReturnType<typeof createReportAppraisals>;
