import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { z } from 'zod';

/*
 * One check of the Teams app package, shared by the packager and its test, so a package
 * that the test would reject can never be built. The schemas are the official ones that
 * @microsoft/app-manifest bundles: no network is needed, and none is used.
 */

const SCHEMA_URL_BASE = 'https://developer.microsoft.com/json-schemas/teams';
const SCHEMA_FILES = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
} as const;

/** Which of the two Teams schemas a document follows. */
export type SchemaKind = keyof typeof SCHEMA_FILES;

/** The `$schema` URL a manifest or localization file of a given manifest version must carry. */
export function schemaUrl(kind: SchemaKind, manifestVersion: string): string {
  return `${SCHEMA_URL_BASE}/v${manifestVersion}/${SCHEMA_FILES[kind]}`;
}

function bundledSchemaPath(kind: SchemaKind, manifestVersion: string): string {
  const packageRoot = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(packageRoot, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, SCHEMA_FILES[kind]);
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(kind: SchemaKind, manifestVersion: string): ValidateFunction | undefined {
  const path = bundledSchemaPath(kind, manifestVersion);
  const cached = compiled.get(path);
  if (cached) return cached;
  if (!existsSync(path)) return undefined;
  // The schemas are draft-04; some of their patterns are not valid under the `u` flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(path, 'utf8')) as object);
  compiled.set(path, validate);
  return validate;
}

function describeError(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`;
}

/**
 * Validates a document against the bundled Teams schema of one manifest version and
 * checks its `$schema` URL; returns readable errors, none when it is valid.
 */
export function validateAgainstSchema(kind: SchemaKind, manifestVersion: string, document: unknown): string[] {
  const validate = validatorFor(kind, manifestVersion);
  if (!validate) return [`no bundled Teams ${kind} schema for manifest version ${manifestVersion}`];
  const errors = validate(document) ? [] : (validate.errors ?? []).map(describeError);
  const declared = typeof document === 'object' && document !== null ? (document as Record<string, unknown>)['$schema'] : undefined;
  const expected = schemaUrl(kind, manifestVersion);
  if (declared !== expected) errors.push(`/$schema must be ${expected}`);
  return errors;
}

const commandShape = z.object({ title: z.string(), description: z.string().optional() });
const manifestShape = z.object({
  manifestVersion: z.string(),
  icons: z.object({ color: z.string(), outline: z.string() }),
  localizationInfo: z
    .object({ additionalLanguages: z.array(z.object({ languageTag: z.string(), file: z.string() })).default([]) })
    .optional(),
  bots: z.array(z.object({ commandLists: z.array(z.object({ commands: z.array(commandShape) })).default([]) })).default([]),
  composeExtensions: z
    .array(z.object({ commands: z.array(commandShape.extend({ parameters: z.array(z.object({ title: z.string(), description: z.string().optional() })).default([]) })).default([]) }))
    .default([]),
});

/** The parts of a manifest the package needs: version, icons, language files, commands. */
export type ManifestShape = z.infer<typeof manifestShape>;

/** Reads the parts of a manifest the packager and the checks rely on, or says what is missing. */
export function readManifestShape(manifest: unknown): ManifestShape {
  const parsed = manifestShape.safeParse(manifest);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new Error(`manifest.json is not shaped like a Teams manifest: ${issues.join('; ')}`);
}

/** Validates manifest.json against the Teams schema of the version it declares. */
export function validateManifest(manifest: unknown): string[] {
  const version = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>)['manifestVersion'] : undefined;
  if (typeof version !== 'string') return ['/manifestVersion is missing'];
  return validateAgainstSchema('manifest', version, manifest).map((e) => `manifest.json ${e}`);
}

/**
 * Validates one localization file and checks it translates every name, description and
 * command of the manifest and nothing that is not there: Teams falls back to English for
 * a missing key silently, so only a check catches a half-translated app.
 */
export function validateLocalization(manifest: ManifestShape, localization: unknown, file: string): string[] {
  const errors = validateAgainstSchema('localization', manifest.manifestVersion, localization);
  const strings = typeof localization === 'object' && localization !== null ? (localization as Record<string, unknown>) : {};
  const expected = new Set(['name.short', 'name.full', 'description.short', 'description.full']);
  manifest.bots[0]?.commandLists.forEach((list, i) =>
    list.commands.forEach((command, j) => {
      expected.add(`bots[0].commandLists[${i}].commands[${j}].title`);
      if (command.description !== undefined) expected.add(`bots[0].commandLists[${i}].commands[${j}].description`);
    }),
  );
  // The message extension's commands and their parameters are shown to people too.
  manifest.composeExtensions[0]?.commands.forEach((command, j) => {
    const at = `composeExtensions[0].commands[${j}]`;
    expected.add(`${at}.title`);
    if (command.description !== undefined) expected.add(`${at}.description`);
    command.parameters.forEach((parameter, k) => {
      expected.add(`${at}.parameters[${k}].title`);
      if (parameter.description !== undefined) expected.add(`${at}.parameters[${k}].description`);
    });
  });
  for (const key of expected) {
    const value = strings[key];
    if (typeof value !== 'string' || value.trim() === '') errors.push(`"${key}" has no translation`);
  }
  for (const key of Object.keys(strings)) {
    if (key !== '$schema' && !expected.has(key)) errors.push(`"${key}" translates nothing in manifest.json`);
  }
  manifest.bots[0]?.commandLists.forEach((list, i) => {
    const titles = list.commands.map((_, j) => strings[`bots[0].commandLists[${i}].commands[${j}].title`]);
    if (new Set(titles).size !== titles.length) errors.push(`command list ${i} has two commands with one title`);
  });
  return errors.map((e) => `${file} ${e}`);
}

/** Everything a Teams app package must pass: the manifest and each language file it names. */
export function validateAppPackage(manifest: unknown, localizations: Readonly<Record<string, unknown>>): string[] {
  const errors = validateManifest(manifest);
  let shape: ManifestShape;
  try {
    shape = readManifestShape(manifest);
  } catch (error) {
    return [...errors, (error as Error).message];
  }
  for (const { file } of shape.localizationInfo?.additionalLanguages ?? []) {
    if (!(file in localizations)) errors.push(`${file} is named in localizationInfo but was not supplied`);
    else errors.push(...validateLocalization(shape, localizations[file], file));
  }
  return errors;
}
