import type { SelfAssessmentContent } from '../content/self-assessment-content';
import type { AreaId } from '../content/self-assessment-schemas';
import { fill, strings } from '../i18n/strings';
import type { Language } from '../users/user-record';
import { planResources } from './recommendations';
import type { AssessmentResult } from './self-assessment-state';
import { readableInstant } from './self-assessment-views';

const TOP_OF_SCALE = 4;

/**
 * A result as plain text for the EWC Professional Learning Passport: headed sections, one
 * entry a line, nothing that needs formatting to survive a paste into a web form. Bands and
 * priorities come with the resources chosen and the statements rated at the top of the scale
 * (strengths to share); the person may add what they like once it is in their Passport.
 */
export function passportText(language: Language, content: SelfAssessmentContent, result: AssessmentResult, roleName: string): string {
  const s = strings(language).selfAssessment;
  const d = s.exportDoc;
  const label = (band: number | null) => (band === null ? s.notRated : (content.scale[band - 1]?.label[language] ?? s.notRated));
  const scale = content.scale.map((p) => `${p.value} ${p.label[language]}`).join(', ');
  const areas = result.areas.filter((a) => content.isArea(a.area)).map((a) => `- ${content.area(a.area as AreaId).name[language]}: ${label(a.band)}${a.score === null ? '' : ` (${a.score}/100)`}`);
  const known = content.knownAreas(result.priorities);
  const priorities = known.map((area, i) => `${i + 1}. ${content.area(area).name[language]}`);
  // The resources the results card shows first, each once under the first priority it serves.
  const resources = planResources(content, known, result.trackId, language).flatMap((p) =>
    p.shown.map((r) => `- ${r.title[language]} (${content.area(p.area).name[language]}): ${r.link.url}`),
  );
  const strengths = content.statements
    .filter((st) => st.tracks.includes(result.trackId) && result.answers[st.id] === TOP_OF_SCALE)
    .map((st) => `- ${st.text[language]}`);
  const orNone = (lines: string[]) => (lines.length > 0 ? lines : [`- ${d.none}`]);
  return [
    d.heading,
    fill(d.role, { role: roleName }),
    fill(d.date, { date: readableInstant(result.completedAt, language) }),
    fill(d.scale, { scale }),
    '',
    d.areas,
    ...areas,
    '',
    d.priorities,
    ...orNone(priorities),
    '',
    d.resources,
    ...orNone(resources),
    '',
    d.strengths,
    ...orNone(strengths),
    '',
    d.footer,
  ].join('\n');
}
