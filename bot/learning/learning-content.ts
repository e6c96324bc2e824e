import type { ZodType, ZodTypeDef } from 'zod';
import qualificationsJson from '../../data/qualifications.json';
import hltaJson from '../../data/hlta.json';
import ewcJson from '../../data/ewc-registration.json';
import welshLearningJson from '../../data/welsh-learning.json';
import pathwaysJson from '../../data/pathways.json';
import rolesJson from '../../data/roles.json';
import welshLevelsJson from '../../data/welsh-levels.json';
import {
  ewcRegistrationFileSchema,
  hltaFileSchema,
  pathwaysFileSchema,
  qualificationsFileSchema,
  welshLearningFileSchema,
  type EwcRegistrationFile,
  type HltaFile,
  type PathwaysFile,
  type QualificationsFile,
  type WelshLearningFile,
} from '../content/learning-content-schemas';

/**
 * Checks one content file. Throws an Error whose message starts "content file <name>" and
 * names each bad field, so a bad file (a fact without its source among others) stops start-up.
 */
export function parseContentFile<T>(name: string, schema: ZodType<T, ZodTypeDef, unknown>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`content file ${name} is not valid:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

/** Everything "my learning" reads from data/, checked once when the module loads (at start-up). */
export interface LearningContent {
  qualifications: QualificationsFile;
  hlta: HltaFile;
  ewc: EwcRegistrationFile;
  welshLearning: WelshLearningFile;
  pathways: PathwaysFile;
}

/** Parses the five files and checks the ids they share with roles.json and welsh-levels.json. */
export function parseLearningContent(files: Record<keyof LearningContent, unknown>): LearningContent {
  const content: LearningContent = {
    qualifications: parseContentFile('qualifications.json', qualificationsFileSchema, files.qualifications),
    hlta: parseContentFile('hlta.json', hltaFileSchema, files.hlta),
    ewc: parseContentFile('ewc-registration.json', ewcRegistrationFileSchema, files.ewc),
    welshLearning: parseContentFile('welsh-learning.json', welshLearningFileSchema, files.welshLearning),
    pathways: parseContentFile('pathways.json', pathwaysFileSchema, files.pathways),
  };
  const welshLevels = new Set(welshLevelsJson.levels.map((l) => l.id));
  for (const offer of content.welshLearning.offers) {
    const unknown = offer.forLevels.filter((id) => !welshLevels.has(id));
    if (unknown.length > 0) throw new Error(`content file welsh-learning.json: offer "${offer.id}" names unknown Welsh levels ${unknown.join(', ')}`);
  }
  const roles = new Map(rolesJson.families.flatMap((f) => f.roles.map((r) => [r.id, r.levels] as const)));
  for (const role of content.pathways.roles) {
    const levels = roles.get(role.roleId);
    if (!levels) throw new Error(`content file pathways.json: unknown role "${role.roleId}"`);
    const wrong = role.levels.filter((l) => !(levels as number[]).includes(l.level));
    if (wrong.length > 0) throw new Error(`content file pathways.json: role "${role.roleId}" has no level ${wrong.map((l) => l.level).join(', ')}`);
  }
  return content;
}

export const learningContent: LearningContent = parseLearningContent({
  qualifications: qualificationsJson,
  hlta: hltaJson,
  ewc: ewcJson,
  welshLearning: welshLearningJson,
  pathways: pathwaysJson,
});
