import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import { schoolOf } from '../school/school-induction';
import { londonDate } from '../time/london-date';
import { calendarOf, currentAppraisal, keepAppraisal, lastCycle, type SchoolCalendar } from './appraisal-calendar';
import type { AppraisalCycle } from './appraisal-cycle';
import { commentInputSchema, datesInputSchema, objectiveInputSchema, promptInputSchema, removeObjectiveInputSchema, showAppraisalInputSchema } from './appraisal-input';
import { recordCard } from './appraisal-record-view';
import type { AppraisalPrompts } from './appraisal-prompts';
import { addObjective, addStaffComment, confirmMeeting, removeObjective, setMeetingDate, setMeetingDates, snoozeMeeting, type Result } from './appraisal-rules';
import type { AppraisalState, MeetingId } from './appraisal-state';
import { appraisalCard } from './appraisal-views';
import { registerManagerAppraisal } from './register-manager-appraisal';
import { sharedPriorities } from '../self-assessment/shared-priorities';
import type { ReportAppraisals } from './report-appraisal';

const personal = { personalOnly: true };
type Lead = { text: string; tone: 'good' | 'attention' };
type Rule = (state: AppraisalState, cycle: AppraisalCycle, today: string, now: Date) => Result;

/** The three date pickers' values by meeting. */
export function datesOf(input: z.infer<typeof datesInputSchema>): Partial<Record<MeetingId, string>> {
  return { planning: input['date-planning'], 'mid-year': input['date-mid-year'], 'end-of-year': input['date-end-of-year'] };
}

/**
 * `my appraisal` / `fy arfarniad`: the staff member's objectives, meeting dates and records,
 * and the actions on their own prompts. Their document is the turn's one read; a change is
 * tried on a copy first, so a refused one writes nothing, then replayed through the session.
 */
export function registerAppraisal(app: Application, deps: FeatureDeps, prompts: AppraisalPrompts, reports: ReportAppraisals): void {
  async function calendar(context: TurnContext): Promise<SchoolCalendar> {
    return calendarOf(await schoolOf(deps.store, turnData(context).session.user));
  }

  async function show(context: TurnContext, lead?: Lead, known?: SchoolCalendar): Promise<AdaptiveCardJson> {
    const { session, language } = turnData(context);
    const now = deps.now();
    const today = londonDate(now);
    const cal = known ?? (await calendar(context));
    const { state, cycle } = currentAppraisal(session.user, today, cal, now);
    const priorities = sharedPriorities(deps.content.selfAssessment, session.user, language());
    return appraisalCard(language(), state, { today, cycle, holidays: cal.holidays, viewer: { role: 'staff' }, lead, priorities, lastCycle: lastCycle(session.user, state) });
  }

  /** Runs `rule` on the person's own appraisal: refused, a card saying why; done, saved, prompts re-planned. */
  async function change(context: TurnContext, rule: Rule, done: string): Promise<AdaptiveCardJson> {
    const { session, identity, language } = turnData(context);
    const s = strings(language()).appraisal;
    const now = deps.now();
    const today = londonDate(now);
    const cal = await calendar(context);
    const trial = currentAppraisal(session.user, today, cal, now);
    const result = rule(structuredClone(trial.state), trial.cycle, today, now);
    if (!result.ok) return show(context, { text: s.problems[result.problem], tone: 'attention' }, cal);
    // On a conflict the rule runs again on the fresh document (another device may have
    // changed it): what it came to there is what is said.
    let replayed: Result = result;
    session.change((user) => {
      const { state, cycle } = currentAppraisal(user, today, cal, now);
      replayed = rule(state, cycle, today, now);
      if (replayed.ok) keepAppraisal(user, state);
    });
    await session.save();
    if (session.user.appraisal) await prompts.follow(identity, session.user.appraisal, cal.holidays, now);
    const outcome = replayed as Result;
    if (!outcome.ok) return show(context, { text: s.problems[outcome.problem], tone: 'attention' }, cal);
    return show(context, { text: done, tone: 'good' }, cal);
  }

  const said = (context: TurnContext) => strings(turnData(context).language()).appraisal;

  app.message(commandSelector('my appraisal', 'fy arfarniad', 'appraisal', 'arfarniad'), async (context) => sendPersonalCard(context, () => show(context)));
  onCardAction(app, Verbs.showAppraisal, showAppraisalInputSchema, async (context, { record }) => {
    if (!record) return show(context);
    const { session, language } = turnData(context);
    const now = deps.now();
    const { state } = currentAppraisal(session.user, londonDate(now), await calendar(context), now);
    return recordCard(language(), state, record, { role: 'staff' }) ?? show(context, { text: strings(language()).appraisalRecord.notRecorded, tone: 'attention' });
  }, personal);

  onCardAction(app, Verbs.addObjective, objectiveInputSchema, async (context, input) =>
    change(context, (state) => addObjective(state, { text: input.objectiveText, measure: input.objectiveMeasure, standards: input.standards, keyAreas: input.keyAreas }), said(context).saved),
  personal);

  onCardAction(app, Verbs.removeObjective, removeObjectiveInputSchema, async (context, { objectiveId }) =>
    change(context, (state) => removeObjective(state, objectiveId), said(context).saved),
  personal);

  onCardAction(app, Verbs.commentOnReview, commentInputSchema, async (context, { meeting, text }) =>
    change(context, (state, _cycle, _today, now) => addStaffComment(state, meeting, text, now), said(context).commentSaved),
  personal);

  const manager = registerManagerAppraisal(app, deps, prompts, reports);

  // Dates and prompt actions come from the staff member's cards and their manager's: a card
  // naming a report is the manager acting (checked against the link), else it is one's own.
  onCardAction(app, Verbs.setAppraisalDates, datesInputSchema, async (context, input) => {
    if (input.reportId) return manager.change(context, input.reportId, (state, cycle, today) => setMeetingDates(state, datesOf(input), today, cycle), said(context).saved);
    return change(context, (state, cycle, today) => setMeetingDates(state, datesOf(input), today, cycle), said(context).saved);
  }, personal);

  for (const verb of [Verbs.confirmMeeting, Verbs.moveMeeting, Verbs.snoozeMeeting] as const) {
    onCardAction(app, verb, promptInputSchema, async (context, { meeting, date, reportId, newDate }) => {
      const role = reportId ? 'manager' : 'staff';
      const s = said(context).prompt;
      const [rule, done]: [Rule, string] =
        verb === Verbs.confirmMeeting
          ? [(state, _c, _t, now) => confirmMeeting(state, meeting, role, date, now), s.confirmed]
          : verb === Verbs.snoozeMeeting
            ? [(state, _c, today) => snoozeMeeting(state, meeting, role, date, today), s.snoozed]
            : [(state, cycle, today) => (state.meetings[meeting].date !== date ? { ok: false, problem: 'stale-date' } : setMeetingDate(state, meeting, (newDate ?? '').slice(0, 10), today, cycle)), s.moved];
      return reportId ? manager.change(context, reportId, rule, done) : change(context, rule, done);
    }, personal);
  }
}
