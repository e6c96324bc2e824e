import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Each correction from the November 2026 review of the Welsh, pinned: the old phrase is gone
 * and the corrected one is there. A row names a string key in bot/i18n/cy.json, or a content
 * item as "file#id.field" (its Welsh), or "appPackage#key".
 */
const root = path.join(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const cy = readJson('bot/i18n/cy.json');
const en = readJson('bot/i18n/en.json');

function at(tree: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}

/** The Welsh text a row points at. */
function welsh(where: string): string {
  if (where.startsWith('appPackage#')) return String((readJson('appPackage/cy.json') as Record<string, unknown>)[where.slice('appPackage#'.length)]);
  const hash = where.indexOf('#');
  if (hash < 0) return String(at(cy, where));
  const file = where.slice(0, hash);
  const [id, ...field] = where.slice(hash + 1).split('.');
  const json = readJson(`data/${file}`);
  const items = [
    ...((json as { items?: { id: string }[] }).items ?? []),
    ...((json as { resources?: { id: string }[] }).resources ?? []),
    ...((json as { statements?: { id: string }[] }).statements ?? []),
    ...((json as { areas?: { id: string }[] }).areas ?? []),
    ...((json as { families?: { id: string; roles: { id: string }[] }[] }).families ?? []).flatMap((f) => [f, ...f.roles]),
  ];
  if (id === 'scale') return String(at(json, `scale.${field.join('.')}.cy`));
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id} in ${file}`);
  return String(at(item, `${field.join('.')}.cy`));
}

const corrections: [review: string, where: string, forbidden: string, required: string][] = [
  ['#2', 'induction.startIntro', 'sydd eu hangen', 'y mae angen i reolwr eu cadarnhau'],
  ['#3', 'team.accepted', 'sydd eich angen', 'y mae angen i chi ei gymeradwyo'],
  ['#3', 'team.requestText', 'sydd eich angen', 'y mae angen i chi eu cymeradwyo'],
  ['#4', 'induction.json#refresher-safeguarding.why', 'dysgwr eich angen', 'pan fydd angen eich help ar ddysgwr'],
  ['#5', 'selfAssessment.noPriorities', 'cymuned dysgu proffesiynol', 'cymuned ddysgu broffesiynol'],
  ['#6', 'induction.startDateLabel', '(neu y byddwch chi\'n)', 'Pryd wnaethoch chi ddechrau, neu pryd byddwch chi\'n dechrau, yn yr ysgol hon?'],
  ['#7', 'import.tooMany', 'a mewnforio pob rhan', 'a mewnforiwch bob rhan'],
  ['#7', 'import.tooLong', 'a mewnforio pob rhan', 'a mewnforiwch bob rhan'],
  ['#8', 'import.csvLabel', 'disodli neu dileu', "'disodli' neu 'dileu'"],
  ['#8', 'import.reasons.columns', '(disodli neu dileu)', "('disodli' neu 'dileu')"],
  ['#8', 'import.reasons.action', 'yn disodli neu dileu', "'disodli' neu 'dileu'"],
  ['#8', 'import.reasons.has-manager', 'ychwanegwch disodli', "ychwanegwch 'disodli'"],
  ['#9', 'import.reasons.unknown-staff', 'wedi iddynt wneud', 'ar ôl iddynt wneud hynny'],
  ['#9', 'import.reasons.no-profile', 'wedi iddynt wneud', 'ar ôl iddynt wneud hynny'],
  ['#10', 'self-assessment.json#development.summary', 'Sylwi sut', 'Gwylio sut mae dysgwyr'],
  ['#11', 'welcome.offers.0', 'eich diwrnodau, wythnosau a hanner', "eich diwrnodau, eich wythnosau a'ch hanner tymor cyntaf"],
  ['#11', 'induction.startIntro', 'eich diwrnodau, wythnosau a hanner', "eich diwrnodau, eich wythnosau a'ch hanner tymor cyntaf"],
  ['#11', 'help.commands.0.text', 'eich rôl, ysgol, rheolwr', "eich rôl, eich ysgol, eich rheolwr llinell a'ch lefel"],
  ['#11', 'teamWelcome.personalHint', 'eich sefydlu, hunanasesiad ac arfarniad', "eich cyfnod sefydlu, eich hunanasesiad a'ch arfarniad"],
  ['#12', 'self-assessment.json#ma-who-to-ask.text', 'cydlynydd ADY', "neu'r CADY"],
  ['#12', 'resources.json#aln-code.summary', 'cydlynydd ADY', 'rôl y CADY'],
  ['#13', 'induction.modeRefresher', 'sesiwn gloywi', 'sesiwn loywi'],
  ['#13', 'induction.json#refresher-safeguarding.what', 'gloywi', 'sesiwn loywi'],
  ['#13', 'induction.json#refresher-policy-changes.what', 'gloywi', 'sesiwn loywi'],
  ['#14', 'induction.json#safeguarding-briefing.what', 'Dysgwch pwy', 'Holwch pwy yw\'r PDD'],
  ['#14', 'induction.json#first-aid-and-accidents.what', 'Dysgwch', 'Holwch pwy sydd wedi\'u hyfforddi'],
  ['#14', 'induction.json#lunchtime-medical-needs.what', 'dysgwch', 'holwch pa ddysgwyr'],
  ['#14', 'induction.json#aln-and-alnco.what', 'Dysgwch', 'Holwch pwy yw\'r CADY'],
  ['#14', 'induction.json#data-protection.what', 'Dysgwch', 'Holwch pwy sy\'n arwain ar ddiogelu data'],
  ['#15', 'team.requestTitle', 'fel eu rheolwr', "Mae {name} wedi eich enwi'n rheolwr llinell"],
  ['#15', 'team.intro', 'fel eu rheolwr', "wedi eich enwi'n rheolwr llinell"],
  ['#15', 'team.none', 'fel eu rheolwr', "eich enwi'n rheolwr llinell"],
  ['#15', 'nudge.managerText', 'mae ganddynt', 'mae eitemau sefydlu i\'w gwneud o hyd'],
  ['#15', 'induction.noManager', 'iddynt allu', "er mwyn i'ch rheolwr allu"],
  ['#15', 'import.notices.managerSet.text', 'ei gyfnod sefydlu', "y cyfnod sefydlu a'r arfarniad"],
  ['#15', 'import.notices.managerRemoved.text', 'wedi eich dileu fel', "nid chi yw rheolwr llinell {staff}"],
  ['#15', 'selfAssessment.noManager', 'ef neu hi', 'unwaith y bydd eich rheolwr wedi derbyn'],
  ['#15', 'selfAssessment.managerNotAccepted', 'ef neu hi', 'Gall eich rheolwr ei dderbyn'],
  ['#16', 'welcome.title', 'Croeso i Cefnogi', 'Croeso i Gefnogi'],
  ['#16', 'common.privateText', 'â Cefnogi', 'â Chefnogi'],
  ['#16', 'export.privateText', 'â Cefnogi', 'â Chefnogi'],
  ['#16', 'schoolsRegister.unmatchedIntro', 'cyn i Cefnogi', 'cyn i Gefnogi'],
  ['#16', 'schoolsRegister.title', 'yn Cefnogi', 'Ysgolion yn ap Cefnogi'],
  ['#16', 'selfAssessment.exportDoc.footer', 'gyda Cefnogi', 'gyda Chefnogi'],
  ['#17', 'self-assessment.json#scale.0.label', 'Ddim eto', 'Dim eto'],
  ['#18', 'nudge.text', 'cadw pethau i symud', 'Bydd ychydig funudau heddiw yn eich cadw ar y trywydd iawn.'],
  ['#19', 'school.dayOffsetLabel', 'Erbyn hyn o ddiwrnodau', 'Nifer y diwrnodau ar ôl y dyddiad dechrau (rhif negyddol = cyn dechrau)'],
  ['#20', 'school.schoolItemWhy', 'yn gofyn hyn gan bawb', "yn gofyn i bawb sy'n ymuno â hi wneud hyn"],
  ['#21', 'self-assessment.json#sharing-information.summary', 'yn ei ofyn gennych', 'yn ei ddisgwyl gennych'],
  ['#22', 'self-assessment.json#comm-office-angry-caller.text', 'cydweithiwr uwch', 'uwch gydweithiwr'],
  ['#23', 'self-assessment.json#sg-listen-disclosure.text', 'pryder wrthyf', 'dweud wrthyf am rywbeth sy\'n peri pryder'],
  ['#24', 'appraisal.planningRecordText', "wedi'u cytuno", 'yn cadarnhau y cytunwyd ar yr amcanion uchod'],
  ['#25', 'roles.json#teaching-learning.name', 'Cefnogi addysgu', 'Cymorth addysgu a dysgu'],
  ['#25', 'roles.json#cover-supervision.name', 'Goruchwylydd', 'Goruchwyliwr cyflenwi'],
  ['#25', 'roles.json#midday-supervision.name', 'Goruchwylydd', 'Goruchwyliwr amser cinio'],
  ['also', 'resources.json#careers-wales-essential-skills.title', "a Cymru'n Gweithio", "a Chymru'n Gweithio"],
  ['also', 'resources.json#curriculum-for-wales-progression.summary', "'dilyniant'", "'cynnydd'"],
  ['also', 'welcome.offers.2', 'Arfarnu:', 'Arfarniad:'],
  ['also', 'appraisal.noObjectives', 'pob un gyda sut', 'pob un â mesur llwyddiant'],
  ['also', 'induction.json#read-code-of-conduct.why', 'ceisio bod', "ceisio'i fod"],
  ['also', 'self-assessment.json#tr-share-with-next-adult.text', "wedi'i chytuno", 'wedi cytuno arni'],
  ['terms', 'induction.json#refresher-ewc-registration.what', 'MyEWC', 'yn eich cyfrif ar-lein gyda CGA'],
  ['terms', 'induction.json#multi-agency-working.why', 'llesiant', 'staff lles a phresenoldeb'],
  ['terms', 'resources.json#ewc-code-of-conduct.summary', 'gweithwyr cymorth dysgu mewn ysgolion', 'gweithwyr cymorth dysgu ysgol'],
  ['terms', 'appPackage#description.short', 'hunanasesu', 'hunanasesiad'],
  ['terms', 'appPackage#description.full', 'negeseuon atgoffa', 'nodiadau atgoffa'],
  ['terms', 'common.startInduction', 'fy sefydlu', 'Dechrau fy nghyfnod sefydlu'],
  ['parity', 'resources.json#openlearn-teaching-assistants.title', 'cwrs Saesneg', 'Cynorthwywyr addysgu'],
];

describe('the corrections from the review of the Welsh', () => {
  it.each(corrections)('when the Welsh of review %s (%s) is read, then "%s" is gone and "%s" is there', (_review, where, forbidden, required) => {
    const text = welsh(where);
    expect(text).not.toContain(forbidden);
    expect(text).toContain(required);
  });

  it('when the welcome and the team welcome are read, then neither language promises sharing or policy updates', () => {
    for (const strings of [en, cy]) {
      const said = [...(at(strings, 'welcome.offers') as string[]), String(at(strings, 'teamWelcome.text'))].join(' ');
      expect(said).not.toMatch(/learning communit|cymuned ddysgu|policy updates|diweddariadau polisi|share resources|rhannu adnoddau/i);
    }
    const manifest = readJson('appPackage/manifest.json') as { description: { full: string } };
    expect(manifest.description.full).not.toContain('log your professional learning');
    expect(manifest.description.full).not.toContain('see who has read them');
  });

  it('when the OpenLearn teaching assistants course is listed, then it is offered in Welsh too', () => {
    const resources = readJson('data/resources.json') as { resources: { id: string; languages: string[] }[] };
    expect(resources.resources.find((r) => r.id === 'openlearn-teaching-assistants')?.languages).toEqual(['cy', 'en']);
  });
});
