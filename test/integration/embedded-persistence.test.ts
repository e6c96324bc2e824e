import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { access, appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Container, CosmosClient, ItemDefinition } from '@azure/cosmos';
import {
  createEmbeddedClient,
  startEmbeddedCosmos,
  type EmbeddedCosmos,
  type EmbeddedCosmosOptions,
} from '../../bot/storage/embedded/start-embedded-cosmos';

interface Opened {
  store: EmbeddedCosmos;
  client: CosmosClient;
  logs: string[];
  close(): Promise<void>;
}

const opened: Opened[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close()));
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function dataFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cefnogi-embedded-'));
  folders.push(dir);
  return dir;
}

async function open(dataDir: string, options: EmbeddedCosmosOptions = {}): Promise<Opened> {
  const logs: string[] = [];
  const store = await startEmbeddedCosmos({ dataDir, log: (m) => logs.push(m), ...options });
  const client = createEmbeddedClient(store);
  let closed: Promise<void> | undefined;
  const o: Opened = {
    store,
    client,
    logs,
    close: () =>
      (closed ??= (async () => {
        client.dispose();
        await store.stop();
      })()),
  };
  opened.push(o);
  return o;
}

const SYSTEM = ['_rid', '_self', '_etag', '_attachments', '_ts'];
function strip(doc: ItemDefinition): ItemDefinition {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !SYSTEM.includes(k))) as ItemDefinition;
}

