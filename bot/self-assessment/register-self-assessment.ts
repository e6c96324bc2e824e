import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderNoticeCard } from '../../cards/notice-card';
import { renderSelfAssessmentExportCard } from '../../cards/self-assessment-export-card';
import type { AdaptiveCardJson, CardAction } from '../../cards/card-kit';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { areaIdSchema, type AreaId } from '../content/self-assessment-schemas';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { finishAttempt, readAreaAnswers, recordArea, resumeArea } from './attempt-rules';
import { passportText } from './passport-export';
import { keepResults, type AssessmentResult, type Attempt } from './self-assessment-state';
import { areaCard, introCard, resultsCard, retakeConfirmCard, type Lead } from './self-assessment-views';
import type { SummarySharing } from './summary-sharing';

const personal = { personalOnly: true };
const resultAction = z.object({ resultId: z.string().min(1).max(80) });
const answerAction = z
  // "results" leaves the area for the last results during a retake, keeping what was chosen as back does.
  .object({ attemptId: z.string().min(1).max(80), area: areaIdSchema, move: z.enum(['back', 'next', 'results']) })
  .catchall(z.unknown());

/**
 * The self-assessment: an area a card with back and next, resumable at any time (the attempt
 * lives in the person's own document), then results with priorities and resources, which the
 * person may share with their line manager, withdraw, export or retake.
 */
