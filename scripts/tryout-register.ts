import path from 'node:path';
import { runTryout, SETTLE_MS, tryoutMain, type Walk } from './tryout-walk';

/*
 * A walk through the school-register cards as an organisation administrator meets them in
 * the Agents Playground, in English and then in Welsh, saving a screenshot and the text of
 * every card so a person can look at each one. Not a test: a step that fails is written down
 * (with its screenshot) and the walk goes on.
 *   npx tsc -p tsconfig.json && node dist/scripts/tryout-register.js [shots folder]
 * The shots folder defaults to ./tryout-shots (keep it out of the repository); Cefnogi runs
 * in local mode on a temporary data folder that is removed at the end.
 */

/** The Playground's own user in .m365agentsplayground.yml, made an organisation administrator. */
const GWENLLIAN = '6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f:1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6';

/** A handful of schools, written as a spreadsheet would (quoted commas, Welsh and English words). */
const REGISTER_CSV = [
  'school number,school name,other-language name,local authority,sector,language category,status',
  '6609001,Ysgol Gynradd Llanwen,Llanwen Primary School,Ynys Môn,primary,welsh-medium,open',
  '6819002,"St Teilo\'s Church in Wales Primary School, Pentrefach",Ysgol Sant Teilo,Cardiff,Primary,English-medium,',
  '6814003,Ysgol Gyfun Gymraeg Bryn Derw,,Caerdydd,uwchradd,cyfrwng Cymraeg,agored',
  ',Pentrefach Pupil Referral Unit,Uned Cyfeirio Disgyblion Pentrefach,rhondda-cynon-taf,pru,english-medium,open',
  '6723004,Ysgol Bro Ogwr,,Pen-y-bont ar Ogwr,all-age,dual language,open',
  '6707005,Maes-y-coed Special School,Ysgol Arbennig Maes-y-coed,Swansea,special,English-medium with significant Welsh,closed',
  '6612006,Ysgol y Castell,Castle School,Conwy,secondary,dwy iaith,open',
  '6612007,Ysgol Bryn Castell,,Conwy,primary,welsh-medium,open',
  '9999999,A line with a made-up authority,,Atlantis,primary,welsh-medium,open',
].join('\n');

