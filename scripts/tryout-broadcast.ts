import path from 'node:path';
import type { Locator } from 'playwright-core';
import { confirmedAt, registerSchools, school } from '../test/support/school-register-fixture';
import { runTryout, tryoutMain, type Walk } from './tryout-walk';

/*
 * A walk through the broadcast cards as an organisation administrator meets them in the
 * Agents Playground, in English and then in Welsh: compose, preview, send, her own copy (the
 * other language, "I have read this"), the list with its figures, correcting it (her copy updated
 * in place and marked edited) and withdrawing it (her copy replaced by a short notice). She is a confirmed member of
 * the one school, so she receives what she sends. Not a test: screenshots for a person to look at.
 *   npx tsc -p tsconfig.json --outDir dist && cp -r data dist/ && node dist/scripts/tryout-broadcast.js [shots folder]
 */

/** The Playground's tenant and its own user (.m365agentsplayground.yml). */
const TENANT = '6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f';
const GWENLLIAN = '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6';

const WORDS = {
  en: { command: 'broadcast', list: 'broadcasts', title: 'Title', body: 'Message', preview: 'Preview', send: 'Send', confirm: 'I have read this', other: 'Darllen yn Gymraeg', figures: 'Figures:', correct: 'Correct it', save: 'Save the correction', edited: 'Edited on', withdraw: 'Withdraw', yes: 'Yes, withdraw it', withdrawn: 'This message was withdrawn' },
  cy: { command: 'darlledu', list: 'darllediadau', title: 'Teitl', body: 'Neges', preview: 'Rhagolwg', send: 'Anfon', confirm: 'Rwyf wedi darllen hwn', other: 'Read in English', figures: 'Ffigurau:', correct: 'Ei gywiro', save: "Cadw'r cywiriad", edited: 'Golygwyd ar', withdraw: "Tynnu'n ôl", yes: "Ie, ei dynnu'n ôl", withdrawn: "Tynnwyd y neges hon" },
} as const;

/** Fills the Welsh and then the English box of one field: the form asks in Welsh first. */
async function fillBoth(card: Locator, label: string, cy: string, en: string): Promise<void> {
  const boxes = card.getByLabel(label, { exact: false });
  await boxes.nth(0).fill(cy, { timeout: 5000 });
  await boxes.nth(1).fill(en, { timeout: 5000 });
}

async function walkIn(walk: Walk, lang: 'en' | 'cy', title: string): Promise<void> {
  const w = WORDS[lang];
  const otherConfirm = WORDS[lang === 'en' ? 'cy' : 'en'].confirm;
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
    // The same card, now in the other language (its buttons too).
    await walk.shot(tag('other-language'), await walk.arrived(otherConfirm));
  });
  await walk.step(tag('read'), async () => {
    const copy = await walk.arrived(otherConfirm);
    await walk.press(copy, otherConfirm);
    // Confirmed on the copy as it now reads, in the other language.
    await walk.shot(tag('read'), await walk.arrived(lang === 'en' ? 'Fe wnaethoch gadarnhau' : 'You confirmed'));
  });
  let status: Locator | undefined;
  await walk.step(tag('list'), async () => {
    const list = await walk.send(w.list);
    await walk.shot(tag('list'), list);
    await walk.press(list, w.figures);
    status = walk.chat.cards().last();
    await walk.shot(tag('status'), status);
  });
  await walk.step(tag('correct'), async () => {
    if (!status) throw new Error('no status card');
    await walk.press(status, w.correct);
    const form = walk.chat.cards().last();
    await walk.shot(tag('correct-form'), form);
    await fillBoth(form, w.body, 'Mae\'r polisi presenoldeb **newydd** yn dechrau ddydd Mawrth (nid dydd Llun). Darllenwch ef yn https://hwb.gov.wales/.', 'The **new** attendance policy starts on Tuesday (not Monday). Read it at https://hwb.gov.wales/.');
    await walk.press(form, w.preview);
    await walk.shot(tag('correct-preview'), form);
    await walk.press(form, w.save, 'last');
    await walk.shot(tag('corrected'), form);
    await walk.shot(tag('copy-edited'), await walk.arrived(w.edited));
  });
  await walk.step(tag('withdraw'), async () => {
    const list = await walk.send(w.list);
    await walk.press(list, w.figures);
    const card = walk.chat.cards().last();
    await walk.press(card, w.withdraw);
    // Asked once more before anything is withdrawn.
    const asked = walk.chat.cards().last();
    await walk.shot(tag('withdraw-asked'), asked);
    await walk.press(asked, w.yes);
    await walk.shot(tag('withdrawn'), walk.chat.cards().last());
    await walk.shot(tag('copy-withdrawn'), await walk.arrived(w.withdrawn));
  });
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
