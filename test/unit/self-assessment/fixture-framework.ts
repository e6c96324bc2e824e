import { SelfAssessmentContent } from '../../../bot/content/self-assessment-content';
import { areaIds, type AreaId, type Resource, type SelfAssessmentFile } from '../../../bot/content/self-assessment-schemas';

const both = (en: string) => ({ en, cy: `${en} (cy)` });

/** A small framework: two statements per area for track "t", one for track "w" in communication and own skills. */
export function fixtureFramework(): SelfAssessmentFile {
  return {
    welshReviewed: false,
    scale: [1, 2, 3, 4].map((value) => ({ value, label: both(`point ${value}`), hint: both(`hint ${value}`) })),
    tracks: [
      { id: 't', name: both('Track T'), roles: [{ roleId: 'teaching-assistant', levels: [2] }] },
      { id: 'w', name: both('Track W'), roles: [{ roleId: 'business-management' }] },
    ],
    areas: areaIds.map((id) => ({ id, ...(id === 'own-skills' ? { name: both(`Area ${id}`) } : {}), summary: both(`About ${id}`) })),
    statements: [
      ...areaIds.flatMap((area) => [1, 2].map((n) => ({ id: `${area}-${n}`, area, tracks: ['t'], text: both(`I can ${area} ${n}`) }))),
      { id: 'w-communication', area: 'communication' as const, tracks: ['w'], text: both('I can answer a parent') },
      { id: 'w-own', area: 'own-skills' as const, tracks: ['w'], text: both('I can write a letter') },
    ],
  };
}

export function fixtureResource(id: string, areas: AreaId[], languages: ('cy' | 'en')[], tracks?: string[]): Resource {
  return {
    id,
    title: both(id),
    summary: both(`summary ${id}`),
    type: 'guidance',
    languages,
    link: { url: 'https://hwb.gov.wales/', label: both('Hwb') },
    areas,
    ...(tracks ? { tracks } : {}),
  };
}

export function fixtureContent(resources: Resource[] = []): SelfAssessmentContent {
  return new SelfAssessmentContent(fixtureFramework(), resources, [
    { id: 'teaching-assistant-2', roleId: 'teaching-assistant', level: 2 },
    { id: 'business-management-1', roleId: 'business-management', level: 1 },
  ]);
}