/** The words a person types and presses, in each language. */
const WORDS = {
  en: {
    admin: 'admin', schools: 'schools', school: 'school', members: 'members', roles: 'roles', audit: 'audit', mySchools: 'my schools',
    linkSchool: 'link school', import: 'Import', find: 'Find', open: 'Change', choose: 'This is my school', staff: 'Staff and requests', linkTo: 'Link this team to ',
  },
  cy: {
    admin: 'gweinyddu', schools: 'ysgolion', school: 'ysgol', members: 'aelodau', roles: 'rolau', audit: 'archwiliad', mySchools: 'fy ysgolion',
    linkSchool: 'cysylltu ysgol', import: 'Mewnforio', find: 'Chwilio', open: 'Newid', choose: 'Dyma fy ysgol', staff: 'Staff a cheisiadau', linkTo: 'Cysylltu',
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];


async function walkIn(walk: Walk, w: Words, lang: 'en' | 'cy'): Promise<void> {
  const tag = (name: string) => `${lang}-${name}`;
  await walk.step(tag('admin'), async () => walk.shot(tag('admin'), await walk.send(w.admin)));
  await walk.step(tag('schools'), async () => {
    const card = await walk.send(w.schools);
    await walk.shot(tag('schools'), card);
    if (lang === 'en') {
      await walk.type(card, REGISTER_CSV, undefined);
      await walk.shot(tag('schools-csv-typed'), card);
      await walk.press(card, w.import);
      await walk.shot(tag('schools-imported'), card);
    } else {
      // Pasting again in Welsh: every school is already there, so each is updated.
      await card.locator('textarea').first().fill(REGISTER_CSV);
      await walk.press(card, w.import);
      await walk.shot(tag('schools-reimported'), card);
    }
  });
  await walk.step(tag('school'), async () => {
    const card = await walk.send(w.school);
    await walk.shot(tag('school-chooser'), card);
    await walk.type(card, 'castell');
    await walk.press(card, w.find);
    await walk.shot(tag('school-found'), card);
    await walk.press(card, w.open);
    await walk.shot(tag('school-settings'), card);
  });
  await walk.step(tag('members'), async () => {
    const card = await walk.send(w.members);
    await walk.shot(tag('members-typed'), card);
    // An organisation administrator reaches a school's staff from that school's card.
    const school = await walk.send(w.school);
    await walk.type(school, 'llanwen');
    await walk.press(school, w.find);
    await walk.press(school, w.open);
    await walk.press(school, w.staff);
    await walk.shot(tag('members-from-school'), school);
  });
  await walk.step(tag('roles'), async () => walk.shot(tag('roles'), await walk.send(w.roles)));
  await walk.step(tag('audit'), async () => {
    const card = await walk.send(w.audit);
    await walk.shot(tag('audit'), card);
  });
  await walk.step(tag('my-schools'), async () => {
    const card = await walk.send(w.mySchools);
    await walk.shot(tag('my-schools'), card);
    await walk.type(card, lang === 'en' ? 'llanwen' : 'bro ogwr', undefined);
    // The search-as-you-type box comes first; the Find box is the last text box.
    const boxes = card.locator('input[type="text"], input:not([type])');
    if ((await boxes.count()) > 1) await boxes.last().fill(lang === 'en' ? 'llanwen' : 'bro ogwr');
    await walk.press(card, w.find);
    await walk.shot(tag('my-schools-found'), card);
    // The first such button belongs to the search-as-you-type box; the found schools come after it.
    await walk.press(card, w.choose, 'last');
    await walk.shot(tag('my-schools-chosen'), card);
  });
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? 'tryout-shots');
  await runTryout(dir, { env: { ADMIN_AAD_OBJECT_IDS: GWENLLIAN }, pageShots: true }, async (walk) => {
    await walkIn(walk, WORDS.en, 'en');
    await walk.step('cymraeg', async () => walk.shot('cymraeg', await walk.send('Cymraeg')));
    await walkIn(walk, WORDS.cy, 'cy');

    await walk.step('team-link-school', async () => {
      await walk.page.locator('button[role=treeitem]').filter({ hasText: 'General' }).first().click();
      await walk.page.waitForTimeout(SETTLE_MS);
      await walk.shot('team-opened');
      // A channel starts a new post in its own box (the reply box under a post is another).
      // A bot hears a channel post only when it is @mentioned: type "@", pick it from the list.
      const box = walk.page.locator('div[role="textbox"]').first();
      await box.click();
      await walk.page.keyboard.type('@Cefn', { delay: 50 });
      await walk.page.waitForTimeout(800);
      await walk.shot('team-mention-list');
      await walk.page.getByRole('option', { name: /Cefnogi/ }).or(walk.page.getByRole('menuitem', { name: /Cefnogi/ })).first().click({ timeout: 5000 });
      await walk.page.keyboard.type(` ${WORDS.en.linkSchool}`, { delay: 20 });
      await walk.page.getByRole('button', { name: 'Post' }).click();
      await walk.page.waitForTimeout(SETTLE_MS);
      // The answer comes as a reply in the post's thread, so it is found by its title, not its place.
      const card = walk.chat.cards().filter({ hasText: 'Ysgol y tîm hwn' }).first();
      await walk.shot('team-link-school', card);
      await walk.type(card, 'castell');
      await walk.press(card, WORDS.cy.find);
      await walk.shot('team-link-school-found', card);
      await walk.press(card, WORDS.cy.linkTo);
      await walk.shot('team-link-school-linked', card);
    });
  });
}

if (require.main === module) tryoutMain(main);
