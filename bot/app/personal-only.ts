import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderOneToOneCard } from '../../cards/one-to-one-card';
import { Verbs } from '../../cards/verbs';
import { isPersonal } from '../edge/activity-facts';
import { turnData } from '../edge/turn-data';
import { oneToOneChatUrl } from '../help/one-to-one-chat-link';

/** Buttons that only show something: refused elsewhere, they have nothing to leave unchanged. */
const READ_ONLY_VERBS: ReadonlySet<string> = new Set([
  Verbs.showHelp, Verbs.showAdminHelp, Verbs.editProfile, Verbs.showProfile, Verbs.startInduction, Verbs.editInductionStart,
  Verbs.showInductionStage, Verbs.showTeam, Verbs.showSchoolAdmin, Verbs.showAppraisal, Verbs.openReview, Verbs.showManagerImport,
  Verbs.startSelfAssessment, Verbs.showSelfAssessmentResults, Verbs.viewSharedSelfAssessment, Verbs.showMySchools, Verbs.findMySchool,
  Verbs.showMembers, Verbs.showRegister, Verbs.findRegisterSchool, Verbs.showRoles, Verbs.showAudit,
]);

/** True when what was asked could have changed something: a button whose verb is not a view. */
function couldHaveChanged(context: TurnContext): boolean {
  const { activity } = context;
  if (activity.type !== 'invoke') return false;
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return !(typeof verb === 'string' && READ_ONLY_VERBS.has(verb));
}

/**
 * Profiles, induction, a manager's team and school settings belong in the one-to-one chat:
 * asked for in a channel or group chat, they would show one person's records to everyone
 * there (and a colleague pressing the card would act on their own). Answers the card to
 * send instead (with a button that opens the one-to-one chat, and "nothing was changed" only
 * where something could have been), or undefined in a personal chat.
 */
export function outsidePersonalChat(context: TurnContext): AdaptiveCardJson | undefined {
  if (isPersonal(context.activity)) return undefined;
  return renderOneToOneCard(turnData(context).language(), { chatUrl: oneToOneChatUrl(context.activity), changedNothing: couldHaveChanged(context) });
}
