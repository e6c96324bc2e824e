import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../../bot/content/load-content';
import type { Content } from '../../../bot/content/content';
import { keyAreaIds } from '../../../bot/content/key-area-schemas';
import { keyAreaName, keyAreas, parseKeyAreas } from '../../../bot/content/key-areas';
import { checkSelfAssessment } from '../../../bot/content/check-self-assessment';
import type { RolesFile } from '../../../bot/content/content-schemas';
import type { ResourcesFile, SelfAssessmentFile } from '../../../bot/content/self-assessment-schemas';
import { areaCard } from '../../../bot/self-assessment/self-assessment-views';
import { cycleOn } from '../../../bot/appraisal/appraisal-cycle';
import { newAppraisal } from '../../../bot/appraisal/appraisal-state';
import { addObjective } from '../../../bot/appraisal/appraisal-rules';
import { appraisalCard } from '../../../bot/appraisal/appraisal-views';
import { cardText } from '../../support/cards-in';
import type { Language } from '../../../bot/users/user-record';

const root = path.join(__dirname, '..', '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const fileAreas = (readJson('data/key-areas.json') as { keyAreas: { id: string; name: { en: string; cy: string } }[] }).keyAreas;
const languages: Language[] = ['en', 'cy'];

let content: Content;
beforeAll(async () => {
  content = await loadContent();
});

/** Every ChoiceSet's choices on a card, flattened. */
function choicesOf(card: unknown): { title: string; value: string }[] {
  const found: { title: string; value: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record['type'] === 'Input.ChoiceSet' && Array.isArray(record['choices'])) found.push(...(record['choices'] as { title: string; value: string }[]));
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('the seven key areas, named once', () => {
  it('when the key-area list is read, then it names each of the seven stored ids once, in order, in the action plan’s wording in both languages', () => {
    expect(keyAreas.map((a) => a.id)).toEqual(['communication', 'development', 'safeguarding', 'transitions', 'multi-agency', 'sharing-information', 'literacy-numeracy']);
    expect(keyAreas).toEqual(fileAreas);
    expect(keyAreaName('communication', 'en')).toBe('Effective communication and engagement with children, young people, parents and carers');
    expect(keyAreaName('safeguarding', 'cy')).toContain('Diogelu a hybu lles');
    expect(keyAreaName('literacy-numeracy', 'en')).toBe('The importance of literacy and numeracy skills');
  });

  it('when the self-assessment names a key area, then the name comes from the one list, and its own content file names none', () => {
    for (const id of keyAreaIds) {
      for (const language of languages) expect([id, content.selfAssessment.area(id).name[language]]).toEqual([id, keyAreaName(id, language)]);
    }
    const framework = readJson('data/self-assessment.json') as SelfAssessmentFile;
    expect(framework.areas.filter((a) => a.name !== undefined).map((a) => a.id)).toEqual(['own-skills']);
  });

  it('when a self-assessment area card is drawn, then its heading is the list’s name for that area', () => {
    const sa = content.selfAssessment;
    const trackId = sa.trackFor('teaching-assistant-2')!.id;
    const attempt = { id: 'a1', trackId, startedAt: '2026-11-23T10:00:00Z', answers: {}, doneAreas: [] };
    for (const language of languages) {
      for (const area of sa.areasFor(trackId).filter((a) => a !== 'own-skills')) {
        expect(cardText(areaCard(language, sa, attempt, area))).toContain(keyAreaName(area as (typeof keyAreaIds)[number], language));
      }
    }
  });

  it('when an appraisal objective is tagged with key areas, then the card shows the list’s names and offers exactly the list as choices', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const cycle = cycleOn('2026-11-23');
    for (const language of languages) {
      const state = newAppraisal(cycle.id, now);
      addObjective(state, { text: 'Run the nurture group', measure: 'Weekly sessions', standards: [], keyAreas: ['safeguarding', 'literacy-numeracy'] });
      const card = appraisalCard(language, state, { today: '2026-11-23', cycle, holidays: [], viewer: { role: 'staff' } });
      const text = cardText(card);
      expect(text).toContain(keyAreaName('safeguarding', language));
      expect(text).toContain(keyAreaName('literacy-numeracy', language));
      const keyAreaChoices = choicesOf(card).filter((c) => (keyAreaIds as readonly string[]).includes(c.value));
      expect(keyAreaChoices).toEqual(keyAreas.map((a) => ({ title: a.name[language], value: a.id })));
    }
  });

  it('when the string files are read, then they hold no second set of key-area names', () => {
    for (const language of languages) {
      const file = readJson(`bot/i18n/${language}.json`) as { appraisal: Record<string, unknown> };
      expect(file.appraisal['keyAreas']).toBeUndefined();
      const text = JSON.stringify(file);
      expect(text).not.toContain('Safeguarding and welfare');
      expect(text).not.toContain('Diogelu a lles');
    }
  });

  it('when the key-area list leaves one out or names one without Welsh, then it is refused, naming the file and the field', () => {
    const good = readJson('data/key-areas.json') as { keyAreas: { id: string; name: { en: string; cy: string } }[] };
    const missing = { ...good, keyAreas: good.keyAreas.slice(1) };
    expect(() => parseKeyAreas(missing)).toThrow(/key-areas\.json[\s\S]*keyAreas: must list each key area once/);
    const noWelsh = { ...good, keyAreas: good.keyAreas.map((a, i) => (i === 2 ? { ...a, name: { en: a.name.en, cy: ' ' } } : a)) };
    expect(() => parseKeyAreas(noWelsh)).toThrow(/key-areas\.json[\s\S]*keyAreas\.2\.name\.cy/);
  });

  it('when the self-assessment file gives a key area a name of its own, then the content check refuses it', () => {
    const roles = readJson('data/roles.json') as RolesFile;
    const framework = readJson('data/self-assessment.json') as SelfAssessmentFile;
    const resources = readJson('data/resources.json') as ResourcesFile;
    const renamed = { ...framework, areas: framework.areas.map((a) => (a.id === 'safeguarding' ? { ...a, name: { en: 'Safeguarding and welfare', cy: 'Diogelu a lles' } } : a)) };
    expect(() => checkSelfAssessment(roles, renamed, resources)).toThrow(/area "safeguarding" has a name: key areas are named in key-areas\.json only/);
  });
});
