import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { JournalEntry } from '../../bot/storage/embedded/journal-entry';
import { readJournalFile } from '../../bot/storage/embedded/read-journal-file';
import { readSnapshot } from '../../bot/storage/embedded/snapshot-file';
import { createEmbeddedClient, EmbeddedStoreError, startEmbeddedCosmos } from '../../bot/storage/embedded/start-embedded-cosmos';
import { largeDoc, writeLargeSnapshot } from './fixtures/large-data-folder';

/**
 * Documents in the large folder: about 1.28 KB each, so a snapshot of about 1 GB, twice the
 * ~512 MiB (2^29 - 24 characters) V8 can hold as one string. Restarting on it takes about
 * three minutes on a 2-core machine and about 4 GB of memory, so the restart runs with the
 * heap limit the bot itself starts with (`npm start`).
 */
const LARGE_COUNT = 800_000;
const V8_MAX_STRING_LENGTH = 2 ** 29 - 24;

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function dataFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cefnogi-large-'));
  folders.push(dir);
  return dir;
}

const TS_HOOK = `
const { transpileModule, ModuleKind, ScriptTarget } = require('typescript');
const { readFileSync } = require('node:fs');
require.extensions['.ts'] = (module, filename) => {
  const options = { fileName: filename, compilerOptions: { module: ModuleKind.CommonJS, target: ScriptTarget.ES2022, esModuleInterop: true } };
  module._compile(transpileModule(readFileSync(filename, 'utf8'), options).outputText, filename);
};
require(require('node:path').resolve(process.argv[1]));
`;

interface RestartReport {
  restartMs: number;
  peakRssMb: number;
  logs: string[];
  docs: Record<string, unknown>;
}

