import type { SelfAssessmentContent } from '../content/self-assessment-content';
import type { Language, UserRecord } from '../users/user-record';

/**
 * The development priorities of the self-assessment summary a person shares with their
 * current line manager, as area names, for their appraisal objectives. Nothing when they
 * have not shared one (or shared it with someone who is no longer their manager): the
 * answers stay theirs, and appraisal sees only what they chose to show.
 */
export function sharedPriorities(content: SelfAssessmentContent, user: Readonly<UserRecord>, language: Language): string[] {
  const state = user.selfAssessment;
  const shared = state?.shared;
  if (!shared || shared.managerAadObjectId !== user.profile?.lineManagerAadObjectId) return [];
  const result = state.results.find((r) => r.id === shared.resultId);
  if (!result) return [];
  return content.knownAreas(result.priorities).map((area) => content.area(area).name[language]);
}
