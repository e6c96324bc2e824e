import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { registerFallback } from '../fallback/register-fallback';
import { registerHelp } from '../help/register-help';
import type { InductionNudges } from '../induction/induction-nudges';
import { registerInduction } from '../induction/register-induction';
import type { InductionSignOffs } from '../team/sign-off-induction';
import { registerTeam } from '../team/register-team';
import { registerManagerImport } from '../team/register-manager-import';
import type { LineManagerLinks } from '../team/line-manager-links';
import { registerSchoolAdmin } from '../school/register-school-admin';
import { registerSchoolsAdmin } from '../register/register-schools-admin';
import { registerTeamSchool } from '../register/register-team-school';
import { registerLanguage } from '../language/register-language';
import { registerProfile } from '../profile/register-profile';
import { registerMySchools } from '../membership/register-my-schools';
import { registerMembers } from '../membership/register-members';
import { registerWelcome } from '../welcome/register-welcome';
import { registerSelfAssessment } from '../self-assessment/register-self-assessment';
import type { SummarySharing } from '../self-assessment/summary-sharing';
import { registerAppraisal } from '../appraisal/register-appraisal';
import { registerExport } from '../export/register-export';
import type { AppraisalPrompts } from '../appraisal/appraisal-prompts';
import type { ReportAppraisals } from '../appraisal/report-appraisal';
import type { FeatureDeps } from './feature-deps';
import type { Outbox } from '../proactive/outbox-queue';
import type { SchoolServices } from '../roles/school-services';
import { createTurnErrorHandler } from './turn-error-handler';
import { registerRoles } from '../roles/register-roles';
import { registerAudit } from '../audit/register-audit';
import { registerFigures } from '../figures/register-figures';
import { registerLearning } from '../learning/register-learning';
import type { LearningReminders } from '../learning/learning-reminders';
import { registerMessageExtension } from '../message-extension/register-message-extension';
import type { PlcSharing } from '../message-extension/plc-sharing-port';
import { registerMyData } from '../my-data/register-my-data';
import type { Scheduler } from '../proactive/scheduler-service';
import { registerBroadcasts } from '../broadcasts/register-broadcasts';
import type { BroadcastServices } from '../broadcasts/broadcast-services';
import { plcCapability } from '../plc/register-plc-capability';
import type { PlcDigests } from '../plc/plc-digest';

/**
 * The teams-ai application with every capability's routes. Routes match in the order
 * added, so the fallback comes last. No teams-ai storage: Cefnogi's own repositories read
 * what a turn needs once (see the turn pipeline).
 */
export function createApp(
  adapter: TeamsAdapter,
  deps: FeatureDeps,
  services: {
    nudges: InductionNudges;
    signOffs: InductionSignOffs;
    links: LineManagerLinks;
    sharing: SummarySharing;
    appraisal: AppraisalPrompts;
    reports: ReportAppraisals;
    outbox: Outbox;
    schools: SchoolServices;
    learningReminders: LearningReminders;
    /** The PLCs' sharing, once they exist: the message extension searches and shares through it. */
    plcSharing?: PlcSharing;
    /** For durable work started from a turn (the erasure of a person's data). */
    scheduler: Scheduler;
    broadcasts: BroadcastServices;
    plcDigests: PlcDigests;
  },
): Application {
  const app = new Application({
    adapter,
    startTypingTimer: false,
    longRunningMessages: false,
    removeRecipientMention: true,
  });
  const plc = plcCapability(deps, services.outbox, services.plcDigests);
  plc.membership(app);
  registerWelcome(app, deps);
  registerLanguage(app, deps);
  registerHelp(app, deps, services.schools);
  registerProfile(app, deps, services.links, services.schools.register);
  registerMySchools(app, deps, services.schools);
  registerMembers(app, deps, services.schools);
  registerInduction(app, deps, services.nudges);
  registerAppraisal(app, deps, services.appraisal, services.reports);
  registerTeam(app, deps, services.signOffs, services.links);
  registerSchoolAdmin(app, deps, services.schools);
  registerSchoolsAdmin(app, deps, services.schools);
  registerTeamSchool(app, deps, services.schools);
  registerSelfAssessment(app, deps, services.sharing);
  registerManagerImport(app, deps, services.outbox, services.schools);
  registerExport(app, deps);
  registerRoles(app, deps, services.outbox, services.schools);
  registerAudit(app, deps, services.schools);
  registerFigures(app, deps, services.schools);
  registerLearning(app, deps, services.learningReminders);
  registerMessageExtension(app, { ...deps, plcSharing: services.plcSharing, outbox: services.outbox });
  registerMyData(app, deps, services.scheduler);
  registerBroadcasts(app, deps, services.schools, services.broadcasts);
  plc.routes(app);
  registerFallback(app, deps);
  app.error(createTurnErrorHandler(deps.log));
  return app;
}
