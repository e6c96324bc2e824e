import type { SelfAssessmentContent } from '../content/self-assessment-content';
import type { AreaId, Resource } from '../content/self-assessment-schemas';
import type { Language } from '../users/user-record';

/** Resources offered per priority at first sight: enough to choose from, few enough to read on a phone. */
export const RESOURCES_PER_AREA = 3;

/**
 * Further resources a priority can hold behind its "more resources" button. The library has
 * at most eight for one area and track today; the card's size bounds how many more it can carry.
 */
export const MORE_RESOURCES_PER_AREA = 5;

/**
 * The resources suited to one area and track, those available in the reader's own language
 * first, otherwise in the library's order (the library lists the best first).
 */
function suitedInOrder(content: SelfAssessmentContent, area: AreaId, trackId: string, language: Language): Resource[] {
  const suited = content.resourcesFor(area, trackId);
  const inTheirLanguage = suited.filter((r) => r.languages.includes(language));
  const others = suited.filter((r) => !r.languages.includes(language));
  return [...inTheirLanguage, ...others];
}

/** The first resources recommended for one area and track (used for the person's own skills). */
export function recommend(content: SelfAssessmentContent, area: AreaId, trackId: string, language: Language): Resource[] {
  return suitedInOrder(content, area, trackId, language).slice(0, RESOURCES_PER_AREA);
}

/** One priority's resources: those shown at once, and those behind "more resources". */
export interface PriorityResources {
  area: AreaId;
  shown: Resource[];
  more: Resource[];
  /** True when every resource suited to this priority is already listed under an earlier one. */
  coveredAbove: boolean;
}

/**
 * The resources for a person's priorities, each resource once: a resource that serves several
 * priorities (the professional standards serve four areas) is listed under the first priority
 * it serves, so the results read short and no title repeats down the card.
 */
export function planResources(content: SelfAssessmentContent, priorities: readonly AreaId[], trackId: string, language: Language): PriorityResources[] {
  const listed = new Set<string>();
  return priorities.map((area) => {
    const suited = suitedInOrder(content, area, trackId, language);
    const fresh = suited.filter((r) => !listed.has(r.id)).slice(0, RESOURCES_PER_AREA + MORE_RESOURCES_PER_AREA);
    for (const r of fresh) listed.add(r.id);
    return {
      area,
      shown: fresh.slice(0, RESOURCES_PER_AREA),
      more: fresh.slice(RESOURCES_PER_AREA),
      coveredAbove: fresh.length === 0 && suited.length > 0,
    };
  });
}
