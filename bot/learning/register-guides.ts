import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { userKey } from '../users/user-record';
import { learningContent } from './learning-content';
import { changeSettings, readSettings } from './learning-settings';
import { hltaCard, pathwayCard, welshLearningCard } from './guide-views';

const personal = { personalOnly: true };
const toggle = z.enum(['true', 'false']).optional();
/** The checklist's toggles as Teams sends them; ids other than the content's are ignored. */
const checklistSchema = z.object(Object.fromEntries(learningContent.hlta.checklist.map((c) => [`hlta-${c.id}`, toggle])));

/** `welsh learning`, `my pathway` and `hlta`, with the readiness checklist the person keeps. */
export function registerGuides(app: Application, deps: FeatureDeps): void {
  const welsh = (context: TurnContext) => welshLearningCard(turnData(context).language(), deps.content, turnData(context).session.user);
  const pathway = (context: TurnContext) => pathwayCard(turnData(context).language(), deps.content, turnData(context).session.user);
  const hlta = async (context: TurnContext) => hltaCard(turnData(context).language(), (await readSettings(deps.store, userKey(turnData(context).identity))).hltaChecklist);

  app.message(commandSelector('welsh learning', 'learn welsh', 'dysgu cymraeg'), async (context) => sendPersonalCard(context, () => welsh(context)));
  app.message(commandSelector('my pathway', 'pathway', 'fy llwybr', 'llwybr'), async (context) => sendPersonalCard(context, () => pathway(context)));
  app.message(commandSelector('hlta', 'calu'), async (context) => sendPersonalCard(context, () => hlta(context)));
  onCardAction(app, Verbs.showWelshLearning, z.object({}), async (context) => welsh(context), personal);
  onCardAction(app, Verbs.showPathway, z.object({}), async (context) => pathway(context), personal);
  onCardAction(app, Verbs.showHlta, z.object({}), async (context) => hlta(context), personal);

  onCardAction(app, Verbs.saveHltaChecklist, checklistSchema, async (context, toggles) => {
    const { identity, language } = turnData(context);
    const ticked = learningContent.hlta.checklist.filter((c) => (toggles as Record<string, string | undefined>)[`hlta-${c.id}`] === 'true').map((c) => c.id);
    const saved = await changeSettings(deps.store, userKey(identity), (s) => void (s.hltaChecklist = ticked), deps.now());
    const s = strings(language()).guides;
    return hltaCard(language(), saved.hltaChecklist, { text: fill(s.checklistSaved, { done: String(ticked.length), total: String(learningContent.hlta.checklist.length) }), tone: 'good' });
  }, personal);
}
