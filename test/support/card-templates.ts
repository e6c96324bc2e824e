import type { ZodTypeAny } from 'zod';
import type { Language } from '../../bot/users/user-record';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { appraisalCardDataSchema, renderAppraisalCard } from '../../cards/appraisal-card';
import { auditCardDataSchema, renderAuditCard } from '../../cards/audit-card';
import { figuresCardDataSchema, renderFiguresCard } from '../../cards/figures-card';
import { membersCardDataSchema, renderMembersCard } from '../../cards/members-card';
import { mySchoolsCardDataSchema, renderMySchoolsCard } from '../../cards/my-schools-card';
import { registerCardDataSchema, renderRegisterCard } from '../../cards/register-card';
import { renderRolesCard, rolesCardDataSchema } from '../../cards/roles-card';
import { renderSchoolChooserCard, schoolChooserCardDataSchema } from '../../cards/school-chooser-card';
import { appraisalPromptCardDataSchema, renderAppraisalPromptCard } from '../../cards/appraisal-prompt-card';
import { appraisalReviewCardDataSchema, renderAppraisalReviewCard } from '../../cards/appraisal-review-card';
import { appraisalRecordCardDataSchema, renderAppraisalRecordCard } from '../../cards/appraisal-record-card';
import { appraisalObjectiveCardDataSchema, renderAppraisalObjectiveCard } from '../../cards/appraisal-objective-card';
import { helpCardDataSchema, renderHelpCard } from '../../cards/help-card';
import { inductionCompleteCardDataSchema, renderInductionCompleteCard } from '../../cards/induction-complete-card';
import { inductionStageCardDataSchema, renderInductionStageCard } from '../../cards/induction-stage-card';
import { inductionStartCardDataSchema, renderInductionStartCard } from '../../cards/induction-start-card';
import { managerImportCardDataSchema, renderManagerImportCard } from '../../cards/manager-import-card';
import { noticeCardDataSchema, renderNoticeCard } from '../../cards/notice-card';
import { oneToOneCardDataSchema, renderOneToOneCard } from '../../cards/one-to-one-card';
import { profileCardDataSchema, renderProfileCard } from '../../cards/profile-card';
import { profileFormCardDataSchema, renderProfileFormCard } from '../../cards/profile-form-card';
import { renderSchoolAdminCard, schoolAdminCardDataSchema } from '../../cards/school-admin-card';
import { renderSelfAssessmentAreaCard, selfAssessmentAreaCardDataSchema } from '../../cards/self-assessment-area-card';
import { renderSelfAssessmentExportCard, selfAssessmentExportCardDataSchema } from '../../cards/self-assessment-export-card';
import { renderSelfAssessmentResultsCard, selfAssessmentResultsCardDataSchema } from '../../cards/self-assessment-results-card';
import { renderTeamCard, teamCardDataSchema } from '../../cards/team-card';
import { renderTeamWelcomeCard, teamWelcomeCardDataSchema } from '../../cards/team-welcome-card';
import { renderWelcomeCard, welcomeCardDataSchema } from '../../cards/welcome-card';
import { learningEntryCardDataSchema, renderLearningEntryCard } from '../../cards/learning-entry-card';
import { learningLogCardDataSchema, renderLearningLogCard } from '../../cards/learning-log-card';
import { learningGuideCardDataSchema, renderLearningGuideCard } from '../../cards/learning-guide-card';
import { learningExportCardDataSchema, renderLearningExportCard } from '../../cards/learning-export-card';
import { learningEvidenceCardDataSchema, renderLearningEvidenceCard } from '../../cards/learning-evidence-card';
import { renderResourceCard, resourceCardDataSchema } from '../../cards/resource-card';
import { renderShareToPlcCard, shareToPlcCardDataSchema } from '../../cards/share-to-plc-card';
import { myDataCardDataSchema, renderMyDataCard } from '../../cards/my-data-card';
import { myDataDeleteCardDataSchema, renderMyDataDeleteCard } from '../../cards/my-data-delete-card';
import { broadcastComposeCardDataSchema, renderBroadcastComposeCard } from '../../cards/broadcast-compose-card';
import { broadcastCardDataSchema, renderBroadcastCard } from '../../cards/broadcast-card';
import { plcFormCardDataSchema, renderPlcFormCard } from '../../cards/plc-form-card';
import { plcLibraryCardDataSchema, renderPlcLibraryCard } from '../../cards/plc-library-card';
import { plcResourceCardDataSchema, renderPlcResourceCard } from '../../cards/plc-resource-card';
import { plcSettingsCardDataSchema, renderPlcSettingsCard } from '../../cards/plc-settings-card';
import { plcDigestCardDataSchema, renderPlcDigestCard } from '../../cards/plc-digest-card';
import { plcSavedCardDataSchema, renderPlcSavedCard } from '../../cards/plc-saved-card';

/** A card template as the card tests draw it: the data schema the generators read, and its renderer. */
export interface CardTemplate {
  schema: ZodTypeAny;
  render: (language: Language, data: never) => AdaptiveCardJson;
}

