import type { RolesFile } from './content-schemas';
import { keyAreaIds, ownSkillsAreaId, type AreaId, type ResourcesFile, type SelfAssessmentFile } from './self-assessment-schemas';

const FRAMEWORK = 'content file self-assessment.json:';
const RESOURCES = 'content file resources.json:';

/** The fewest statements a track may have in own-skills and in each key area it answers. */
export const minStatementsPerArea = 3;

/**
 * Cross-checks the schemas cannot express. Throws a plain Error whose message starts
 * "content file self-assessment.json:" or "content file resources.json:" and names the item;
 * the loader wraps it in a ContentError (importing ContentError here would be circular).
 */
export function checkSelfAssessment(roles: RolesFile, framework: SelfAssessmentFile, resources: ResourcesFile): void {
  assertUnique(FRAMEWORK, 'track', framework.tracks.map((t) => t.id));
  assertUnique(FRAMEWORK, 'area', framework.areas.map((a) => a.id));
  assertUnique(FRAMEWORK, 'statement', framework.statements.map((s) => s.id));
  assertUnique(RESOURCES, 'resource', resources.resources.map((r) => r.id));

  checkRoleOptions(roles, framework);
  checkAreaNames(framework);

  const trackIds = new Set(framework.tracks.map((t) => t.id));
  for (const statement of framework.statements) {
    if (new Set(statement.tracks).size !== statement.tracks.length) throw new Error(`${FRAMEWORK} statement "${statement.id}" names a track twice`);
    for (const track of statement.tracks) {
      if (!trackIds.has(track)) throw new Error(`${FRAMEWORK} statement "${statement.id}" names unknown track "${track}"`);
    }
  }
  for (const resource of resources.resources) {
    for (const track of resource.tracks ?? []) {
      if (!trackIds.has(track)) throw new Error(`${RESOURCES} resource "${resource.id}" names unknown track "${track}"`);
    }
  }

  for (const track of framework.tracks) {
    const answered = areasAnswered(framework, track.id);
    const own = countStatements(framework, track.id, ownSkillsAreaId);
    if (own < minStatementsPerArea) {
      throw new Error(`${FRAMEWORK} track "${track.id}" has ${own} statement(s) in "${ownSkillsAreaId}"; it needs at least ${minStatementsPerArea}`);
    }
    if (answered.length === 0) throw new Error(`${FRAMEWORK} track "${track.id}" answers none of the key areas`);
    for (const area of answered) {
      const count = countStatements(framework, track.id, area);
      if (count < minStatementsPerArea) {
        throw new Error(`${FRAMEWORK} track "${track.id}" has ${count} statement(s) in area "${area}"; it needs at least ${minStatementsPerArea} or none`);
      }
    }
    for (const area of [...answered, ownSkillsAreaId]) {
      const suited = resources.resources.some((r) => r.areas.includes(area) && (r.tracks === undefined || r.tracks.includes(track.id)));
      if (!suited) throw new Error(`${RESOURCES} no resource for area "${area}" suits track "${track.id}"`);
    }
  }
}

/** The key areas a track answers: those where at least one statement names it. */
export function areasAnswered(framework: SelfAssessmentFile, trackId: string): AreaId[] {
  return keyAreaIds.filter((area) => countStatements(framework, trackId, area) > 0);
}

function countStatements(framework: SelfAssessmentFile, trackId: string, area: AreaId): number {
  return framework.statements.filter((s) => s.area === area && s.tracks.includes(trackId)).length;
}

/** Key areas are named once, in key-areas.json; only the own-skills section names itself here. */
function checkAreaNames(framework: SelfAssessmentFile): void {
  for (const area of framework.areas) {
    const isKeyArea = (keyAreaIds as readonly string[]).includes(area.id);
    if (isKeyArea && area.name) throw new Error(`${FRAMEWORK} area "${area.id}" has a name: key areas are named in key-areas.json only`);
    if (!isKeyArea && !area.name) throw new Error(`${FRAMEWORK} area "${area.id}" needs a name`);
  }
}

/** Every role option ("teaching-assistant-2", or "cover-supervision" for a single-level role) is in exactly one track. */
function checkRoleOptions(roles: RolesFile, framework: SelfAssessmentFile): void {
  const levelsByRole = new Map(roles.families.flatMap((f) => f.roles.map((r) => [r.id, r.levels] as const)));
  const optionId = (roleId: string, level: number | undefined): string => (level === undefined ? roleId : `${roleId}-${level}`);
  const trackOf = new Map<string, string>();
  for (const track of framework.tracks) {
    for (const entry of track.roles) {
      const levels = levelsByRole.get(entry.roleId);
      if (levels === undefined) throw new Error(`${FRAMEWORK} track "${track.id}" names unknown role "${entry.roleId}"`);
      let chosen: (number | undefined)[];
      if (entry.levels === undefined) {
        chosen = levels.length === 0 ? [undefined] : [...levels];
      } else {
        if (levels.length === 0) throw new Error(`${FRAMEWORK} track "${track.id}" gives levels for role "${entry.roleId}", which has a single level`);
        for (const level of entry.levels) {
          if (!levels.includes(level)) throw new Error(`${FRAMEWORK} track "${track.id}" names unknown role option "${optionId(entry.roleId, level)}"`);
        }
        chosen = entry.levels;
      }
      for (const level of chosen) {
        const id = optionId(entry.roleId, level);
        const earlier = trackOf.get(id);
        if (earlier !== undefined) throw new Error(`${FRAMEWORK} role option "${id}" is in more than one track ("${earlier}" and "${track.id}")`);
        trackOf.set(id, track.id);
      }
    }
  }
  for (const [roleId, levels] of levelsByRole) {
    for (const level of levels.length === 0 ? [undefined] : levels) {
      const id = optionId(roleId, level);
      if (!trackOf.has(id)) throw new Error(`${FRAMEWORK} role option "${id}" belongs to no track`);
    }
  }
}

function assertUnique(file: string, kind: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`${file} ${kind} id "${id}" is used twice`);
    seen.add(id);
  }
}
