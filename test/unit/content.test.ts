import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadContent } from '../../bot/content/load-content';

const realData = path.join(__dirname, '..', '..', 'data');

async function dataDirWith(file: string, change: (json: Record<string, unknown>) => void): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cefnogi-content-'));
  await mkdir(dir, { recursive: true });
  for (const name of ['roles.json', 'welsh-levels.json', 'induction.json']) {
    const json = JSON.parse(await readFile(path.join(realData, name), 'utf8')) as Record<string, unknown>;
    if (name === file) change(json);
    await writeFile(path.join(dir, name), JSON.stringify(json));
  }
  return dir;
}

describe('content files', () => {
  it('when the shipped content loads, then it offers the 59 NJC role profiles and the Welsh levels in both languages', async () => {
    const content = await loadContent();
    expect(content.roles).toHaveLength(59);
    expect(content.roleChoices('cy').find((c) => c.value === 'teaching-assistant-4')?.title).toBe('Cynorthwyydd addysgu – lefel 4 (CALU)');
    expect(content.welshChoices('en').map((c) => c.value)).toContain('intermediate');
  });

  it('when a role lacks its Welsh name, then start-up stops naming the file and the field', async () => {
    const dir = await dataDirWith('roles.json', (json) => {
      const families = json.families as { roles: { name: { cy?: string } }[] }[];
      delete families[1]!.roles[0]!.name.cy;
    });
    await expect(loadContent(dir)).rejects.toThrow(/roles\.json[\s\S]*families\.1\.roles\.0\.name\.cy/);
  });

  it('when two Welsh levels share an id, then start-up stops naming the id', async () => {
    const dir = await dataDirWith('welsh-levels.json', (json) => {
      const levels = json.levels as { id: string }[];
      levels[1]!.id = levels[0]!.id;
    });
    await expect(loadContent(dir)).rejects.toThrow(/welsh-levels\.json: id "none" is used twice/);
  });

  it('when a content file is not JSON, then start-up stops naming the file', async () => {
    const dir = await dataDirWith('roles.json', () => undefined);
    await writeFile(path.join(dir, 'roles.json'), '{ nope');
    await expect(loadContent(dir)).rejects.toThrow(/roles\.json cannot be read as JSON/);
  });
});