export function registerSelfAssessment(app: Application, deps: FeatureDeps, sharing: SummarySharing): void {
  const content = deps.content.selfAssessment;
  const now = () => deps.now();

  function trackOf(context: TurnContext): string | undefined {
    const roleId = turnData(context).session.user.profile?.roleId;
    return roleId ? content.trackFor(roleId)?.id : undefined;
  }

  /** The person's role as they chose it in their profile, in the reader's language. */
  function roleName(context: TurnContext): string {
    const { session, language } = turnData(context);
    const roleId = session.user.profile?.roleId;
    return (roleId && deps.content.role(roleId)?.name[language()]) || '';
  }

  function latest(context: TurnContext): AssessmentResult | undefined {
    return turnData(context).session.user.selfAssessment?.results.at(-1);
  }

  /** An area of the open attempt; during a retake it offers the last results, which are kept. */
  function area(context: TurnContext, attempt: Attempt, id: AreaId, lead?: Lead, missing: readonly string[] = []): AdaptiveCardJson {
    return areaCard(turnData(context).language(), content, attempt, id, lead, missing, latest(context));
  }

  function showResults(context: TurnContext, result: AssessmentResult, lead?: Lead, next?: CardAction): AdaptiveCardJson {
    const { session, language } = turnData(context);
    const state = session.user.selfAssessment;
    if (!state) throw new Error('results shown without a self-assessment');
    // A share with someone who is no longer their line manager shows nothing to anyone: say so.
    const shared = state.shared?.managerAadObjectId === session.user.profile?.lineManagerAadObjectId ? state.shared : undefined;
    return resultsCard(language(), content, result, { kind: 'self', state: { ...state, shared }, lead, next });
  }

  function profileFirst(context: TurnContext): AdaptiveCardJson {
    const lang = turnData(context).language();
    const s = strings(lang);
    return renderNoticeCard(lang, {
      title: s.selfAssessment.profileFirstTitle,
      text: s.selfAssessment.profileFirstText,
      actions: [{ title: s.common.setUpProfile, verb: Verbs.editProfile, data: {} }],
    });
  }

  /**
   * An open attempt whose statements no longer fit: the person's role moved to another track,
   * or a release retired the track. Its answers are for other statements, so it is closed and
   * the person told; otherwise they could never move on.
   */
  function closeMisfit(context: TurnContext): Lead | undefined {
    const { session, language } = turnData(context);
    const current = session.user.selfAssessment?.current;
    const trackId = trackOf(context);
    if (!current || (content.areasFor(current.trackId).length > 0 && (!trackId || trackId === current.trackId))) return undefined;
    session.change((user) => {
      if (user.selfAssessment?.current?.id === current.id) user.selfAssessment.current = undefined;
    });
    return { text: strings(language()).selfAssessment.attemptReset, tone: 'attention' };
  }

  /** Where the person is: profile first, their open attempt, their latest results, or the way in. */
  function resume(context: TurnContext, lead?: Lead): AdaptiveCardJson {
    const { session, language } = turnData(context);
    const lang = language();
    lead = closeMisfit(context) ?? lead;
    const current = session.user.selfAssessment?.current;
    if (current) {
      const at = resumeArea(content, current) ?? content.areasFor(current.trackId).at(-1);
      if (at) return area(context, current, at, lead);
    }
    const result = latest(context);
    if (result) return showResults(context, result, lead);
    const trackId = trackOf(context);
    if (!trackId) return profileFirst(context);
    return introCard(lang, content, trackId, roleName(context), lead);
  }

  /** Opens a new attempt for the person's current role (an open one is resumed instead). */
  function begin(context: TurnContext): AdaptiveCardJson {
    const { session } = turnData(context);
    const trackId = trackOf(context);
    if (!trackId) return profileFirst(context);
    closeMisfit(context);
    if (session.user.selfAssessment?.current) return resume(context);
    const attempt = { id: randomUUID(), trackId, startedAt: now().toISOString(), answers: {}, doneAreas: [] };
    session.change((user) => {
      const state = user.selfAssessment ?? { results: [] };
      if (!state.current) state.current = structuredClone(attempt);
      user.selfAssessment = state;
    });
    return resume(context);
  }

  /**
   * A retake asks first: it starts from the first area. With an attempt already open, or no
   * results to keep, there is nothing to confirm and the person is shown where they are.
   */
  function retake(context: TurnContext): AdaptiveCardJson {
    const result = latest(context);
    if (!result || turnData(context).session.user.selfAssessment?.current) return resume(context);
    return retakeConfirmCard(turnData(context).language(), result);
  }

  /** The latest results even while a retake is under way; otherwise where the person is. */
  function lastResults(context: TurnContext, lead?: Lead): AdaptiveCardJson {
    const result = latest(context);
    return result ? showResults(context, result, lead) : resume(context, lead);
  }

  app.message(commandSelector('self-assessment', 'self assessment', 'hunanasesiad', 'hunan-asesiad'), async (context) =>
    sendPersonalCard(context, () => resume(context)),
  );
  onCardAction(app, Verbs.startSelfAssessment, z.object({}), async (context) => resume(context), personal);
  onCardAction(app, Verbs.beginSelfAssessment, z.object({}), async (context) => begin(context), personal);
  onCardAction(app, Verbs.retakeSelfAssessment, z.object({}), async (context) => retake(context), personal);

  onCardAction(app, Verbs.answerSelfAssessmentArea, answerAction, async (context, { attemptId, area: at, move, ...inputs }) => {
    const { session, language } = turnData(context);
    const s = strings(language()).selfAssessment;
    const attempt = session.user.selfAssessment?.current;
    const read = readAreaAnswers(content, attempt, { attemptId, area: at, move: move === 'next' ? 'next' : 'back', inputs });
    if (!read.ok) {
      const unanswered = read.problem === 'unanswered' ? read.unanswered : [];
      const lead: Lead = { text: fill(s.problems[read.problem], { count: String(unanswered.length) }), tone: 'attention' };
      if (!attempt || read.problem === 'stale-attempt' || read.problem === 'unknown-area') return resume(context, lead);
      if (read.problem !== 'unanswered') return area(context, attempt, at, lead);
      // What was chosen is kept (as going back would) before asking for the rest.
      session.change((user) => {
        const open = user.selfAssessment?.current;
        if (open?.id === attemptId) recordArea(open, at, read.answers, 'back');
      });
      const kept = session.user.selfAssessment?.current ?? attempt;
      return area(context, kept, at, lead, unanswered);
    }
    session.change((user) => {
      const open = user.selfAssessment?.current;
      if (open?.id === attemptId) recordArea(open, at, read.answers, move === 'next' ? 'next' : 'back');
    });
    const open = session.user.selfAssessment?.current;
    if (!open) return resume(context);
    if (move === 'results') {
      const last = latest(context);
      return last ? showResults(context, last) : area(context, open, at);
    }
    const areas = content.areasFor(open.trackId);
    const target = areas[areas.indexOf(at) + (move === 'next' ? 1 : -1)] ?? (move === 'back' ? at : undefined);
    if (target !== undefined) return area(context, open, target);
    const next = resumeArea(content, open);
    if (next) return area(context, open, next);
    // Scored inside the change, so a retry after another device's write scores what is stored.
    const finishedAt = now();
    session.change((user) => {
      const state = user.selfAssessment;
      if (!state?.current || state.current.id !== attemptId) return;
      const finished = finishAttempt(content, state.current, finishedAt);
      state.current = undefined;
      state.results = keepResults([...state.results.filter((r) => r.id !== finished.id), finished], state.shared?.resultId);
    });
    const result = session.user.selfAssessment?.results.find((r) => r.id === attemptId);
    if (!result) return resume(context);
    return showResults(context, result);
  }, personal);

  onCardAction(app, Verbs.showSelfAssessmentResults, z.object({}), async (context) => lastResults(context), personal);

  onCardAction(app, Verbs.shareSelfAssessment, resultAction, async (context, { resultId }) => {
    const { session, identity, language } = turnData(context);
    const s = strings(language()).selfAssessment;
    const result = session.user.selfAssessment?.results.find((r) => r.id === resultId);
    if (!result) return resume(context, { text: s.problems['stale-attempt'], tone: 'attention' });
    const outcome = await sharing.share(identity, session, result, now());
    if (outcome === 'no-manager') {
      // The way to name one, right where they are told to.
      const nameManager = { title: strings(language()).selfAssessmentCards.nameManager, verb: Verbs.editProfile, data: {} };
      return showResults(context, result, { text: s.noManager, tone: 'attention' }, nameManager);
    }
    if (outcome !== 'shared') return showResults(context, result, { text: s.managerNotAccepted, tone: 'attention' });
    return showResults(context, result, { text: s.sharedDone, tone: 'good' });
  }, personal);

  onCardAction(app, Verbs.unshareSelfAssessment, z.object({}), async (context) => {
    const { session, language } = turnData(context);
    session.change((user) => {
      if (user.selfAssessment) user.selfAssessment.shared = undefined;
    });
    return lastResults(context, { text: strings(language()).selfAssessment.unsharedDone, tone: 'good' });
  }, personal);

  onCardAction(app, Verbs.exportSelfAssessment, resultAction, async (context, { resultId }) => {
    const { session, language } = turnData(context);
    const lang = language();
    const result = session.user.selfAssessment?.results.find((r) => r.id === resultId);
    if (!result) return resume(context, { text: strings(lang).selfAssessment.problems['stale-attempt'], tone: 'attention' });
    // The role it was taken for: the profile's, unless the person has changed track since.
    const role = result.trackId === trackOf(context) ? roleName(context) : '';
    const text = passportText(lang, content, result, role || (content.track(result.trackId)?.name[lang] ?? ''));
    // Also as a plain message: on a phone, a message is easier to copy than a card.
    await context.sendActivity({ type: 'message', text, textFormat: 'plain' });
    return renderSelfAssessmentExportCard(lang, { text });
  }, personal);

  onCardAction(app, Verbs.viewSharedSelfAssessment, z.object({ reportId: z.string().regex(/^[0-9a-fA-F-]{36}$/) }), async (context, { reportId }) => {
    const { identity, language } = turnData(context);
    return sharing.view(identity, reportId, language());
  }, personal);
}
