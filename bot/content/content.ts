import type { Language } from '../users/user-record';
import { recordingBilingual } from '../i18n/recording-bilingual';
import type { Bilingual, RolesFile, WelshLevelsFile } from './content-schemas';
import { inductionStageIds, type InductionFile, type InductionItem, type InductionStageId } from './induction-schemas';
import { SelfAssessmentContent } from './self-assessment-content';
import type { ResourcesFile, SelfAssessmentFile } from './self-assessment-schemas';
import type { LocalAuthoritiesFile, LocalAuthority } from '../register/local-authority';

/** One choosable role: an NJC profile at one level, e.g. "teaching-assistant-2". */
export interface RoleOption {
  id: string;
  familyId: string;
  roleId: string;
  level?: number;
  name: Bilingual;
}

/** Everything Cefnogi reads from data/, checked and indexed once at start. */
export class Content {
  readonly roles: readonly RoleOption[];
  private readonly roleById: Map<string, RoleOption>;
  private readonly welshById: Map<string, Bilingual>;
  /** The self-assessment framework and the resource library. */
  readonly selfAssessment: SelfAssessmentContent;
  /** Wales's 22 local authorities, in the file's order; every school in the register names one. */
  readonly localAuthorities: readonly LocalAuthority[];
  private readonly laById: Map<string, LocalAuthority>;

  constructor(
    rolesFile: RolesFile,
    readonly welshLevels: WelshLevelsFile,
    private readonly induction: InductionFile,
    framework: SelfAssessmentFile,
    resources: ResourcesFile,
    localAuthorities: LocalAuthoritiesFile,
  ) {
    this.roles = rolesFile.families.flatMap((family) =>
      family.roles.flatMap((role) =>
        role.levels.length === 0
          ? [{ id: role.id, familyId: family.id, roleId: role.id, name: role.name }]
          : role.levels.map((level) => ({
              id: `${role.id}-${level}`,
              familyId: family.id,
              roleId: role.id,
              level,
              name: levelName(role.name, level, role.levelLabels?.[String(level)]),
            })),
      ),
    );
    this.roleById = new Map(this.roles.map((r) => [r.id, r]));
    this.welshById = new Map(welshLevels.levels.map((l) => [l.id, l.name]));
    this.selfAssessment = SelfAssessmentContent.from(framework, resources, this.roles);
    this.localAuthorities = localAuthorities.localAuthorities;
    this.laById = new Map(this.localAuthorities.map((la) => [la.id, la]));
  }

  /** A local authority by its id; undefined for an id no longer in the file. */
  localAuthority(id: string): LocalAuthority | undefined {
    return this.laById.get(id);
  }

  /** Local authority choices for a card, alphabetical in the user's language. */
  localAuthorityChoices(language: Language): { title: string; value: string }[] {
    const collator = new Intl.Collator(language === 'cy' ? 'cy' : 'en-GB');
    return this.localAuthorities.map((la) => ({ title: la.name[language], value: la.id })).sort((a, b) => collator.compare(a.title, b.title));
  }

  role(id: string): RoleOption | undefined {
    return this.roleById.get(id);
  }

  welshLevel(id: string): Bilingual | undefined {
    return this.welshById.get(id);
  }

  /** The induction items for a job family on one journey: a new starter's four stages, or the refresher. */
  inductionItemsFor(familyId: string, mode: 'new' | 'refresher'): InductionItem[] {
    return this.induction.items.filter(
      (item) => (mode === 'refresher') === (item.stage === 'refresher') && (!item.families || item.families.includes(familyId)),
    );
  }

  /** Stage names and summaries, in order. */
  inductionStage(id: InductionStageId): { name: Bilingual; summary: Bilingual } {
    const stage = this.induction.stages.find((s) => s.id === id);
    if (!stage) throw new Error(`induction stage ${id} missing from content`);
    return stage;
  }

  readonly inductionStageOrder: readonly InductionStageId[] = inductionStageIds;

  /** Role choices for a card, in the user's language. */
  roleChoices(language: Language): { title: string; value: string }[] {
    return this.roles.map((r) => ({ title: r.name[language], value: r.id }));
  }

  welshChoices(language: Language): { title: string; value: string }[] {
    return this.welshLevels.levels.map((l) => ({ title: l.name[language], value: l.id }));
  }
}

function levelName(name: Bilingual, level: number, label: Bilingual | undefined): Bilingual {
  return recordingBilingual({
    en: `${name.en} – ${label?.en ?? `level ${level}`}`,
    cy: `${name.cy} – ${label?.cy ?? `lefel ${level}`}`,
  });
}
