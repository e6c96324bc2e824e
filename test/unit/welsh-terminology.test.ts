import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One term per concept (docs/glossary.md): the forms the glossary rules out appear nowhere in
 * the Welsh a user can see: the strings, every `cy` field of the content files, and the Welsh
 * manifest.
 */
const root = path.join(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

/** Every string under a tree, with where it is. */
function leaves(node: unknown, where: string, keep: (key: string) => boolean, out: [string, string][] = []): [string, string][] {
  if (typeof node === 'string') out.push([where, node]);
  else if (Array.isArray(node)) node.forEach((v, i) => leaves(v, `${where}.${i}`, keep, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (keep(k)) leaves(v, `${where}.${k}`, keep, out);
  }
  return out;
}

/** Only the Welsh of a content file: the value of each `cy` field. */
function welshOfContent(file: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${where}.${i}`));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'cy' && typeof v === 'string') out.push([`${where}.cy`, v]);
        else walk(v, `${where}.${k}`);
      }
    }
  };
  walk(readJson(`data/${file}`), file);
  return out;
}

const welshTexts: [string, string][] = [
  ...leaves(readJson('bot/i18n/cy.json'), 'cy.json', () => true),
  ...leaves(readJson('appPackage/cy.json'), 'appPackage/cy.json', (k) => k !== '$schema'),
  ...readdirSync(path.join(root, 'data'))
    .filter((f) => f.endsWith('.json'))
    .flatMap(welshOfContent),
];

/** Official titles keep their own words (the Act's Welsh title says "Llesiant"). */
const officialTitles = ['Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014'];

/** Lower-case forms match any case; a form with a capital (the name Cefnogi) matches exactly, so "yn cefnogi" (supports) stays. */
const ruledOut: [form: string, use: string][] = [
  ['cydlynydd ADY', 'CADY'],
  ['cymuned dysgu proffesiynol', 'cymuned ddysgu broffesiynol'],
  ['fy sefydlu', 'fy nghyfnod sefydlu'],
  ['eich sefydlu', 'eich cyfnod sefydlu'],
  ["'ch sefydlu", "'ch cyfnod sefydlu"],
  ['hunanasesu', 'hunanasesiad'],
  ['negeseuon atgoffa', 'nodiadau atgoffa'],
  ['Diogelu a lles', 'Diogelu a hybu lles'],
  ['sesiwn gloywi', 'sesiwn loywi'],
  ['oruchwylydd', 'goruchwyliwr'],
  ['MyEWC', 'eich cyfrif ar-lein gyda CGA'],
  ['FyCGA', 'eich cyfrif ar-lein gyda CGA'],
  ['llesiant', 'lles'],
  ['gweithwyr cymorth dysgu mewn ysgolion', 'gweithwyr cymorth dysgu ysgol'],
  ['i Cefnogi', 'i Gefnogi'],
  ['â Cefnogi', 'â Chefnogi'],
  ['gyda Cefnogi', 'gyda Chefnogi'],
  ['yn Cefnogi', 'yn ap Cefnogi'],
  ['ef neu hi', 'the person or their role, named'],
];

describe('one Welsh term per concept', () => {
  it('when the Welsh a user can see is gathered, then it is a real amount from every source', () => {
    const sources = new Set(welshTexts.map(([where]) => where.split('.json')[0]));
    expect(sources).toEqual(new Set(['cy', 'appPackage/cy', 'induction', 'local-authorities', 'resources', 'roles', 'self-assessment', 'welsh-levels', 'key-areas', 'qualifications', 'hlta', 'ewc-registration', 'welsh-learning', 'pathways']));
    expect(welshTexts.length).toBeGreaterThan(1000);
  });

  it.each(ruledOut)('when the Welsh is searched for "%s", then it is not there (the glossary says: %s)', (form) => {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = form.includes('Cefnogi') ? new RegExp(`(^|[^\\p{L}'’])${escaped}(?![\\p{L}])`, 'u') : new RegExp(escaped, 'iu');
    const found = welshTexts
      .filter(([, text]) => pattern.test(officialTitles.reduce((t, title) => t.split(title).join(''), text)))
      .map(([where]) => where);
    expect(found).toEqual([]);
  });

  it('when the glossary is read, then it records the appraisal decision and the rule for mutating Cefnogi', () => {
    const glossary = readFileSync(path.join(root, 'docs', 'glossary.md'), 'utf8');
    expect(glossary).toContain('**Appraisal: "arfarniad".**');
    expect(glossary).toContain('Croeso i Gefnogi');
    expect(glossary).toContain('yn ap Cefnogi');
    for (const [form] of ruledOut.slice(0, 18)) expect(glossary).toContain(form);
  });
});
