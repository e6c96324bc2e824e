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
import type { InductionSignOffs } from './sign-off-induction';
import { reportsOf, teamCard } from './team-view';
import type { LineManagerLinks } from './line-manager-links';
import { answeredNotice, nameOf } from './request-notice-views';

const personal = { personalOnly: true };
/** The page of `my team` a button was pressed on (cards send it as a number or its text); the manager comes back to it. */
const page = z.coerce.number().int().min(0).max(100_000).default(0);
const signOffAction = z.object({ reportId: z.string().regex(/^[0-9a-fA-F-]{36}$/), itemId: z.string().min(1).max(80), page });
/** Accept or decline, from `my team` or from the request's notice (`from: "notice"`, answered with the notice updated). */
const answerAction = z.object({ reportId: signOffAction.shape.reportId, page, from: z.enum(['team', 'notice']).default('team') });

/** `my team` / `fy nhîm`: a line manager's view of their reports, with induction sign-off. */
export function registerTeam(app: Application, deps: FeatureDeps, signOffs: InductionSignOffs, links: LineManagerLinks): void {
  async function show(context: TurnContext, lead?: { text: string; tone: 'good' | 'attention' }, at = 0): Promise<AdaptiveCardJson> {
    const { identity, language } = turnData(context);
    return teamCard(language(), deps.content, await reportsOf(deps.store, identity), deps.now(), lead, at);
  }

  app.message(commandSelector('my team', 'fy nhîm', 'fy nhim', 'team', 'tîm'), async (context) => sendPersonalCard(context, () => show(context)));
  onCardAction(app, Verbs.showTeam, z.object({ page }), async (context, input) => show(context, undefined, input.page), personal);

  for (const [verb, accept] of [
    [Verbs.acceptReport, true],
    [Verbs.declineReport, false],
  ] as const) {
    onCardAction(app, verb, answerAction, async (context, { reportId, page: at, from }) => {
      const { identity, language } = turnData(context);
      const s = strings(language()).team;
      const report = { tenantId: identity.tenantId, aadObjectId: reportId };
      const answer = await links.answer(identity, report, accept, deps.now(), { requestOnly: from === 'notice' });
      if (from === 'notice') return answeredNotice(language(), answer, await nameOf(deps.store, report));
      const text = answer === 'accepted' ? s.accepted : answer === 'declined' ? s.declined : s.notPending;
      return show(context, { text, tone: answer === 'not-pending' ? 'attention' : 'good' }, at);
    }, personal);
  }

  onCardAction(app, Verbs.signOffInductionItem, signOffAction, async (context, { reportId, itemId, page: at }) => {
    const { identity, language } = turnData(context);
    const s = strings(language());
    const outcome = await signOffs.signOff(identity, { tenantId: identity.tenantId, aadObjectId: reportId }, itemId, deps.now());
    if (outcome === 'signed-off') return show(context, { text: s.team.signedOff, tone: 'good' }, at);
    const text = outcome === 'not-your-report' ? s.team.notYourReport : s.induction.problems[outcome];
    return show(context, { text, tone: 'attention' }, at);
  }, personal);
}
