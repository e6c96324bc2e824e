import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadContent } from '../../../bot/content/load-content';
import { foldKey } from '../../../bot/register/fold-text';

const realData = path.join(__dirname, '..', '..', '..', 'data');

/** A copy of every content file, with local-authorities.json changed. */
async function dataDirWithAuthorities(change: (json: { localAuthorities: { id: string; name: { en?: string; cy?: string } }[] }) => void): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cefnogi-la-'));
  for (const name of (await readdir(realData)).filter((f) => f.endsWith('.json'))) {
    const text = await readFile(path.join(realData, name), 'utf8');
    if (name !== 'local-authorities.json') await writeFile(path.join(dir, name), text);
    else {
      const json = JSON.parse(text) as Parameters<typeof change>[0];
      change(json);
      await writeFile(path.join(dir, name), JSON.stringify(json));
    }
  }
  return dir;
}

describe('the local authorities content file', () => {
  it("when the shipped content loads, then it offers Wales's 22 local authorities, each named in Welsh and English", async () => {
    const content = await loadContent();
    expect(content.localAuthorities).toHaveLength(22);
    expect(content.localAuthority('isle-of-anglesey')?.name).toEqual({ en: 'Isle of Anglesey', cy: 'Ynys Môn' });
    expect(content.localAuthority('bridgend')?.name.cy).toBe('Pen-y-bont ar Ogwr');
    expect(content.localAuthority('atlantis')).toBeUndefined();
  });

  it('when a name is folded as an import reads it, then it still names only one local authority', async () => {
    const content = await loadContent();
    const owner = new Map<string, string>();
    for (const la of content.localAuthorities) {
      for (const name of [la.id, la.name.en, la.name.cy]) {
        expect([name, owner.get(foldKey(name)) ?? la.id]).toEqual([name, la.id]);
        owner.set(foldKey(name), la.id);
      }
    }
  });

  it('when a card lists local authorities, then they are alphabetical in the reader’s language', async () => {
    const content = await loadContent();
    const cy = content.localAuthorityChoices('cy').map((c) => c.title);
    expect(cy[0]).toBe('Abertawe');
    expect(cy).toContain('Sir Gaerfyrddin');
    expect(content.localAuthorityChoices('en')[0]).toEqual({ title: 'Blaenau Gwent', value: 'blaenau-gwent' });
  });

  it('when the file is read, then its Welsh is marked for review by a fluent speaker', async () => {
    const json = JSON.parse(await readFile(path.join(realData, 'local-authorities.json'), 'utf8')) as { welshReviewed: boolean; $comment: string };
    expect(json.welshReviewed).toBe(false);
    expect(json.$comment).toMatch(/fluent speaker/);
  });

  it('when a local authority lacks its Welsh name, then start-up stops naming the file and the field', async () => {
    const dir = await dataDirWithAuthorities((json) => delete json.localAuthorities[3]!.name.cy);
    await expect(loadContent(dir)).rejects.toThrow(/local-authorities\.json[\s\S]*localAuthorities\.3\.name\.cy/);
  });

  it('when two local authorities share an id, then start-up stops naming the id', async () => {
    const dir = await dataDirWithAuthorities((json) => {
      json.localAuthorities[5]!.id = 'cardiff';
    });
    await expect(loadContent(dir)).rejects.toThrow(/local-authorities\.json: id "cardiff" is used twice/);
  });
});
