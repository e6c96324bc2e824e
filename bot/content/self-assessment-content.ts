import type { Bilingual } from './content-schemas';
import { keyAreaNames } from './key-areas';
import {
  areaIds,
  ownSkillsAreaId,
  type AreaId,
  type Resource,
  type ResourcesFile,
  type SelfAssessmentFile,
  type Statement,
} from './self-assessment-schemas';

export type Track = SelfAssessmentFile['tracks'][number];

/** The self-assessment framework and the resource library, indexed once at start. */
export class SelfAssessmentContent {
  readonly scale: SelfAssessmentFile['scale'];
  private readonly trackByRoleOption = new Map<string, Track>();
  private readonly statementById: Map<string, Statement>;
  private readonly areaById: Map<AreaId, { name: Bilingual; summary: Bilingual }>;

  constructor(
    framework: SelfAssessmentFile,
    readonly resources: readonly Resource[],
    roleOptions: readonly { id: string; roleId: string; level?: number }[],
  ) {
    this.scale = framework.scale;
    this.statementById = new Map(framework.statements.map((s) => [s.id, s]));
    // Key areas take their names from the one list (key-areas.json); own-skills names itself.
    this.areaById = new Map(
      framework.areas.map((a) => [a.id, { name: a.id === ownSkillsAreaId ? ownName(a.name) : keyAreaNames(a.id), summary: a.summary }]),
    );
    this.statements = framework.statements;
    for (const option of roleOptions) {
      const track = framework.tracks.find((t) =>
        t.roles.some((r) => r.roleId === option.roleId && (!r.levels || (option.level !== undefined && r.levels.includes(option.level)))),
      );
      if (track) this.trackByRoleOption.set(option.id, track);
    }
    this.tracks = framework.tracks;
  }

  readonly statements: readonly Statement[];
  readonly tracks: readonly Track[];

  /** The track whose statements fit a role option such as "teaching-assistant-2". */
  trackFor(roleOptionId: string): Track | undefined {
    return this.trackByRoleOption.get(roleOptionId);
  }

  track(id: string): Track | undefined {
    return this.tracks.find((t) => t.id === id);
  }

  area(id: AreaId): { name: Bilingual; summary: Bilingual } {
    const area = this.areaById.get(id);
    if (!area) throw new Error(`self-assessment area ${id} missing from content`);
    return area;
  }

  /** True for an area id this release knows (stored results may hold older ones). */
  isArea(id: string): id is AreaId {
    return this.areaById.has(id as AreaId);
  }

  /** The ids this release knows, in the order given. */
  knownAreas(ids: readonly string[]): AreaId[] {
    return ids.filter((id): id is AreaId => this.isArea(id));
  }

  statement(id: string): Statement | undefined {
    return this.statementById.get(id);
  }

  /** The statements a track answers in one area, in file order. */
  statementsFor(trackId: string, area: AreaId): Statement[] {
    return this.statements.filter((s) => s.area === area && s.tracks.includes(trackId));
  }

  /** The areas a track answers, in the order the cards ask them (own skills last). */
  areasFor(trackId: string): AreaId[] {
    return areaIds.filter((area) => this.statementsFor(trackId, area).length > 0);
  }

  /** Resources for an area that suit a track, in file order. */
  resourcesFor(area: AreaId, trackId: string): Resource[] {
    return this.resources.filter((r) => r.areas.includes(area) && (!r.tracks || r.tracks.includes(trackId)));
  }

  static from(framework: SelfAssessmentFile, resources: ResourcesFile, roleOptions: readonly { id: string; roleId: string; level?: number }[]): SelfAssessmentContent {
    return new SelfAssessmentContent(framework, resources.resources, roleOptions);
  }
}

function ownName(name: Bilingual | undefined): Bilingual {
  if (!name) throw new Error(`self-assessment area ${ownSkillsAreaId} has no name`);
  return name;
}
