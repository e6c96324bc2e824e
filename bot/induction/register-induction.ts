import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { cleanTypedText } from '../text/clean-typed-text';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { inductionStageIdSchema, type InductionStageId } from '../content/induction-schemas';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import { londonDate } from '../time/london-date';
import { currentStage } from './induction-plan';
import { tickItem, untickItem, type InductionProblem } from './induction-rules';
import { completeCard, schoolExtras, stageCard, startCard } from './induction-views';
import { familyOf, personInduction, recordArrivals, type PersonInduction } from './person-induction';
import { newInduction } from './start-induction';
import { schoolOf } from '../school/school-induction';
import type { SchoolSettings } from '../school/school-settings';
import type { InductionNudges } from './induction-nudges';

/** The page of a stage's items a button was pressed on (a number, or its text from an older client). */
const page = z.coerce.number().int().min(0).max(100).default(0);
const itemAction = z.object({ itemId: z.string().min(1).max(80), stage: inductionStageIdSchema, page });
const beginAction = z.object({ startDate: z.string().max(40).default(''), mode: z.enum(['new', 'refresher']).default('new') });
const priorityAction = z.object({ priority: z.string().max(200).optional(), stage: inductionStageIdSchema });
const MAX_PRIORITIES = 5;
const personal = { personalOnly: true };

type Lead = { text: string; tone: 'good' | 'attention' };

