import { readFileSync } from 'node:fs';
import path from 'node:path';
import en from '../../bot/i18n/en.json';
import cy from '../../bot/i18n/cy.json';
import manifest from '../../appPackage/manifest.json';
import manifestCy from '../../appPackage/cy.json';

/**
 * What Cefnogi does not do, in the words a text would use to offer it: staff absence,
 * timesheets or job vacancies, which belong to the employer's own systems. (Built:
 * professional learning communities, `PLC`; the professional learning log, `my learning`;
 * broadcasts with read confirmations, `broadcast` / `darlledu`; workforce figures, `figures`,
 * with development priorities for an LA or the nation; the "Welsh and English" setting.)
 */
const UNBUILT = [
  /report (an |your )?absence|absence record/i,
  /absenoldeb/i,
  /timesheet|taflen(ni)? amser/i,
  /job vacanc|swyddi gwag/i,
];

const promised = (text: string) => UNBUILT.filter((re) => re.test(text)).map(String);

describe('texts offer only what Cefnogi does', () => {
  it.each([
    ['the English welcome', JSON.stringify(en.welcome)],
    ['the Welsh welcome', JSON.stringify(cy.welcome)],
    ['the English team welcome', JSON.stringify(en.teamWelcome)],
    ['the Welsh team welcome', JSON.stringify(cy.teamWelcome)],
    ['the English help', JSON.stringify([en.help, en.helpCards])],
    ['the Welsh help', JSON.stringify([cy.help, cy.helpCards])],
    ['the English privacy notice', JSON.stringify(en.myData)],
    ['the Welsh privacy notice', JSON.stringify(cy.myData)],
    ['the manifest description', JSON.stringify(manifest.description)],
    ['the Welsh manifest description', JSON.stringify([manifestCy['description.short'], manifestCy['description.full']])],
  ])('when %s is read, then it promises nothing unbuilt', (_name, text) => {
    expect(promised(text)).toEqual([]);
  });

  it('when the README opens, then it says which of the plan is built and which is not', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const intro = readme.slice(0, readme.indexOf('What works today'));
    expect(intro).toMatch(/planned, not built/);
  });
});