/** Restarts the store on `dataDir` in a process of its own and reads documents `numbers` back. */
async function restartInChild(dataDir: string, numbers: number[]): Promise<RestartReport> {
  const child = spawn(process.execPath, ['--max-old-space-size=8192', '-e', TS_HOOK, join(__dirname, 'fixtures', 'large-data-folder-restart.ts'), dataDir, ...numbers.map(String)], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the restart exited with ${code}:\n${stderr}`);
  return JSON.parse(stdout) as RestartReport;
}

const snapshotOf = (...lines: string[]): string => `${lines.join('\n')}\n`;
const HEADER = '{"format":"cefnogi-embedded-cosmos","version":2}';
const HEADER_V1 = '{"format":"cefnogi-embedded-cosmos","version":1,"entries":[';
const entry = (doc: Record<string, unknown>): string => JSON.stringify({ op: 'putDoc', db: 'cefnogi', coll: 'users', doc });
const DB = JSON.stringify({ op: 'putDatabase', db: 'cefnogi' });
const USERS = JSON.stringify({ op: 'putContainer', db: 'cefnogi', container: { id: 'users', partitionKey: { paths: ['/pk'] } } });

async function entriesOf(path: string, limits = { maxLineBytes: 4096, maxWholeFileBytes: 4096 }): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  await readSnapshot(path, (e) => entries.push(e), limits);
  return entries;
}

test(`when the data folder's snapshot is larger than V8's longest string (${LARGE_COUNT} realistic documents), then the store restarts on it and every document checked comes back`, async () => {
  const dataDir = await dataFolder();
  const snapshot = join(dataDir, 'snapshot.json');
  await writeLargeSnapshot(snapshot, LARGE_COUNT);
  const { size } = await stat(snapshot);
  expect(size).toBeGreaterThan(V8_MAX_STRING_LENGTH);

  const checked = [0, 1, 2, 3, 7, 123_457, Math.floor(LARGE_COUNT / 2), LARGE_COUNT - 2, LARGE_COUNT - 1];
  const report = await restartInChild(dataDir, checked);

  expect(report.logs.find((l) => l.startsWith('restored'))).toContain(`restored 1 databases, 2 containers, ${LARGE_COUNT} documents`);
  for (const n of checked) expect(report.docs[n]).toEqual(largeDoc(n));
  // The restart wrote everything out again as the new snapshot.
  expect((await stat(snapshot)).size).toBe(size);
  if (process.env.CEFNOGI_FIGURES === '1') {
    console.log(`large data folder: ${LARGE_COUNT} documents, snapshot ${(size / 2 ** 20).toFixed(0)} MiB, restart ${report.restartMs} ms, peak RSS ${report.peakRssMb} MB`);
  }
}, 900_000);

test('when a snapshot line is longer than the most one entry may take, then start-up stops naming the file and line, before that line is read into a string', async () => {
  const dir = await dataFolder();
  const path = join(dir, 'snapshot.json');
  // Written as a stream, so the test builds no long string either.
  const out = createWriteStream(path);
  out.write(`${HEADER}\n${DB}\n${USERS}\n${entry({ id: 'a', pk: 'a' })}\n{"op":"putDoc","db":"cefnogi","coll":"users","doc":{"id":"big","pk":"big","text":"`);
  for (let i = 0; i < 64; i += 1) out.write('x'.repeat(1024));
  out.end('"}}\n{"end":true,"entries":4}\n');
  await finished(out);

  const applied: JournalEntry[] = [];
  const reading = readSnapshot(path, (e) => applied.push(e), { maxLineBytes: 4096, maxWholeFileBytes: 4096 });
  await expect(reading).rejects.toThrow(EmbeddedStoreError);
  await expect(reading).rejects.toThrow(`${path} is damaged: line 5 is longer than 4096 bytes`);
  expect(applied).toHaveLength(3); // the lines before it were read one by one
  // With the usual limit the same file reads.
  expect(await entriesOf(path, { maxLineBytes: 1 << 20, maxWholeFileBytes: 1 << 20 })).toHaveLength(4);
});

test('when a journal line is longer than the most one entry may take, then start-up stops naming the file and line', async () => {
  const dir = await dataFolder();
  const path = join(dir, 'journal.ndjson');
  await writeFile(path, snapshotOf(DB, USERS, entry({ id: 'big', pk: 'big', text: 'x'.repeat(5000) }), entry({ id: 'b', pk: 'b' })));
  await expect(readJournalFile(path, () => undefined, 4096)).rejects.toThrow(`${path} line 3 is damaged: it is longer than 4096 bytes`);
});

test("when a snapshot was written by an earlier Cefnogi (one JSON object, an entry a line), then the store starts on it and the next snapshot is JSON lines", async () => {
  const dataDir = await dataFolder();
  const path = join(dataDir, 'snapshot.json');
  await writeFile(path, `${HEADER_V1}\n${DB},\n${USERS},\n${entry({ id: 'a', pk: 'a', name: 'Ceri' })},\n${entry({ id: 'b', pk: 'b' })}\n]}\n`);
  expect(await entriesOf(path)).toHaveLength(4); // read line by line: no line is near the small limit

  const store = await startEmbeddedCosmos({ dataDir, log: () => undefined });
  const client = createEmbeddedClient(store);
  try {
    const { resource } = await client.database('cefnogi').container('users').item('a', 'a').read<{ name: string }>();
    expect(resource?.name).toBe('Ceri');
  } finally {
    client.dispose();
    await store.stop();
  }
  const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
  expect(lines[0]).toBe(HEADER);
  expect(lines.at(-1)).toBe('{"end":true,"entries":4}');
});

test('when an earlier snapshot was laid out otherwise (one line) and is small, then it is read whole as before; when it is larger than the limit, then start-up stops saying so', async () => {
  const dir = await dataFolder();
  const path = join(dir, 'snapshot.json');
  const json = JSON.stringify({ format: 'cefnogi-embedded-cosmos', version: 1, entries: [JSON.parse(DB), JSON.parse(USERS), JSON.parse(entry({ id: 'a', pk: 'a' }))] });
  await writeFile(path, json);
  expect(await entriesOf(path)).toHaveLength(3);
  await expect(entriesOf(path, { maxLineBytes: 100, maxWholeFileBytes: 100 })).rejects.toThrow('too large to read as one piece');
});

test('when a snapshot is cut short before its end line, then start-up stops saying so', async () => {
  const dir = await dataFolder();
  const path = join(dir, 'snapshot.json');
  await writeFile(path, snapshotOf(HEADER, DB, USERS, entry({ id: 'a', pk: 'a' })));
  await expect(entriesOf(path)).rejects.toThrow(`${path} is damaged: it stops before its end line`);
  await writeFile(path, snapshotOf(HEADER, DB, USERS, entry({ id: 'a', pk: 'a' }), '{"end":true,"entries":2}'));
  await expect(entriesOf(path)).rejects.toThrow('its end line counts 2 entries, but 3 came before it');
});
