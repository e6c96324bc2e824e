import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ZodType, ZodTypeDef } from 'zod';
import { Content } from './content';
import { rolesFileSchema, welshLevelsFileSchema } from './content-schemas';
import { inductionFileSchema } from './induction-schemas';
import { checkSelfAssessment } from './check-self-assessment';
import { resourcesFileSchema, selfAssessmentFileSchema } from './self-assessment-schemas';
import { localAuthoritiesFileSchema } from '../register/local-authority';

/** A content file failed its checks; the message names the file and the field. */
export class ContentError extends Error {}

/** Reads and checks every content file; a bad file stops start-up with what is wrong. */
export async function loadContent(dataDir: string = resolveDataDir()): Promise<Content> {
  const roles = await readContentFile(dataDir, 'roles.json', rolesFileSchema);
  const welsh = await readContentFile(dataDir, 'welsh-levels.json', welshLevelsFileSchema);
  const induction = await readContentFile(dataDir, 'induction.json', inductionFileSchema);
  assertUniqueIds('roles.json', roles.families.flatMap((f) => f.roles.map((r) => r.id)));
  assertUniqueIds('welsh-levels.json', welsh.levels.map((l) => l.id));
  assertUniqueIds('induction.json', induction.items.map((i) => i.id));
  const families = new Set(roles.families.map((f) => f.id));
  for (const item of induction.items) {
    for (const family of item.families ?? []) {
      if (!families.has(family)) throw new ContentError(`content file induction.json: item "${item.id}" names unknown job family "${family}"`);
    }
  }
  const localAuthorities = await readContentFile(dataDir, 'local-authorities.json', localAuthoritiesFileSchema);
  assertUniqueIds('local-authorities.json', localAuthorities.localAuthorities.map((la) => la.id));
  const framework = await readContentFile(dataDir, 'self-assessment.json', selfAssessmentFileSchema);
  const resources = await readContentFile(dataDir, 'resources.json', resourcesFileSchema);
  try {
    checkSelfAssessment(roles, framework, resources);
  } catch (err) {
    throw new ContentError((err as Error).message);
  }
  return new Content(roles, welsh, induction, framework, resources, localAuthorities);
}

async function readContentFile<T>(dir: string, name: string, schema: ZodType<T, ZodTypeDef, unknown>): Promise<T> {
  const file = path.join(dir, name);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new ContentError(`content file ${file} cannot be read as JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ContentError(`content file ${file} is not valid:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

function assertUniqueIds(file: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new ContentError(`content file ${file}: id "${id}" is used twice`);
    seen.add(id);
  }
}

/** data/ sits at the project root, found upwards from here whether running from source or dist/. */
function resolveDataDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'data'))) return path.join(dir, 'data');
    if (path.dirname(dir) === dir) throw new ContentError(`no data/ folder found above ${__dirname}`);
  }
}
