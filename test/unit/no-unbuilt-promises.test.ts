import { readFileSync } from 'node:fs';
import path from 'node:path';
import en from '../../bot/i18n/en.json';
import cy from '../../bot/i18n/cy.json';
import manifest from '../../appPackage/manifest.json';
import manifestCy from '../../appPackage/cy.json';

/**
 * What Cefnogi does not do yet, in the words a text would use to offer it: policy updates
 * and broadcasts, a log of professional learning (CPD), and read receipts. (Professional
 * learning communities and sharing resources with them are built: see bot/plc.)
 */
const UNBUILT = [
  /policy updates?/i,
  /broadcast/i,
  /log your professional learning/i,
  /\bCPD\b/,
  /who has read/i,
  /diweddariadau polisi/i,
  /cofnodwch eich dysgu/i,
  /\bDPP\b/,
  /wedi'u darllen/i,
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