/** Every document of every container, without system properties, keyed "db/container". */
async function everything(client: CosmosClient): Promise<Record<string, ItemDefinition[]>> {
  const all: Record<string, ItemDefinition[]> = {};
  const { resources: dbs } = await client.databases.readAll().fetchAll();
  for (const db of dbs) {
    const { resources: colls } = await client.database(db.id).containers.readAll().fetchAll();
    for (const coll of colls) {
      const { resources } = await client.database(db.id).container(coll.id).items.readAll().fetchAll();
      all[`${db.id}/${coll.id}`] = resources.map(strip).sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
  }
  return all;
}

async function seedThreeDocs(dataDir: string): Promise<void> {
  const first = await open(dataDir, { flushIntervalMs: 60_000 });
  const { database } = await first.client.databases.create({ id: 'cefnogi' });
  const { container } = await database.containers.create({ id: 'users', partitionKey: { paths: ['/pk'] } });
  for (const id of ['a', 'b', 'c']) await container.items.create({ id, pk: 'p' });
  await first.close(); // journal: putDatabase, putContainer, putDoc a, b, c
}

test('when docs are created, replaced, patched, upserted and deleted and the store is stopped and started again on the same folder, then the same docs are there, containers keep their partition keys, and a fresh eTag write with IfMatch works', async () => {
  const dataDir = await dataFolder();
  // A flush interval longer than the test: only stop() can have made these writes durable.
  const first = await open(dataDir, { flushIntervalMs: 60_000 });
  const { database } = await first.client.databases.create({ id: 'cefnogi' });
  const { container: users } = await database.containers.create({ id: 'users', partitionKey: { paths: ['/pk'] } });
  const { container: teams } = await database.containers.create({
    id: 'teams',
    partitionKey: { paths: ['/tenant/id'] },
    indexingPolicy: { compositeIndexes: [[{ path: '/name', order: 'ascending' }, { path: '/size', order: 'descending' }]] },
  });
  await (await database.containers.create({ id: 'dropped', partitionKey: { paths: ['/pk'] } })).container.delete();
  await (await first.client.databases.create({ id: 'scratch' })).database.delete();

  await users.items.create({ id: 'u1', pk: 't1', name: 'Ann' });
  await users.items.create({ id: 'u2', pk: 't1', visits: 1 });
  await users.items.create({ id: 'u3', pk: 't2', role: 'TA' });
  await users.items.create({ id: 'conv%2F19%3Aabc', pk: 't2' }); // an escaped Teams id
  await teams.items.create({ id: 'g1', tenant: { id: 't1' }, name: 'PLC', size: 4 });
  const { resource: u1 } = await users.item('u1', 't1').read<ItemDefinition>();
  const { resource: replaced } = await users
    .item('u1', 't1')
    .replace({ id: 'u1', pk: 't1', name: 'Ann Jones' }, { accessCondition: { type: 'IfMatch', condition: String(u1?._etag) } });
  await users.item('u2', 't1').patch([{ op: 'incr', path: '/visits', value: 2 }]);
  await users.items.upsert({ id: 'u3', pk: 't2', role: 'HLTA' });
  await users.items.upsert({ id: 'u4', pk: 't2', role: 'admin' });
  await users.item('conv%2F19%3Aabc', 't2').delete();
  const before = await everything(first.client);
  await first.close();

  const second = await open(dataDir);
  expect(await everything(second.client)).toEqual(before);
  expect(before['cefnogi/users']).toEqual([
    { id: 'u1', pk: 't1', name: 'Ann Jones' },
    { id: 'u2', pk: 't1', visits: 3 },
    { id: 'u3', pk: 't2', role: 'HLTA' },
    { id: 'u4', pk: 't2', role: 'admin' },
  ]);
  expect(Object.keys(before).sort()).toEqual(['cefnogi/teams', 'cefnogi/users']);
  const { resource: teamsDef } = await second.client.database('cefnogi').container('teams').read();
  expect(teamsDef?.partitionKey?.paths).toEqual(['/tenant/id']);
  expect(teamsDef?.indexingPolicy?.compositeIndexes?.[0]?.[1]).toMatchObject({ path: '/size', order: 'descending' });
  const { resource: usersDef } = await second.client.database('cefnogi').container('users').read();
  expect(usersDef?.partitionKey?.paths).toEqual(['/pk']);

  const restoredUsers = second.client.database('cefnogi').container('users');
  const { resource: fresh } = await restoredUsers.item('u1', 't1').read<ItemDefinition>();
  await expect(
    restoredUsers.item('u1', 't1').replace({ id: 'u1', pk: 't1', name: 'Ann' }, { accessCondition: { type: 'IfMatch', condition: String(fresh?._etag) } }),
  ).resolves.toMatchObject({ statusCode: 200 });
  // An eTag from before the restart is stale: a writer holding one retries, it never overwrites.
  await expect(
    restoredUsers.item('u1', 't1').replace({ id: 'u1', pk: 't1', name: 'Old' }, { accessCondition: { type: 'IfMatch', condition: String(replaced?._etag) } }),
  ).rejects.toMatchObject({ code: 412 });
});

test('when the store is restored, then an SDK parameterised query with the partition key in the WHERE clause returns the restored docs', async () => {
  const dataDir = await dataFolder();
  const first = await open(dataDir);
  const { database } = await first.client.databases.create({ id: 'cefnogi' });
  const { container } = await database.containers.create({ id: 'resources', partitionKey: { paths: ['/pk'] } });
  for (let i = 0; i < 30; i += 1) await container.items.create({ id: `r${i}`, pk: `plc${i % 3}`, area: i % 2 === 0 ? 'welsh' : 'sen' });
  await first.close();

  const second = await open(dataDir);
  const restored: Container = second.client.database('cefnogi').container('resources');
  const { resources } = await restored.items
    .query<{ id: string }>(
      { query: 'SELECT c.id FROM c WHERE c.pk = @pk AND c.area = @area ORDER BY c.id', parameters: [{ name: '@pk', value: 'plc1' }, { name: '@area', value: 'welsh' }] },
      { partitionKey: 'plc1' },
    )
    .fetchAll();
  expect(resources.map((r) => r.id)).toEqual(['r10', 'r16', 'r22', 'r28', 'r4']);
});

test('when docs are written, replaced and deleted in a bulk request, then a restarted store has the result', async () => {
  const dataDir = await dataFolder();
  const first = await open(dataDir);
  const { database } = await first.client.databases.create({ id: 'cefnogi' });
  const { container } = await database.containers.create({ id: 'deliveries', partitionKey: { paths: ['/pk'] } });
  await container.items.create({ id: 'gone', pk: 'b1' });
  // `items.bulk` is the quick way to send one batch request; executeBulkOperations batches on a 1 s timer.
  const results = await container.items.bulk([
    { operationType: 'Create', resourceBody: { id: 'd1', pk: 'b1', state: 'queued' } },
    { operationType: 'Upsert', resourceBody: { id: 'd2', pk: 'b2', state: 'queued' } },
    { operationType: 'Replace', id: 'd1', partitionKey: 'b1', resourceBody: { id: 'd1', pk: 'b1', state: 'sent' } },
    { operationType: 'Delete', id: 'gone', partitionKey: 'b1' },
    { operationType: 'Read', id: 'd2', partitionKey: 'b2' },
  ]);
  expect(results.map((r) => r.statusCode)).toEqual([201, 201, 200, 204, 200]);
  await first.close();

  const second = await open(dataDir);
  expect((await everything(second.client))['cefnogi/deliveries']).toEqual([
    { id: 'd1', pk: 'b1', state: 'sent' },
    { id: 'd2', pk: 'b2', state: 'queued' },
  ]);
});

/** The child's code is TypeScript: transpile it on the fly with the compiler, as Jest does for this file. */
const TS_HOOK = `
const { transpileModule, ModuleKind, ScriptTarget } = require('typescript');
const { readFileSync } = require('node:fs');
require.extensions['.ts'] = (module, filename) => {
  const options = { fileName: filename, compilerOptions: { module: ModuleKind.CommonJS, target: ScriptTarget.ES2022, esModuleInterop: true } };
  module._compile(transpileModule(readFileSync(filename, 'utf8'), options).outputText, filename);
};
require(require('node:path').resolve(process.argv[1]));
`;

test('when the process is killed with SIGKILL a second after its last write, then a new store on that folder has every write', async () => {
  const dataDir = await dataFolder();
  const count = 200;
  const child = spawn(process.execPath, ['-e', TS_HOOK, join(__dirname, 'fixtures', 'embedded-writer.ts'), dataDir, String(count)], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()).includes('WROTE') && resolve());
    child.on('exit', (code) => reject(new Error(`the writer exited (${code}) before writing:\n${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect((await readFile(join(dataDir, 'journal.ndjson'), 'utf8')).split('\n').length).toBeGreaterThan(count);

  const after = await open(dataDir);
  const docs = (await everything(after.client))['killed/docs'] ?? [];
  expect(docs).toHaveLength(count - 1);
  const byId = new Map(docs.map((d) => [d.id, d]));
  expect(byId.get('doc-0')).toEqual({ id: 'doc-0', pk: 'p0', n: 0, replaced: true });
  expect(byId.get('doc-2')).toEqual({ id: 'doc-2', pk: 'p2', n: 102 });
  expect(byId.has('doc-1')).toBe(false);
  expect(byId.get(`doc-${count - 1}`)).toEqual({ id: `doc-${count - 1}`, pk: `p${(count - 1) % 5}`, n: count - 1 });
});

test("when the journal's last line is torn, then start-up restores everything before it", async () => {
  const dataDir = await dataFolder();
  await seedThreeDocs(dataDir);
  await appendFile(join(dataDir, 'journal.ndjson'), '{"op":"putDoc","db":"cefnogi","coll":"users","doc":{"id":"d","p');

  const after = await open(dataDir);
  expect((await everything(after.client))['cefnogi/users']?.map((d) => d.id)).toEqual(['a', 'b', 'c']);
  expect(after.logs.join('\n')).toMatch(/last line of journal\.ndjson was cut off/);
});

test('when a middle line of the journal is corrupt, then start-up fails with a message naming the file, and the folder is not left locked', async () => {
  const dataDir = await dataFolder();
  await seedThreeDocs(dataDir);
  const journal = join(dataDir, 'journal.ndjson');
  const lines = (await readFile(journal, 'utf8')).split('\n');
  const good = lines[3] ?? '';
  lines[3] = good.slice(0, 20);
  await writeFile(journal, lines.join('\n'));

  await expect(startEmbeddedCosmos({ dataDir, log: () => undefined })).rejects.toThrow(`${journal} line 4 is damaged`);

  lines[3] = good;
  await writeFile(journal, lines.join('\n'));
  const repaired = await open(dataDir);
  expect((await everything(repaired.client))['cefnogi/users']).toHaveLength(3);
});

test('when the journal outgrows its limit, then it is compacted into the snapshot while writes go on, and nothing is lost', async () => {
  const dataDir = await dataFolder();
  const first = await open(dataDir, { flushIntervalMs: 60_000, compactJournalAtBytes: 2048 });
  const { database } = await first.client.databases.create({ id: 'cefnogi' });
  const { container } = await database.containers.create({ id: 'log', partitionKey: { paths: ['/pk'] } });
  for (let i = 0; i < 40; i += 1) await container.items.create({ id: `e${i}`, pk: 'p', text: 'x'.repeat(40) });
  await first.store.flush(); // past the limit: starts a compaction
  for (let i = 40; i < 45; i += 1) await container.items.create({ id: `e${i}`, pk: 'p' });
  await first.close();

  const snapshot = await readFile(join(dataDir, 'snapshot.json'), 'utf8');
  expect(snapshot).toContain('"id":"e39"');
  const journal = await readFile(join(dataDir, 'journal.ndjson'), 'utf8');
  expect(journal.trim().split('\n').length).toBeLessThanOrEqual(5); // only writes after the cut
  await expect(access(join(dataDir, 'journal.compacting.ndjson'))).rejects.toThrow();

  const second = await open(dataDir);
  expect((await everything(second.client))['cefnogi/log']).toHaveLength(45);
});

test('when a second store starts on a folder in use, then it fails naming the folder', async () => {
  const dataDir = await dataFolder();
  await open(dataDir);
  await expect(startEmbeddedCosmos({ dataDir, log: () => undefined })).rejects.toThrow(`${dataDir} is in use`);
});

test("when an item over Cosmos's 2 MB limit is created, upserted or replaced on a persisted store, then it is refused with 413 as Cosmos refuses it, nothing of it is journalled, and a restart has only what was accepted", async () => {
  const dataDir = await dataFolder();
  const first = await open(dataDir, { flushIntervalMs: 60_000 });
  const { database } = await first.client.databases.create({ id: 'cefnogi' });
  const { container } = await database.containers.create({ id: 'users', partitionKey: { paths: ['/pk'] } });
  const { resource: kept } = await container.items.create<ItemDefinition>({ id: 'kept', pk: 'p', note: 'small' });
  const huge = 'x'.repeat(2 * 1024 * 1024);
  const tooLarge = { code: 413, message: expect.stringContaining('Request size is too large') };
  await expect(container.items.create({ id: 'big', pk: 'p', huge })).rejects.toMatchObject(tooLarge);
  await expect(container.items.upsert({ id: 'big', pk: 'p', huge })).rejects.toMatchObject(tooLarge);
  await expect(
    container.item('kept', 'p').replace({ id: 'kept', pk: 'p', huge }, { accessCondition: { type: 'IfMatch', condition: String(kept?._etag) } }),
  ).rejects.toMatchObject(tooLarge);
  // The server stayed usable, and the eTag held before the refusals is still current.
  await expect(
    container.item('kept', 'p').replace({ id: 'kept', pk: 'p', note: 'changed' }, { accessCondition: { type: 'IfMatch', condition: String(kept?._etag) } }),
  ).resolves.toMatchObject({ statusCode: 200 });
  await first.close();

  const journal = await readFile(join(dataDir, 'journal.ndjson'), 'utf8').catch(() => '');
  const snapshot = await readFile(join(dataDir, 'snapshot.json'), 'utf8').catch(() => '');
  expect(journal + snapshot).not.toContain('xxxxxxxx');
  const second = await open(dataDir);
  expect((await everything(second.client))['cefnogi/users']).toEqual([{ id: 'kept', pk: 'p', note: 'changed' }]);
});

test('when a document write reaches the embedded server without a Content-Length, then it is refused unmeasured and nothing is stored', async () => {
  const dataDir = await dataFolder();
  const store = await open(dataDir);
  const { database } = await store.client.databases.create({ id: 'cefnogi' });
  await database.containers.create({ id: 'users', partitionKey: { paths: ['/pk'] } });
  const status = await new Promise<number>((resolve, reject) => {
    const url = new URL('/dbs/cefnogi/colls/users/docs', store.store.endpoint);
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ms-documentdb-partitionkey': '["p"]' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.write('{"id":"chunked",'); // two writes and no length: Node sends it chunked
    req.end('"pk":"p"}');
  });
  expect(status).toBe(411);
  expect((await everything(store.client))['cefnogi/users']).toEqual([]);
});