/** Every card template in cards/ (a test checks that none is missing), for the tests that draw them all. */
export const cardTemplates: Record<string, CardTemplate> = {
  'welcome-card': { schema: welcomeCardDataSchema, render: renderWelcomeCard },
  'team-welcome-card': { schema: teamWelcomeCardDataSchema, render: renderTeamWelcomeCard },
  'help-card': { schema: helpCardDataSchema, render: renderHelpCard },
  'one-to-one-card': { schema: oneToOneCardDataSchema, render: renderOneToOneCard },
  'notice-card': { schema: noticeCardDataSchema, render: renderNoticeCard },
  'profile-form-card': { schema: profileFormCardDataSchema, render: renderProfileFormCard },
  'profile-card': { schema: profileCardDataSchema, render: renderProfileCard },
  'induction-start-card': { schema: inductionStartCardDataSchema, render: renderInductionStartCard },
  'induction-stage-card': { schema: inductionStageCardDataSchema, render: renderInductionStageCard },
  'induction-complete-card': { schema: inductionCompleteCardDataSchema, render: renderInductionCompleteCard },
  'team-card': { schema: teamCardDataSchema, render: renderTeamCard },
  'school-admin-card': { schema: schoolAdminCardDataSchema, render: renderSchoolAdminCard },
  'self-assessment-area-card': { schema: selfAssessmentAreaCardDataSchema, render: renderSelfAssessmentAreaCard },
  'self-assessment-results-card': { schema: selfAssessmentResultsCardDataSchema, render: renderSelfAssessmentResultsCard },
  'self-assessment-export-card': { schema: selfAssessmentExportCardDataSchema, render: renderSelfAssessmentExportCard },
  'appraisal-card': { schema: appraisalCardDataSchema, render: renderAppraisalCard },
  'appraisal-objective-card': { schema: appraisalObjectiveCardDataSchema, render: renderAppraisalObjectiveCard },
  'appraisal-review-card': { schema: appraisalReviewCardDataSchema, render: renderAppraisalReviewCard },
  'appraisal-record-card': { schema: appraisalRecordCardDataSchema, render: renderAppraisalRecordCard },
  'appraisal-prompt-card': { schema: appraisalPromptCardDataSchema, render: renderAppraisalPromptCard },
  'manager-import-card': { schema: managerImportCardDataSchema, render: renderManagerImportCard },
  'my-data-card': { schema: myDataCardDataSchema, render: renderMyDataCard },
  'my-data-delete-card': { schema: myDataDeleteCardDataSchema, render: renderMyDataDeleteCard },
  'audit-card': { schema: auditCardDataSchema, render: renderAuditCard },
  'figures-card': { schema: figuresCardDataSchema, render: renderFiguresCard },
  'members-card': { schema: membersCardDataSchema, render: renderMembersCard },
  'my-schools-card': { schema: mySchoolsCardDataSchema, render: renderMySchoolsCard },
  'register-card': { schema: registerCardDataSchema, render: renderRegisterCard },
  'roles-card': { schema: rolesCardDataSchema, render: renderRolesCard },
  'school-chooser-card': { schema: schoolChooserCardDataSchema, render: renderSchoolChooserCard },
  'learning-entry-card': { schema: learningEntryCardDataSchema, render: renderLearningEntryCard },
  'learning-log-card': { schema: learningLogCardDataSchema, render: renderLearningLogCard },
  'learning-guide-card': { schema: learningGuideCardDataSchema, render: renderLearningGuideCard },
  'learning-export-card': { schema: learningExportCardDataSchema, render: renderLearningExportCard },
  'learning-evidence-card': { schema: learningEvidenceCardDataSchema, render: renderLearningEvidenceCard },
  'resource-card': { schema: resourceCardDataSchema, render: renderResourceCard },
  'share-to-plc-card': { schema: shareToPlcCardDataSchema, render: renderShareToPlcCard },
  'broadcast-compose-card': { schema: broadcastComposeCardDataSchema, render: renderBroadcastComposeCard },
  'broadcast-card': { schema: broadcastCardDataSchema, render: renderBroadcastCard },
  'plc-form-card': { schema: plcFormCardDataSchema, render: renderPlcFormCard },
  'plc-resource-card': { schema: plcResourceCardDataSchema, render: renderPlcResourceCard },
  'plc-library-card': { schema: plcLibraryCardDataSchema, render: renderPlcLibraryCard },
  'plc-settings-card': { schema: plcSettingsCardDataSchema, render: renderPlcSettingsCard },
  'plc-digest-card': { schema: plcDigestCardDataSchema, render: renderPlcDigestCard },
  'plc-saved-card': { schema: plcSavedCardDataSchema, render: renderPlcSavedCard },
};

/** Every template, with what one test adds to some of them (e.g. the hints its generator cannot guess). */
export function withCardTemplates<X extends object>(extra: Record<string, X>): Record<string, CardTemplate & Partial<X>> {
  return Object.fromEntries(Object.entries(cardTemplates).map(([name, template]) => [name, { ...template, ...extra[name] } as CardTemplate & Partial<X>]));
}
