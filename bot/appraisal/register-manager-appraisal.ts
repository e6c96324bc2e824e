import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import { londonDate } from '../time/london-date';
import { lastCycle } from './appraisal-calendar';
import type { AppraisalCycle } from './appraisal-cycle';
import { openReviewInputSchema, recordInputSchema } from './appraisal-input';
import type { AppraisalPrompts } from './appraisal-prompts';
import { recordReview, type AppraisalProblem, type Result } from './appraisal-rules';
import type { AppraisalState } from './appraisal-state';
import { appraisalCard, recordable, reviewForm } from './appraisal-views';
import { recordCard } from './appraisal-record-view';
import type { ReportAppraisal, ReportAppraisals } from './report-appraisal';
import { sharedPriorities } from '../self-assessment/shared-priorities';
import type { AppraisalTyped, MarkedProblem } from './appraisal-typed';

const personal = { personalOnly: true };
type Lead = { text: string; tone: 'good' | 'attention' };
type Rule = (state: AppraisalState, cycle: AppraisalCycle, today: string, now: Date) => Result;

/**
 * The line manager's side: a report's appraisal from the team view or a prompt, moving and
 * confirming dates, and recording a meeting. Every action names the report; the link is
 * checked before anything is read or written, and a manager who is not theirs is told so.
 */
export function registerManagerAppraisal(app: Application, deps: FeatureDeps, prompts: AppraisalPrompts, reports: ReportAppraisals) {
  const nameOf = (seen: ReportAppraisal) => (seen.report.name ?? seen.report.aadObjectId).slice(0, 200);

  function notYours(context: TurnContext): AdaptiveCardJson {
    const language = turnData(context).language();
    const s = strings(language);
    return renderNoticeCard(language, { title: s.team.title, text: s.appraisal.notYourReport, tone: 'attention', actions: [{ title: s.team.title, verb: Verbs.showTeam, data: {} }] });
  }

  function view(context: TurnContext, seen: ReportAppraisal, lead?: Lead, typed?: AppraisalTyped, problem?: MarkedProblem): AdaptiveCardJson {
    const now = deps.now();
    const language = turnData(context).language();
    return appraisalCard(language, seen.state, {
      priorities: sharedPriorities(deps.content.selfAssessment, seen.report, language),
      today: londonDate(now),
      cycle: seen.cycle,
      holidays: seen.calendar.holidays,
      viewer: { role: 'manager', reportId: seen.report.aadObjectId, name: nameOf(seen) },
      lead,
      lastCycle: lastCycle(seen.report, seen.state),
      typed,
      problem,
    });
  }

  const problemText = (context: TurnContext, problem: AppraisalProblem) => strings(turnData(context).language()).appraisal.problems[problem];

  /**
   * Applies `rule` to the report's appraisal; refused, nothing is written and the card comes
   * back with `typed` (the dates the manager chose) and the reason at the field; done, their
   * prompts are re-planned.
   */
  async function change(context: TurnContext, reportId: string, rule: Rule, done: string, typed?: AppraisalTyped): Promise<AdaptiveCardJson> {
    const { identity } = turnData(context);
    const now = deps.now();
    const today = londonDate(now);
    const result = await reports.change(identity, reportId, now, (state, cycle) => rule(state, cycle, today, now));
    if (!result.ok) {
      if (result.problem === 'not-your-report' || !result.seen) return notYours(context);
      const marked = { problem: result.problem, meeting: result.meeting };
      return view(context, result.seen, { text: problemText(context, result.problem), tone: 'attention' }, typed, marked);
    }
    const person = { tenantId: identity.tenantId, aadObjectId: result.seen.report.aadObjectId };
    await prompts.follow(person, result.written, result.seen.calendar.holidays, now);
    return view(context, result.seen, { text: done, tone: 'good' });
  }

  onCardAction(app, Verbs.openReview, openReviewInputSchema, async (context, { reportId, meeting, record }) => {
    const { identity, language } = turnData(context);
    const seen = await reports.view(identity, reportId, deps.now());
    if (!seen) return notYours(context);
    if (record) {
      const card = recordCard(language(), seen.state, record, { role: 'manager', reportId: seen.report.aadObjectId, name: nameOf(seen) });
      return card ?? view(context, seen, { text: strings(language()).appraisalRecord.notRecorded, tone: 'attention' });
    }
    if (meeting && recordable(seen.state, meeting, londonDate(deps.now()))) {
      return reviewForm(language(), seen.state, meeting, { reportId: seen.report.aadObjectId, name: nameOf(seen) });
    }
    return view(context, seen);
  }, personal);

  onCardAction(app, Verbs.recordReview, recordInputSchema, async (context, input) => {
    const { identity, language } = turnData(context);
    const now = deps.now();
    const today = londonDate(now);
    const s = strings(language()).appraisal;
    const result = await reports.change(identity, input.reportId, now, (state) =>
      state.meetings[input.meeting].date !== input.date ? { ok: false, problem: 'stale-date' } : recordReview(state, input.meeting, identity.aadObjectId, input, today, now),
    );
    if (!result.ok) {
      if (result.problem === 'not-your-report' || !result.seen) return notYours(context);
      const text = problemText(context, result.problem);
      // A form whose outcomes were incomplete comes back as the manager left it, with the reason on top.
      if (result.problem === 'outcomes-missing' || result.problem === 'comment-text') {
        return reviewForm(language(), result.seen.state, input.meeting, { reportId: result.seen.report.aadObjectId, name: nameOf(result.seen) }, text, input);
      }
      return view(context, result.seen, { text, tone: 'attention' });
    }
    // The cycle recorded in, which may have ended: its prompts stop, and the notice names it.
    const person = { tenantId: identity.tenantId, aadObjectId: result.seen.report.aadObjectId };
    await prompts.follow(person, result.written, result.seen.calendar.holidays, now);
    await prompts.tellRecorded(person, result.written, input.meeting, now);
    return view(context, result.seen, { text: s.recorded, tone: 'good' });
  }, personal);

  return { change };
}
