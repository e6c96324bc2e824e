import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunningBot } from '../bot/start-bot';
import { figuresSchoolCollection } from '../bot/figures/figures-school';
import { computeFiguresSnapshot } from '../bot/figures/figures-nightly-job';
import { createLogger } from '../bot/logging/logger';
import { createSchoolRegister } from '../bot/register/school-register';
import { userKey } from '../bot/users/user-record';
import { facts, figuresSchoolOf } from '../test/integration/figures/figures-school-fixture';
import type { Card } from '../test/support/cards-in';
import { registerSchools, school } from '../test/support/school-register-fixture';
import { runTryout, tryoutMain, type Walk } from './tryout-walk';

/*
 * A walk through the administrator's and the person's newer cards in the Agents Playground,
 * in English and then in Welsh: the workforce figures of a tenant administrator (the national
 * page, every measure up to the development priorities, the picker, the CSV), "my data" (the
 * notice, the download with its summary and file, the delete confirmation; confirmed only at
 * the very end of the Welsh walk, since it erases the person at the keyboard), and "Save to my
 * learning" pressed on a card of the curated library (posted to the bot as Teams would, since
 * the Playground does not run the message extension) with the entry form it opens.
 *   npx tsc -p tsconfig.json --outDir .tdist && cp -r data .tdist/ && cd .tdist && node scripts/tryout-admin.js [shots folder]
 * Not a test: a step that fails is written down (with its screenshot) and the walk goes on.
 */

