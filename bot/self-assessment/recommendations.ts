import type { SelfAssessmentContent } from '../content/self-assessment-content';
import type { AreaId, Resource } from '../content/self-assessment-schemas';
import type { Language } from '../users/user-record';

/** Resources offered per priority: enough to choose from, few enough to read on a phone. */
export const RESOURCES_PER_AREA = 3;

/**
 * The resources recommended for one area and track, those available in the reader's own
 * language first, otherwise in the library's order (the library lists the best first).
 */
export function recommend(content: SelfAssessmentContent, area: AreaId, trackId: string, language: Language): Resource[] {
  const suited = content.resourcesFor(area, trackId);
  const inTheirLanguage = suited.filter((r) => r.languages.includes(language));
  const others = suited.filter((r) => !r.languages.includes(language));
  return [...inTheirLanguage, ...others].slice(0, RESOURCES_PER_AREA);
}
