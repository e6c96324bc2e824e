import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import AdmZip from 'adm-zip';
import { drawColourIcon, drawOutlineIcon } from '../../scripts/make-icons';
import { packageApp, PackagingError, type PackageOptions } from '../../scripts/package-app';
import { readManifestShape, validateAppPackage, validateLocalization, validateManifest } from '../../scripts/validate-manifest';

const APP_PACKAGE = join(__dirname, '..', '..', 'appPackage');
const BOT_ID = '3f0c7c1e-5d2a-4b7e-9a41-2c8d6e0f1a23';
const TEAMS_APP_ID = '8b6a2d4f-1c3e-4f5a-b7d9-0e2f4a6c8b1d';

type Json = Record<string, unknown>;

function readAppFile(file: string): string {
  return readFileSync(join(APP_PACKAGE, file), 'utf8');
}

/** The manifest as Teams Toolkit would fill it; a fresh copy each time so tests can break it. */
function filledManifest(): Json {
  const text = readAppFile('manifest.json').replaceAll('${{BOT_ID}}', BOT_ID).replaceAll('${{TEAMS_APP_ID}}', TEAMS_APP_ID);
  return JSON.parse(text) as Json;
}

function welsh(): Json {
  return JSON.parse(readAppFile('cy.json')) as Json;
}

interface DecodedPng {
  width: number;
  height: number;
  pixels: Buffer;
}

/** A decoder written apart from the encoder (CRCs by zlib's own crc32): RGBA, filter 0 only. */
function decodePng(png: Buffer): DecodedPng {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error('no IHDR chunk');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([header[8], header[9], header[12]]).toEqual([8, 6, 0]); // 8-bit RGBA, not interlaced
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4 + 1;
  expect(raw.length).toBe(stride * height);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    if (raw[y * stride] !== 0) throw new Error(`row ${y} uses filter ${raw[y * stride]}; only filter 0 is decoded here`);
    rows.push(raw.subarray(y * stride + 1, (y + 1) * stride));
  }
  return { width, height, pixels: Buffer.concat(rows) };
}

