import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { conversationRefOf, identityOf, isPersonal, localeOf } from '../edge/activity-facts';
import { setTurnData } from '../edge/turn-data';
import { resolveLanguage } from '../i18n/resolve-language';
import { cleanDisplayName } from '../text/clean-typed-text';
import { meterRoundTrips } from '../storage/round-trip-meter';
import { sameConversationRef } from '../users/conversation-ref';
import { UserSession } from '../users/user-session';
import { learnEmail } from '../users/learn-email';
import { answerInBothLanguages } from '../language/both-languages-replies';
import { inTurnJournal } from '../i18n/turn-journal';
import { figureFactsOf, type FigureRecords } from '../figures/figure-records';
import type { FeatureDeps } from './feature-deps';
import { refuseTenant, tenantAllowed } from './tenant-gate';

/** What the last turns cost in storage requests; read by tests and the benchmark. */
export interface TurnStats {
  turns: number;
  lastTurnRoundTrips: number;
}

/**
 * Everything around routing, in order: refuse other tenants (nothing stored); read the
 * acting user's document once; remember how to reach them (and, once, their email);
 * route; write once. Writes go
 * out before the first reply, so a person never sees a confirmation of something that
 * was not saved.
 */
export function createTurnPipeline(app: Application, deps: FeatureDeps, stats: TurnStats, figures?: FigureRecords): (context: TurnContext) => Promise<void> {
  return async (context) => {
    if (!tenantAllowed(deps.config.ALLOWED_TENANT_IDS, context)) {
      await refuseTenant(context);
      return;
    }
    const { requests } = await meterRoundTrips(async () => {
      const identity = identityOf(context.activity);
      const session = await UserSession.load(deps.store.users, identity, deps.now);
      setTurnData(context, {
        identity,
        session,
        language: () => resolveLanguage(session.user.language, localeOf(context.activity)),
      });
      rememberUser(context, session);
      const journal = answerInBothLanguages(context, session);
      // Runs beside the turn, bounded by its own timeout: a slow Teams delays the end of a
      // first turn by at most that, and a failing one changes nothing.
      const learning = learnEmail(context, session, identity, deps);
      context.onSendActivities(async (_ctx, _activities, next) => {
        await session.save();
        return next();
      });
      const counted = figureFactsOf(session.user, deps.content);
      // Only a personal chat keeps a journal; it writes only while its reader reads both languages.
      await (journal ? inTurnJournal(journal, () => app.run(context)) : app.run(context));
      await learning;
      await session.save();
      // One place for every change a person makes to what the figures count (profile,
      // induction, self-assessment, appraisal): their figure records follow their document.
      if (figures && figureFactsOf(session.user, deps.content) !== counted) await figures.refresh(session.user, deps.now());
    });
    stats.turns += 1;
    stats.lastTurnRoundTrips = requests;
  };
}

/** Keeps the personal conversation reference (for proactive messages) and display name current. */
function rememberUser(context: TurnContext, session: UserSession): void {
  const { activity } = context;
  // Others read this name on their cards and notices: stored clean (see bot/text).
  const name = cleanDisplayName(activity.from.name);
  if (name && session.user.name !== name) session.change((user) => void (user.name = name));
  if (!isPersonal(activity) || activity.type === 'installationUpdate' && activity.action?.startsWith('remove')) return;
  const ref = conversationRefOf(activity);
  if (!sameConversationRef(session.user.conversation, ref)) session.change((user) => void (user.conversation = ref));
  // They are here, so the app is installed and not blocked: a manager's team view must not
  // go on calling them unreachable after a reinstall.
  if (session.user.reachability && session.user.reachability.status !== 'reachable') {
    session.change((user) => void delete user.reachability);
  }
}
