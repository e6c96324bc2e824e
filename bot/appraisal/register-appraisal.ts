import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
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
import { commentInputSchema, datesInputSchema, objectiveActionInputSchema, objectiveInputSchema, promptInputSchema, saveObjectiveInputSchema, showAppraisalInputSchema } from './appraisal-input';
import { objectiveEditCard } from './appraisal-objective-view';
import { recordCard } from './appraisal-record-view';
import type { AppraisalPrompts } from './appraisal-prompts';
import { addObjective, addStaffComment, confirmMeeting, editObjective, recordedOutcome, removeObjective, setMeetingDate, setMeetingDates, snoozeMeeting, type Result } from './appraisal-rules';
import type { AppraisalState } from './appraisal-state';
import { datesOf, typedFrom, type AppraisalTyped, type MarkedProblem } from './appraisal-typed';
import { appraisalCard } from './appraisal-views';
import { registerManagerAppraisal } from './register-manager-appraisal';
import { sharedPriorities } from '../self-assessment/shared-priorities';
import type { ReportAppraisals } from './report-appraisal';

const personal = { personalOnly: true };
type Lead = { text: string; tone: 'good' | 'attention' };
type Rule = (state: AppraisalState, cycle: AppraisalCycle, today: string, now: Date) => Result;

/** What the card drawn in answer shows again: what was typed, and the form a refusal belongs to. */
interface Answer {
  typed?: AppraisalTyped;
  form?: MarkedProblem['form'];
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

  async function show(context: TurnContext, lead?: Lead, known?: SchoolCalendar, answer: Answer = {}, problem?: MarkedProblem): Promise<AdaptiveCardJson> {
    const { session, language } = turnData(context);
    const now = deps.now();
    const today = londonDate(now);
    const cal = known ?? (await calendar(context));
    const { state, cycle } = currentAppraisal(session.user, today, cal, now);
    const priorities = sharedPriorities(deps.content.selfAssessment, session.user, language());
    // Priorities noted during induction are the person's own notes: shown to them, not to their manager.
    const inductionPriorities = session.user.induction?.priorities ?? [];
    return appraisalCard(language(), state, { today, cycle, holidays: cal.holidays, viewer: { role: 'staff' }, lead, priorities, inductionPriorities, lastCycle: lastCycle(session.user, state), typed: answer.typed, problem });
  }

  /**
   * Runs `rule` on the person's own appraisal: refused, the card says why at the field and
   * keeps everything typed; done, saved, prompts re-planned, and what the action did not use
   * (a half-typed objective beside a date change) still on the card.
   */
  async function change(context: TurnContext, rule: Rule, done: string, answer: { refused: Answer; done: Answer } = { refused: {}, done: {} }, known?: SchoolCalendar): Promise<AdaptiveCardJson> {
    const { session, identity, language } = turnData(context);
    const s = strings(language()).appraisal;
    const now = deps.now();
    const today = londonDate(now);
    const cal = known ?? (await calendar(context));
    const trial = currentAppraisal(session.user, today, cal, now);
    const refused = (r: Extract<Result, { ok: false }>) =>
      show(context, { text: s.problems[r.problem], tone: 'attention' }, cal, answer.refused, { problem: r.problem, meeting: r.meeting, form: answer.refused.form });
    const result = rule(structuredClone(trial.state), trial.cycle, today, now);
    if (!result.ok) return refused(result);
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
    if (!outcome.ok) return refused(outcome);
    return show(context, { text: done, tone: 'good' }, cal, answer.done);
  }

  const said = (context: TurnContext) => strings(turnData(context).language()).appraisal;

  app.message(commandSelector('my appraisal', 'fy arfarniad', 'appraisal', 'arfarniad'), async (context) => sendPersonalCard(context, () => show(context)));
  onCardAction(app, Verbs.showAppraisal, showAppraisalInputSchema, async (context, input) => {
    const { record } = input;
    // Without a record it is the appraisal again (the edit card's Cancel among others): what it carried is filled in again.
    if (!record) return show(context, undefined, undefined, { typed: typedFrom(input) });
    const { session, language } = turnData(context);
    const now = deps.now();
    const { state } = currentAppraisal(session.user, londonDate(now), await calendar(context), now);
    return recordCard(language(), state, record, { role: 'staff' }) ?? show(context, { text: strings(language()).appraisalRecord.notRecorded, tone: 'attention' });
  }, personal);