/** Induction: start, resume where the person is, tick and untick, note priorities, finish. */
export function registerInduction(app: Application, deps: FeatureDeps, nudges: InductionNudges): void {
  const now = () => deps.now();

  /**
   * The card for where the person is: profile first, the start form, their stage, or done.
   * `loaded` passes the person's school when the caller has read it already this turn.
   */
  async function resume(context: TurnContext, stage?: InductionStageId, lead?: Lead, loaded?: { school: SchoolSettings | undefined }, at = 0): Promise<AdaptiveCardJson> {
    const { session, language } = turnData(context);
    const lang = language();
    const s = strings(lang);
    if (!familyOf(deps.content, session.user)) {
      return renderNoticeCard(lang, {
        title: s.induction.profileFirstTitle,
        text: s.induction.profileFirstText,
        actions: [{ title: s.common.setUpProfile, verb: Verbs.editProfile, data: {} }],
      });
    }
    const school = loaded ? loaded.school : await schoolOf(deps.store, session.user);
    const person = personInduction(deps.content, session.user, now(), school);
    if (!person) return startCard(lang, londonDate(now()));
    if (person.unrecorded.length > 0) {
      // Written with the turn: from today on, a school's new item is due no earlier than the day it reached the person.
      session.change((user) => {
        if (user.induction) recordArrivals(user.induction, person);
      });
    }
    if (stage === undefined && person.plan.complete) return finishedCard(context, person);
    const target = stage ?? currentStage(person.plan)?.id;
    if (!target || !person.plan.stages.some((st) => st.id === target)) {
      return resume(context, undefined, { text: s.induction.problems['unknown-stage'], tone: 'attention' }, { school });
    }
    const situation = {
      hasManager: session.user.profile?.lineManagerAadObjectId !== undefined,
      startDate: person.state.startDate,
      today: person.today,
      priorities: person.state.priorities,
    };
    return stageCard(lang, deps.content, person.plan, target, schoolExtras(school, lang), situation, lead, at);
  }

  /** The completion card, offering the self-assessment step that fits where it stands. */
  function finishedCard(context: TurnContext, person: PersonInduction): AdaptiveCardJson {
    const { session, language } = turnData(context);
    const assessment = session.user.selfAssessment;
    const stage = assessment?.current ? 'in-progress' : (assessment?.results.length ?? 0) > 0 ? 'done' : 'not-started';
    return completeCard(language(), person.plan, person.state.priorities, stage);
  }

  function problemLead(context: TurnContext, problem: InductionProblem): Lead {
    return { text: strings(turnData(context).language()).induction.problems[problem], tone: 'attention' };
  }

  /** Applies a rule to the person's induction; the rule runs again on a fresh copy if two devices meet. */
  function change(context: TurnContext, rule: typeof tickItem, itemId: string, school: SchoolSettings | undefined): InductionProblem | undefined {
    const { session } = turnData(context);
    const person = personInduction(deps.content, session.user, now(), school);
    if (!person) return 'not-started';
    const trial = rule(structuredClone(person.state), person.items, itemId, now());
    if (!trial.ok) return trial.problem;
    session.change((user) => {
      if (user.induction) rule(user.induction, person.items, itemId, now());
    });
    return undefined;
  }

  app.message(commandSelector('induction', 'sefydlu'), async (context) => sendPersonalCard(context, () => resume(context)));
  onCardAction(app, Verbs.startInduction, z.object({}), async (context) => resume(context), personal);
  onCardAction(app, Verbs.showInductionStage, z.object({ stage: inductionStageIdSchema, page }), async (context, input) => resume(context, input.stage, undefined, undefined, input.page), personal);

  // The start form again, filled with what is stored, to correct the start date or journey.
  onCardAction(app, Verbs.editInductionStart, z.object({}), async (context) => {
    const { session, language } = turnData(context);
    const state = session.user.induction;
    return state ? startCard(language(), state.startDate, '', state.mode, true) : resume(context);
  }, personal);

  onCardAction(app, Verbs.beginInduction, beginAction, async (context, { startDate, mode }) => {
    const { session, identity, language } = turnData(context);
    if (!familyOf(deps.content, session.user)) return resume(context);
    const today = londonDate(now());
    // A refresher is for long-serving staff: its dates count from the day it begins.
    const state = newInduction(mode === 'refresher' ? today : startDate.slice(0, 10), mode, today, now());
    // The date typed comes back as typed when it is at least shaped like one, so the person can correct it.
    const typed = /^\d{4}-\d{2}-\d{2}$/.test(startDate.slice(0, 10)) ? startDate.slice(0, 10) : today;
    if (!state) return startCard(language(), typed, strings(language()).induction.badDate, mode, session.user.induction !== undefined);
    session.change((user) => {
      // Starting again only moves the dates or changes the journey: ticks and priorities stay.
      user.induction = user.induction ? { ...user.induction, startDate: state.startDate, mode: state.mode } : state;
    });
    await nudges.follow(identity, now());
    return resume(context);
  }, personal);

  for (const [verb, rule] of [
    [Verbs.tickInductionItem, tickItem],
    [Verbs.untickInductionItem, untickItem],
  ] as const) {
    onCardAction(app, verb, itemAction, async (context, { itemId, stage, page: at }) => {
      const { session, identity, language } = turnData(context);
      const school = await schoolOf(deps.store, session.user);
      const problem = change(context, rule, itemId, school);
      if (problem) return resume(context, stage, problemLead(context, problem), { school }, at);
      // Saved before the card is drawn, so it shows what is stored (another device's tick too).
      await session.save();
      const person = personInduction(deps.content, session.user, now(), school);
      if (verb === Verbs.tickInductionItem && person?.plan.complete) {
        // Announced once per induction (the notices' keys), however often the last tick comes.
        await nudges.tellCompleted(session.user, now());
        return finishedCard(context, person);
      }
      const item = person?.items.find((i) => i.id === itemId);
      let lead: Lead | undefined;
      if (verb === Verbs.tickInductionItem && item?.signOff) {
        const manager = session.user.profile?.lineManagerAadObjectId;
        if (manager) await nudges.tellManagerWaiting(identity, session.user.name, manager, item, now());
        else lead = { text: strings(language()).induction.noManager, tone: 'attention' };
      }
      return resume(context, stage, lead, { school }, at);
    }, personal);
  }

  onCardAction(app, Verbs.notePriority, priorityAction, async (context, { priority, stage }) => {
    const { session, language } = turnData(context);
    const text = cleanTypedText(priority, { maxLength: 200 });
    if (!session.user.induction) return resume(context);
    if (text === '') return resume(context, stage);
    session.change((user) => {
      const list = user.induction?.priorities;
      if (list && !list.includes(text) && list.length < MAX_PRIORITIES) list.push(text);
    });
    return resume(context, stage, { text: strings(language()).induction.priorityNoted, tone: 'good' });
  }, personal);
}
