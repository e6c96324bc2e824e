/** Every card Cefnogi sends; tests render each one in both languages. */
export { renderWelcomeCard } from './welcome-card';
export { renderTeamWelcomeCard } from './team-welcome-card';
export { renderHelpCard } from './help-card';
export { renderNoticeCard } from './notice-card';
export { renderProfileFormCard } from './profile-form-card';
export { renderProfileCard } from './profile-card';
export { renderInductionStartCard } from './induction-start-card';
export { renderInductionStageCard } from './induction-stage-card';
export { renderInductionCompleteCard } from './induction-complete-card';
export { renderTeamCard } from './team-card';
export { renderSchoolAdminCard } from './school-admin-card';
export type { AdaptiveCardJson } from './card-kit';
export { renderAppraisalCard } from './appraisal-card';
export { renderAppraisalReviewCard } from './appraisal-review-card';
export { renderAppraisalPromptCard } from './appraisal-prompt-card';
export { renderManagerImportCard } from './manager-import-card';
