import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AdmZip from 'adm-zip';
import { readManifestShape, validateAppPackage } from './validate-manifest';

/*
 * Builds the zip a Teams administrator uploads: appPackage/ with the Teams Toolkit
 * placeholders filled from the environment, checked against the official schema first,
 * so a package that Teams would refuse is never produced.
 *   BOT_ID=<guid> [TEAMS_APP_ID=<guid>] npm run package:app
 */

/** A problem with the inputs; its message is written for the person running the script. */
export class PackagingError extends Error {
  override name = 'PackagingError';
}

/** Where the app package comes from and goes to; `env` is passed in so tests need no process state. */
export interface PackageOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly appPackageDir: string;
  readonly outFile: string;
  readonly log?: (line: string) => void;
}

/** What was built, so a caller can report it or a test can check it. */
export interface PackageResult {
  readonly outFile: string;
  readonly botId: string;
  readonly teamsAppId: string;
  readonly entries: readonly string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const ICON_SIZES = { color: 192, outline: 32 } as const;

/**
 * Reads the ids from the environment. BOT_ID is required; the Teams app id may be the
 * same GUID (as Teams Toolkit does by default), so TEAMS_APP_ID falls back to it.
 */
export function resolveIds(env: PackageOptions['env'], log: (line: string) => void): { botId: string; teamsAppId: string } {
  const botId = env['BOT_ID']?.trim();
  if (!botId) throw new PackagingError('BOT_ID is not set: give the bot\'s Microsoft App ID (a GUID), e.g. BOT_ID=… npm run package:app');
  if (!GUID.test(botId)) throw new PackagingError(`BOT_ID must be a GUID (the bot's Microsoft App ID), got "${botId}"`);
  const teamsAppId = env['TEAMS_APP_ID']?.trim();
  if (!teamsAppId) {
    log(`TEAMS_APP_ID is not set: using BOT_ID (${botId}) as the Teams app id`);
    return { botId, teamsAppId: botId };
  }
  if (!GUID.test(teamsAppId)) throw new PackagingError(`TEAMS_APP_ID must be a GUID, got "${teamsAppId}"`);
  return { botId, teamsAppId };
}

/** Replaces `${{NAME}}` placeholders; one left unfilled would reach Teams as literal text, so it stops here. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>, file: string): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new PackagingError(`${file} uses \${{${name}}}, which the packager does not fill`);
    return value;
  });
}

function readJson(dir: string, file: string, values: Readonly<Record<string, string>>): { text: string; json: unknown } {
  const path = join(dir, file);
  if (!existsSync(path)) throw new PackagingError(`${path} is missing`);
  const text = fillPlaceholders(readFileSync(path, 'utf8'), values, file);
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch (error) {
    throw new PackagingError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function readIcon(dir: string, file: string, size: number): Buffer {
  const path = join(dir, file);
  if (file.includes('..') || file.includes('/') || !existsSync(path)) throw new PackagingError(`icon ${file} must be a file in ${dir}`);
  const png = readFileSync(path);
  const isPng = png.subarray(12, 16).toString('ascii') === 'IHDR';
  if (!isPng || png.readUInt32BE(16) !== size || png.readUInt32BE(20) !== size) {
    throw new PackagingError(`icon ${file} must be a ${size}×${size} PNG (run scripts/make-icons)`);
  }
  return png;
}

/** Fills, validates and zips the app package; throws PackagingError naming what is wrong. */
export function packageApp(options: PackageOptions): PackageResult {
  const log = options.log ?? (() => undefined);
  const { botId, teamsAppId } = resolveIds(options.env, log);
  const values = { BOT_ID: botId, TEAMS_APP_ID: teamsAppId };
  const dir = options.appPackageDir;

  const manifest = readJson(dir, 'manifest.json', values);
  let shape: ReturnType<typeof readManifestShape>;
  try {
    shape = readManifestShape(manifest.json);
  } catch (error) {
    throw new PackagingError((error as Error).message);
  }
  const languages = (shape.localizationInfo?.additionalLanguages ?? []).map(({ file }) => ({ file, ...readJson(dir, file, values) }));
  const errors = validateAppPackage(manifest.json, Object.fromEntries(languages.map((l) => [l.file, l.json])));
  if (errors.length > 0) throw new PackagingError(`the app package does not validate:\n  ${errors.join('\n  ')}`);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(manifest.text, 'utf8'));
  zip.addFile(shape.icons.color, readIcon(dir, shape.icons.color, ICON_SIZES.color));
  zip.addFile(shape.icons.outline, readIcon(dir, shape.icons.outline, ICON_SIZES.outline));
  for (const language of languages) zip.addFile(language.file, Buffer.from(language.text, 'utf8'));
  mkdirSync(dirname(options.outFile), { recursive: true });
  zip.writeZip(options.outFile);

  const entries = zip.getEntries().map((e) => e.entryName);
  log(`wrote ${options.outFile} (${entries.join(', ')}) for bot ${botId}, Teams app ${teamsAppId}`);
  return { outFile: options.outFile, botId, teamsAppId, entries };
}

/** The folder holding appPackage/, found upwards from here, so the script runs from src or dist. */
function projectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'appPackage', 'manifest.json'))) return dir;
    if (dirname(dir) === dir) throw new PackagingError(`no appPackage/manifest.json above ${start}`);
  }
}

if (require.main === module) {
  try {
    const root = projectRoot(__dirname);
    packageApp({
      env: process.env,
      appPackageDir: join(root, 'appPackage'),
      outFile: join(root, 'appPackage', 'build', 'cefnogi.zip'),
      log: (line) => console.log(line),
    });
  } catch (error) {
    if (!(error instanceof PackagingError)) throw error;
    console.error(`package:app: ${error.message}`);
    process.exitCode = 1;
  }
}