describe('Teams app package', () => {
  const manifestVersion = String(filledManifest()['manifestVersion']);

  test(`when the manifest is filled with ids, then it validates against the Teams schema v${manifestVersion}`, () => {
    const manifest = filledManifest();
    expect(Number(manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(manifest['$schema']).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
    expect(validateManifest(manifest)).toEqual([]);
  });

  test('when a filled manifest breaks the schema, then validation names the broken fields', () => {
    const manifest = filledManifest();
    const [bot] = manifest['bots'] as Json[];
    if (!bot) throw new Error('manifest has no bot');
    bot['botId'] = 'not-a-guid';
    manifest['name'] = { short: 'Cefnogi, a name far too long for Teams', full: 'x' };
    const errors = validateManifest(manifest).join('\n');
    expect(errors).toContain('/bots/0/botId');
    expect(errors).toContain('/name/short');
  });

  test('when the manifest is unfilled, then validation refuses the placeholders', () => {
    const raw = JSON.parse(readAppFile('manifest.json')) as Json;
    expect(validateManifest(raw).join('\n')).toMatch(/\/id .*pattern/);
  });

  test('when the manifest is filled with ids, then the Welsh localization validates and translates every command', () => {
    const manifest = filledManifest();
    expect(manifest['localizationInfo']).toEqual({ defaultLanguageTag: 'en-gb', additionalLanguages: [{ languageTag: 'cy', file: 'cy.json' }] });
    expect(validateAppPackage(manifest, { 'cy.json': welsh() })).toEqual([]);

    const cy = welsh();
    const personal = readManifestShape(manifest).bots[0]?.commandLists[0]?.commands ?? [];
    const welshTitles = personal.map((_, j) => cy[`bots[0].commandLists[0].commands[${j}].title`]);
    expect(Object.fromEntries(personal.map((c, j) => [c.title, welshTitles[j]]))).toEqual({
      help: 'cymorth',
      profile: 'proffil',
      induction: 'sefydlu',
      'my team': 'fy nhîm',
      'my appraisal': 'fy arfarniad',
      'self-assessment': 'hunanasesiad',
      'my schools': 'fy ysgolion',
      admin: 'gweinyddu',
      Cymraeg: 'Cymraeg',
      English: 'English',
    });
    personal.forEach((command, j) => {
      expect(cy[`bots[0].commandLists[0].commands[${j}].description`]).not.toBe(command.description);
    });
  });

  test('when a command has no Welsh title, then validation names the missing key', () => {
    const shape = readManifestShape(filledManifest());
    const cy = welsh();
    delete cy['bots[0].commandLists[0].commands[3].title'];
    cy['bots[0].commandLists[2].commands[0].title'] = 'dim';
    const errors = validateLocalization(shape, cy, 'cy.json').join('\n');
    expect(errors).toContain('"bots[0].commandLists[0].commands[3].title" has no translation');
    expect(errors).toContain('"bots[0].commandLists[2].commands[0].title" translates nothing');
  });

  test('when the manifest is read, then its message extension offers the "PLC resources" search and the "Share to a PLC" action, in Welsh too', () => {
    const manifest = filledManifest();
    const [extension] = manifest['composeExtensions'] as Json[];
    expect(extension?.['botId']).toBe(BOT_ID);
    const commands = (extension?.['commands'] ?? []) as Json[];
    expect(commands.map((c) => [c['id'], c['type'], c['title']])).toEqual([
      ['plcResources', 'query', 'PLC resources'],
      ['shareToPlc', 'action', 'Share to a PLC'],
    ]);
    expect(commands[1]?.['fetchTask']).toBe(true);
    expect(commands[1]?.['context']).toEqual(['message', 'compose']);
    const cy = welsh();
    expect(cy['composeExtensions[0].commands[0].title']).toBe("Adnoddau'r cymunedau dysgu");
    expect(cy['composeExtensions[0].commands[1].title']).toBe('Rhannu â chymuned ddysgu');
    delete cy['composeExtensions[0].commands[1].title'];
    expect(validateLocalization(readManifestShape(manifest), cy, 'cy.json').join('\n')).toContain('"composeExtensions[0].commands[1].title" has no translation');
  });

  test('when the icons are read, then the colour icon is 192×192 and the outline 32×32', () => {
    const colour = decodePng(readFileSync(join(APP_PACKAGE, 'color.png')));
    const outline = decodePng(readFileSync(join(APP_PACKAGE, 'outline.png')));
    expect([colour.width, colour.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  test('when the outline icon is read, then it holds only white and transparent pixels, and some of each', () => {
    const { pixels } = decodePng(readFileSync(join(APP_PACKAGE, 'outline.png')));
    let opaque = 0;
    let clear = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3] ?? 0;
      if (alpha > 0) expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      if (alpha === 255) opaque++;
      if (alpha === 0) clear++;
    }
    expect(opaque).toBeGreaterThan(100);
    expect(clear).toBeGreaterThan(100);
  });

  test('when the icons are read, then they are what scripts/make-icons draws and the colour one is opaque', () => {
    const colour = decodePng(readFileSync(join(APP_PACKAGE, 'color.png')));
    const outline = decodePng(readFileSync(join(APP_PACKAGE, 'outline.png')));
    expect(colour.pixels.equals(Buffer.from(drawColourIcon().pixels))).toBe(true);
    expect(outline.pixels.equals(Buffer.from(drawOutlineIcon().pixels))).toBe(true);
    for (let i = 3; i < colour.pixels.length; i += 4) if (colour.pixels[i] !== 255) throw new Error(`transparent colour pixel ${i >> 2}`);
  });
});

describe('packaging the Teams app', () => {
  let outDir: string;
  let lines: string[];
  const options = (env: PackageOptions['env']): PackageOptions => ({
    env,
    appPackageDir: APP_PACKAGE,
    outFile: join(outDir, 'cefnogi.zip'),
    log: (line) => lines.push(line),
  });

  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'cefnogi-package-'));
    lines = [];
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  test('when BOT_ID is missing, then packaging stops with a message naming BOT_ID', () => {
    expect(() => packageApp(options({ TEAMS_APP_ID }))).toThrow(PackagingError);
    expect(() => packageApp(options({}))).toThrow(/BOT_ID/);
  });

  test('when BOT_ID or TEAMS_APP_ID is not a GUID, then packaging stops naming it', () => {
    expect(() => packageApp(options({ BOT_ID: 'my-bot' }))).toThrow(/BOT_ID must be a GUID/);
    expect(() => packageApp(options({ BOT_ID, TEAMS_APP_ID: '42' }))).toThrow(/TEAMS_APP_ID must be a GUID/);
  });

  test('when only BOT_ID is set, then the zip holds the four files, filled, and the app id is the bot id', () => {
    const result = packageApp(options({ BOT_ID }));
    expect(lines.join('\n')).toMatch(/TEAMS_APP_ID is not set: using BOT_ID/);
    const zip = new AdmZip(result.outFile);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'cy.json', 'manifest.json', 'outline.png']);
    const manifestText = zip.readAsText('manifest.json');
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as Json;
    expect(manifest['id']).toBe(BOT_ID);
    expect((manifest['bots'] as Json[])[0]?.['botId']).toBe(BOT_ID);
    expect(zip.readFile('outline.png')?.equals(readFileSync(join(APP_PACKAGE, 'outline.png')))).toBe(true);
  });

  test('when TEAMS_APP_ID is set, then the manifest id is that GUID and the bot keeps BOT_ID', () => {
    const result = packageApp(options({ BOT_ID, TEAMS_APP_ID }));
    const manifest = JSON.parse(new AdmZip(result.outFile).readAsText('manifest.json')) as Json;
    expect(manifest['id']).toBe(TEAMS_APP_ID);
    expect((manifest['bots'] as Json[])[0]?.['botId']).toBe(BOT_ID);
  });
});