/** The Playground's tenant and its own user (.m365agentsplayground.yml), who is the tenant administrator here. */
const TENANT = '6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f';
const GWENLLIAN = { aadObjectId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6', name: 'Gwenllian Jones' };

/** Tuesday 1 December 2026, 10:00 in Wales: a school day, so messages are not held back. */
const SCHOOL_MORNING = Date.parse('2026-12-01T10:00:00Z');

/** Schools of three authorities, 10 to 40 people each. */
const SCHOOLS: { name: string; laId: string; people: number }[] = [
  { name: 'Ysgol y Castell', laId: 'ceredigion', people: 34 },
  { name: 'Ysgol y Bae', laId: 'ceredigion', people: 12 },
  { name: 'Ysgol Gynradd Llanfair', laId: 'powys', people: 21 },
  { name: 'Ysgol y Bryn', laId: 'powys', people: 10 },
  { name: 'Ysgol Uwchradd Bangor', laId: 'gwynedd', people: 40 },
];
const KEY_AREAS = ['communication', 'development', 'safeguarding', 'transitions', 'multi-agency', 'sharing-information', 'literacy-numeracy'];

const WORDS = {
  en: {
    figures: 'figures', next: 'Next measure', show: 'Show', csv: 'Download as CSV', la: 'Powys', priorities: 'Development priorities',
    myData: 'my data', download: 'Download my data', delete: 'Delete my data', summary: 'What Cefnogi holds about you', confirm: 'Yes, delete my data',
    saved: 'Save to my learning', start: 'Start the entry', resource: 'openlearn-teaching-assistants',
  },
  cy: {
    figures: 'ffigurau', next: 'Mesur nesaf', show: 'Dangos', csv: 'Lawrlwytho fel CSV', la: 'Powys', priorities: 'Blaenoriaethau datblygu',
    myData: 'fy nata', download: 'Lawrlwytho fy nata', delete: 'Dileu fy nata', summary: 'Beth sydd gan Gefnogi amdanoch', confirm: 'Ie, dilëwch fy nata',
    saved: 'Cadw yn fy nysgu', start: "Dechrau'r cofnod", resource: 'keeping-learners-safe',
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

/** Presses a card button as the Playground user straight to the bot, as Teams would from a chat the Playground cannot show. */
async function pressAsGwenllian(bot: RunningBot, conversationId: string, verb: string, data: Record<string, unknown>): Promise<Card> {
  const key = userKey({ tenantId: TENANT, aadObjectId: GWENLLIAN.aadObjectId });
  const ref = (await bot.store.users.read(key, key))?.value.conversation;
  if (!ref) throw new Error('the Playground user has no conversation yet');
  const activity = {
    id: randomUUID(), channelId: 'msteams', serviceUrl: ref.serviceUrl, timestamp: new Date().toISOString(), locale: 'en-US',
    from: { id: `29:${GWENLLIAN.aadObjectId}`, aadObjectId: GWENLLIAN.aadObjectId, name: GWENLLIAN.name },
    recipient: { id: '28:0c3f5e9a-7b2d-4e1f-8a6c-5d4e3f2a1b0c', name: 'Cefnogi' },
    conversation: { id: conversationId, conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    type: 'invoke', name: 'adaptiveCard/action', replyToId: randomUUID(),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const answer = (await res.json().catch(() => undefined)) as { value?: Card } | undefined;
  if (res.status >= 400 || !answer?.value) throw new Error(`${verb}: HTTP ${res.status}, no card came back`);
  return answer.value;
}

/** Schools in the register, their figure documents, and the night's snapshot the figures card reads. */
async function seedFigures(bot: RunningBot, now: Date): Promise<void> {
  const entries = await registerSchools(bot.store, TENANT, SCHOOLS.map((s) => school(s.name, { laId: s.laId })), now);
  const documents = bot.store.collection(figuresSchoolCollection);
  for (const s of SCHOOLS) {
    const people = Array.from({ length: s.people }, (_, i) =>
      facts({
        familyId: i % 5 === 0 ? 'facilities' : 'teaching-learning', level: 1 + (i % 3), welshLevelId: ['entry', 'fluent', 'none', 'foundation'][i % 4]!,
        ...(i % 4 === 0 ? {} : { qualification: ['level-2', 'level-3', 'level-4'][i % 3]! }), ...(i % 7 === 0 ? { hltaStatus: 'awarded' } : {}),
        ewcGiven: i % 2 === 0, inductionStarted: i % 6 !== 0, inductionCompleted: i % 3 === 0, selfAssessments: i % 3 === 0 ? 0 : 1,
        planningMeetingHeld: i % 2 === 1, priorities: i % 3 === 0 ? [] : [KEY_AREAS[i % 7]!, KEY_AREAS[(i + 3) % 7]!],
      }),
    );
    await documents.create(figuresSchoolOf(TENANT, entries.get(s.name)!.id, people, now));
  }
  await computeFiguresSnapshot({ store: bot.store, register: createSchoolRegister(bot.store), log: createLogger({ quiet: true }) }, TENANT, now);
}

async function walkIn(walk: Walk, w: Words, lang: 'en' | 'cy', bot: RunningBot): Promise<void> {
  const tag = (name: string) => `${lang}-${name}`;
  await walk.step(tag('figures'), async () => {
    const card = await walk.send(w.figures);
    await walk.shot(tag('figures-national'), card);
    for (let page = 2; page <= 9; page += 1) {
      if ((await card.locator('.ac-actionSet button').filter({ hasText: w.next }).count()) === 0) break;
      await walk.press(card, w.next);
      await walk.shot(tag(`figures-measure-${page}`), card);
    }
    if (!(await card.innerText()).includes(w.priorities)) throw new Error('the priorities page never came');
    // The Playground draws a compact choice set as a combobox whose options open in a layer over the page.
    await card.getByRole('combobox').first().click();
    await walk.page.getByRole('option', { name: w.la, exact: false }).first().click();
    await walk.press(card, w.show);
    await walk.shot(tag('figures-picked-la'), card);
    await walk.press(card, w.csv);
    await walk.shot(tag('figures-csv-pressed'), card);
    await walk.page.waitForTimeout(3000);
    await walk.shot(tag('figures-csv-page'));
  });
  await walk.step(tag('save-to-learning'), async () => {
    const answer = await pressAsGwenllian(bot, '19:staffroom@thread.v2', 'library.toLearning', { resourceId: w.resource });
    await writeFile(path.join(walk.dir, `${tag('save-answer-in-group-chat')}.json`), JSON.stringify(answer, null, 2));
    // Once a day per item and person: each language saves a different item.
    const notice = await walk.arrived(w.start);
    await walk.shot(tag('save-notice'), notice);
    await walk.press(notice, w.start);
    // The notice becomes the entry form in place, so it no longer holds its own button's words.
    await walk.shot(tag('save-entry-form'), walk.chat.cards().last());
  });
  await walk.step(tag('my-data'), async () => {
    const card = await walk.send(w.myData);
    await walk.shot(tag('my-data-notice'), card);
    await walk.press(card, w.download);
    await walk.shot(tag('my-data-preparing'), card);
    const summary = await walk.arrived(w.summary);
    await walk.shot(tag('my-data-summary'), summary);
    await walk.page.waitForTimeout(3000);
    await walk.shot(tag('my-data-file-page'));
    const again = await walk.send(w.myData);
    await walk.press(again, w.delete);
    await walk.shot(tag('my-data-delete-confirm'), again);
    if (lang === 'cy') {
      await walk.press(again, w.confirm);
      await walk.shot(tag('my-data-deleted'), again);
    }
  });
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? 'tryout-admin-shots');
  const offset = SCHOOL_MORNING - Date.now();
  const now = () => new Date(Date.now() + offset);
  await runTryout(dir, { env: { ADMIN_AAD_OBJECT_IDS: `${TENANT}:${GWENLLIAN.aadObjectId}` }, start: { now, proactiveLoop: true } }, async (walk, bot) => {
    await walk.step('seed', async () => seedFigures(bot, now()));
    await walkIn(walk, WORDS.en, 'en', bot);
    await walk.step('cymraeg', async () => walk.shot('cymraeg', await walk.send('Cymraeg')));
    await walkIn(walk, WORDS.cy, 'cy', bot);
  });
}

if (require.main === module) tryoutMain(main);