  onCardAction(app, Verbs.addObjective, objectiveInputSchema, async (context, input) =>
    change(context, (state) => addObjective(state, { text: input.objectiveText, measure: input.objectiveMeasure, standards: input.standards, keyAreas: input.keyAreas }), said(context).saved, {
      refused: { typed: typedFrom(input), form: 'new' },
      done: { typed: typedFrom(input, { objective: true }) },
    }),
  personal);

  onCardAction(app, Verbs.removeObjective, objectiveActionInputSchema, async (context, input) =>
    change(context, (state) => removeObjective(state, input.objectiveId), said(context).saved, { refused: { typed: typedFrom(input) }, done: { typed: typedFrom(input) } }),
  personal);

  // The edit card opens with what the appraisal card held, to carry back; an objective that is gone or locked says so there.
  onCardAction(app, Verbs.editObjective, objectiveActionInputSchema, async (context, input) => {
    const { session, language } = turnData(context);
    const now = deps.now();
    const cal = await calendar(context);
    const { state } = currentAppraisal(session.user, londonDate(now), cal, now);
    const obj = state.objectives.find((o) => o.id === input.objectiveId);
    const problem = !obj ? 'unknown-objective' : recordedOutcome(state, obj.id) ? 'objective-locked' : undefined;
    if (!obj || problem) return show(context, { text: strings(language()).appraisal.problems[problem ?? 'unknown-objective'], tone: 'attention' }, cal, { typed: typedFrom(input) });
    return objectiveEditCard(language(), obj, typedFrom(input));
  }, personal);

  onCardAction(app, Verbs.saveObjective, saveObjectiveInputSchema, async (context, input) => {
    const edit = { text: input.editText, measure: input.editMeasure, standards: input.editStandards, keyAreas: input.editKeyAreas };
    const { session, language } = turnData(context);
    const now = deps.now();
    const cal = await calendar(context);
    const { state } = currentAppraisal(session.user, londonDate(now), cal, now);
    const obj = state.objectives.find((o) => o.id === input.objectiveId);
    // A save without its texts comes back as typed, marked at the empty field; any other refusal is said on the appraisal card.
    if (obj && !recordedOutcome(state, obj.id) && editObjective(structuredClone(state), obj.id, edit).ok === false) {
      const s = strings(language()).appraisal;
      return objectiveEditCard(language(), obj, typedFrom(input), { typed: edit, lead: s.problems['objective-text'], marked: true });
    }
    return change(context, (current) => editObjective(current, input.objectiveId, edit), said(context).saved, { refused: { typed: typedFrom(input) }, done: { typed: typedFrom(input) } }, cal);
  }, personal);

  onCardAction(app, Verbs.commentOnReview, commentInputSchema, async (context, { meeting, text }) =>
    change(context, (state, _cycle, _today, now) => addStaffComment(state, meeting, text, now), said(context).commentSaved),
  personal);

  const manager = registerManagerAppraisal(app, deps, prompts, reports);

  // Dates and prompt actions come from the staff member's cards and their manager's: a card
  // naming a report is the manager acting (checked against the link), else it is one's own.
  onCardAction(app, Verbs.setAppraisalDates, datesInputSchema, async (context, input) => {
    if (input.reportId) return manager.change(context, input.reportId, (state, cycle, today) => setMeetingDates(state, datesOf(input), today, cycle), said(context).saved, { dates: datesOf(input) });
    return change(context, (state, cycle, today) => setMeetingDates(state, datesOf(input), today, cycle), said(context).saved, {
      refused: { typed: typedFrom(input) },
      done: { typed: typedFrom(input, { dates: true }) },
    });
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
