import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import { userKey } from '../users/user-record';
import { learningContent } from './learning-content';
import type { LearningReminders } from './learning-reminders';
import { changeSettings, readSettings } from './learning-settings';
import { checkRegistration } from './registration-rules';
import { registrationCard, type RegistrationView } from './registration-view';

const personal = { personalOnly: true };
const answer = z.enum(['yes', 'no', '']).optional();
/** The questions' answers as Teams sends them: yes, no, or nothing chosen. */
const answersSchema = z.object(Object.fromEntries(learningContent.ewc.questions.map((q) => [q.id, answer])));

/** `registration` / `cofrestru`, what the answers mean, and the reminders switch. */
export function registerRegistration(app: Application, deps: FeatureDeps, reminders: LearningReminders): void {
  async function show(context: TurnContext, view: Omit<RegistrationView, 'reminders' | 'profile'> = {}) {
    const { session, identity, language } = turnData(context);
    const settings = await readSettings(deps.store, userKey(identity));
    return registrationCard(language(), { ...view, reminders: settings.reminders, profile: session.user.profile });
  }

  app.message(commandSelector('registration', 'cofrestru', 'ewc', 'cga'), async (context) => sendPersonalCard(context, () => show(context)));
  onCardAction(app, Verbs.showRegistration, z.object({}), async (context) => show(context), personal);

  onCardAction(app, Verbs.answerRegistration, answersSchema, async (context, answers) => {
    const given = answers as Record<string, string | undefined>;
    const checked = checkRegistration(learningContent.ewc.questions, given);
    return show(context, checked.ok ? { answers: given, outcome: checked.outcome } : { answers: given, unanswered: checked.unanswered });
  }, personal);

  onCardAction(app, Verbs.setLearningReminders, z.object({ on: z.boolean() }), async (context, { on }) => {
    const { identity, language } = turnData(context);
    const now = deps.now();
    await changeSettings(deps.store, userKey(identity), (s) => void (s.reminders = on), now);
    await reminders.follow(identity, on, now);
    const s = strings(language()).registration;
    return show(context, { note: on ? s.remindersStarted : s.remindersStopped });
  }, personal);
}
