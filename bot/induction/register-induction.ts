import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
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
import { familyOf, personInduction } from './person-induction';
import { newInduction } from './start-induction';
import { schoolOf } from '../school/school-induction';
import type { SchoolSettings } from '../school/school-settings';
import type { InductionNudges } from './induction-nudges';

const itemAction = z.object({ itemId: z.string().min(1).max(80), stage: inductionStageIdSchema });
const beginAction = z.object({ startDate: z.string().max(40).default(''), mode: z.enum(['new', 'refresher']).default('new') });
const priorityAction = z.object({ priority: z.string().max(200).optional(), stage: inductionStageIdSchema });
const MAX_PRIORITIES = 5;
const personal = { personalOnly: true };

type Lead = { text: string; tone: 'good' | 'attention' };

/** Induction: start, resume where the person is, tick and untick, note priorities, finish. */
export function registerInduction(app: Application, deps: FeatureDeps, nudges: InductionNudges): void {
  const now = () => deps.now();

  /** The card for where the person is: profile first, the start form, their stage, or done. */
  async function resume(context: TurnContext, stage?: InductionStageId, lead?: Lead): Promise<AdaptiveCardJson> {
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
    const school = await schoolOf(deps.store, session.user);
    const person = personInduction(deps.content, session.user, now(), school);
    if (!person) return startCard(lang, londonDate(now()));
    if (stage === undefined && person.plan.complete) return completeCard(lang, person.plan, person.state.priorities);
    const target = stage ?? currentStage(person.plan)?.id;
    if (!target || !person.plan.stages.some((st) => st.id === target)) {
      return resume(context, undefined, { text: s.induction.problems['unknown-stage'], tone: 'attention' });
    }
    return stageCard(lang, deps.content, person.plan, target, schoolExtras(school, lang), lead);
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
  onCardAction(app, Verbs.showInductionStage, z.object({ stage: inductionStageIdSchema }), async (context, { stage }) => resume(context, stage), personal);

  onCardAction(app, Verbs.beginInduction, beginAction, async (context, { startDate, mode }) => {
    const { session, identity, language } = turnData(context);
    if (session.user.induction || !familyOf(deps.content, session.user)) return resume(context);
    const state = newInduction(startDate.slice(0, 10), mode, londonDate(now()), now());
    if (!state) return startCard(language(), londonDate(now()), strings(language()).induction.badDate);
    session.change((user) => {
      user.induction ??= state;
    });
    await nudges.follow(identity, now());
    return resume(context);
  }, personal);

  for (const [verb, rule] of [
    [Verbs.tickInductionItem, tickItem],
    [Verbs.untickInductionItem, untickItem],
  ] as const) {
    onCardAction(app, verb, itemAction, async (context, { itemId, stage }) => {
      const school = await schoolOf(deps.store, turnData(context).session.user);
      const problem = change(context, rule, itemId, school);
      if (problem) return resume(context, stage, problemLead(context, problem));
      const person = personInduction(deps.content, turnData(context).session.user, now(), school);
      if (verb === Verbs.tickInductionItem && person?.plan.complete) return completeCard(turnData(context).language(), person.plan, person.state.priorities);
      return resume(context, stage);
    }, personal);
  }

  onCardAction(app, Verbs.notePriority, priorityAction, async (context, { priority, stage }) => {
    const { session, language } = turnData(context);
    const text = priority?.trim().replace(/\s+/g, ' ') ?? '';
    if (!session.user.induction) return resume(context);
    if (text === '') return resume(context, stage);
    session.change((user) => {
      const list = user.induction?.priorities;
      if (list && !list.includes(text) && list.length < MAX_PRIORITIES) list.push(text);
    });
    return resume(context, stage, { text: strings(language()).induction.priorityNoted, tone: 'good' });
  }, personal);
}
