import path from 'node:path';
import type { Locator } from 'playwright-core';
import { confirmedAt, registerSchools, school } from '../test/support/school-register-fixture';
import { runTryout, tryoutMain, type Walk } from './tryout-walk';

/*
 * A walk through the broadcast cards as an organisation administrator meets them in the
 * Agents Playground, in English and then in Welsh: compose, preview, send, her own copy (the
 * other language, "I have read this"), the list with its figures. She is a confirmed member of
 * the one school, so she receives what she sends. Not a test: screenshots for a person to look at.
 *   npx tsc -p tsconfig.json --outDir dist && cp -r data dist/ && node dist/scripts/tryout-broadcast.js [shots folder]
 */

/** The Playground's tenant and its own user (.m365agentsplayground.yml). */
const TENANT = '6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f';
const GWENLLIAN = '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6';

const WORDS = {
  en: { command: 'broadcast', list: 'broadcasts', title: 'Title', body: 'Message', preview: 'Preview', send: 'Send', confirm: 'I have read this', other: 'Darllen yn Gymraeg' },
  cy: { command: 'darlledu', list: 'darllediadau', title: 'Teitl', body: 'Neges', preview: 'Rhagolwg', send: 'Anfon', confirm: 'Rwyf wedi darllen hwn', other: 'Read in English' },
} as const;

/** Fills the Welsh and then the English box of one field: the form asks in Welsh first. */
async function fillBoth(card: Locator, label: string, cy: string, en: string): Promise<void> {
  const boxes = card.getByLabel(label, { exact: false });
  await boxes.nth(0).fill(cy, { timeout: 5000 });
  await boxes.nth(1).fill(en, { timeout: 5000 });
}

async function walkIn(walk: Walk, lang: 'en' | 'cy', title: string): Promise<void> {
  const w = WORDS[lang];
  const tag = (name: string) => `${lang}-${name}`;
  let compose: Locator | undefined;
  await walk.step(tag('compose'), async () => {
    compose = await walk.send(w.command);
    await walk.shot(tag('compose'), compose);
    // Preview with nothing written: the problems are marked at the fields.
    await walk.press(compose, w.preview);
    await walk.shot(tag('compose-refused'), compose);
  });
  await walk.step(tag('preview'), async () => {
    if (!compose) throw new Error('no compose card');
    await fillBoth(compose, w.title, `${title} (Cymraeg)`, `${title} (English)`);
    await fillBoth(compose, w.body, 'Mae\'r polisi presenoldeb **newydd** yn dechrau ddydd Llun. Darllenwch ef yn https://hwb.gov.wales/.', 'The **new** attendance policy starts on Monday. Read it at https://hwb.gov.wales/.');
    // Urgent, so the walk sees it arrive whatever the hour (otherwise it waits for a school day's 08:00–18:00).
    await compose.getByRole('checkbox', { name: /Urgent|Brys/ }).check({ timeout: 5000 });
    await compose.getByRole('checkbox', { name: /confirm|gadarnhau/ }).check({ timeout: 5000 });
    await walk.press(compose, w.preview);
    await walk.shot(tag('preview'), compose);
  });
  await walk.step(tag('send'), async () => {
    if (!compose) throw new Error('no compose card');
    await walk.press(compose, w.send, 'last');
    await walk.shot(tag('sent'), compose);
  });
  await walk.step(tag('received'), async () => {
    const copy = await walk.arrived(w.confirm);
    await walk.shot(tag('received'), copy);
    await walk.press(copy, w.other);
    await walk.shot(tag('other-language'), copy);
  });
  await walk.step(tag('list'), async () => walk.shot(tag('list'), await walk.send(w.list)));
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? 'tryout-shots');
  await runTryout(dir, { env: { ADMIN_AAD_OBJECT_IDS: `${TENANT}:${GWENLLIAN}` } }, async (walk, bot) => {
    const schools = await registerSchools(bot.store, TENANT, [school('Ysgol y Castell')]);
    // Confirmed once the Playground's install has made her known to Cefnogi.
    await confirmedAt(bot.store, TENANT, schools.get('Ysgol y Castell')!.id, GWENLLIAN);
    await walkIn(walk, 'en', 'Attendance policy');
    await walk.step('cymraeg', async () => walk.shot('cymraeg', await walk.send('Cymraeg')));
    await walkIn(walk, 'cy', 'Polisi presenoldeb');
  });
}

if (require.main === module) tryoutMain(main);
