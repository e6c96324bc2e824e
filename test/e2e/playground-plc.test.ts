import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator } from 'playwright-core';
import en from '../../bot/i18n/en.json';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logging/logger';
import { startBot, type RunningBot } from '../../bot/start-bot';
import type { PlaygroundProcess } from '../../scripts/dev';
import { registerSchools, school } from '../support/school-register-fixture';
import { startPlaygroundForBot } from './playground-for-bot';
import { keepLocal, launchChromium } from './launch-chromium';
import { PlaygroundChat, waitForText } from './playground-chat';

/*
 * A professional learning community as a school meets it in the Agents Playground's team:
 * in the General channel an administrator links the team to the school, makes the channel a
 * PLC from its form, and shares a link; the resource card arrives in the channel.
 * Needs Debian's Chromium; fails, saying so, without it.
 */

/** The Playground's tenant and its own user (.m365agentsplayground.yml), made an organisation administrator. */
const TENANT = '6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f';
const GWENLLIAN = '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6';
const SCHOOL = 'Ysgol y Castell';
const LINK = 'https://hwb.gov.wales/resources/phonics-guide';

describe('a professional learning community in a team channel of the Agents Playground', () => {
  let workDir: string | undefined;
  let bot: RunningBot | undefined;
  let playground: PlaygroundProcess | undefined;
  let browser: BrowserContext | undefined;
  let chat: PlaygroundChat;
  const playgroundOutput: string[] = [];
  const shots: string[] = [];

  /** Runs a step; on failure adds a screenshot path and the Playground's output to the error. */
  async function step(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
      if (process.env.CEFNOGI_FIGURES === '1') shots.push(await chat.screenshot(name));
    } catch (err) {
      const shot = await chat.screenshot(name).catch(() => 'none (the page was not there)');
      const error = err instanceof Error ? err : new Error(String(err));
      const original = error.message;
      error.message += `\nScreenshot: ${shot}\nAgents Playground output (last lines):\n${playgroundOutput.slice(-20).join('\n')}`;
      if (error.stack) error.stack = error.stack.replace(original, error.message);
      throw error;
    }
  }

  /**
   * Posts `@Cefnogi text` as a new post in the open channel (a bot hears a channel post only
   * when mentioned), and answers the card that comes back holding `answer`: replies land in
   * the post's thread, so they are found by their text, not their place.
   */
  async function post(text: string, answer: string | RegExp): Promise<Locator> {
    const page = chat.page;
    const box = page.locator('div[role="textbox"]').first();
    await box.click();
    await page.keyboard.type('@Cefn', { delay: 50 });
    await page.getByRole('option', { name: /Cefnogi/ }).or(page.getByRole('menuitem', { name: /Cefnogi/ })).first().click();
    await page.keyboard.type(` ${text}`, { delay: 10 });
    await page.getByRole('button', { name: 'Post' }).click();
    const card = chat.cards().filter({ hasText: answer }).last();
    await card.waitFor();
    return card;
  }

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'cefnogi-e2e-plc-'));
    browser = await launchChromium(path.join(workDir, 'chromium-profile'));
    bot = await startBot(loadConfig({ PORT: '0', ADMIN_AAD_OBJECT_IDS: `${TENANT}:${GWENLLIAN}` }), createLogger({ quiet: true }), { persist: false, host: '127.0.0.1' });
    // The school register is an administrator's import (tested on its own): here it is given.
    await registerSchools(bot.store, TENANT, [school(SCHOOL)]);
    playground = await startPlaygroundForBot(bot.port, workDir, (line) => playgroundOutput.push(line));
    const url = await playground.ready;
    const page = browser.pages()[0] ?? (await browser.newPage());
    // Tall enough for a whole thread of cards to show in one screenshot.
    await page.setViewportSize({ width: 1280, height: 2400 });
    page.setDefaultTimeout(10_000);
    await keepLocal(page);
    chat = new PlaygroundChat(page);
    await step('open', async () => {
      await chat.open(url);
      await chat.waitForCards(1);
      await page.locator('button[role=treeitem]').filter({ hasText: 'General' }).first().click();
    });
  }, 60_000);

  afterAll(async () => {
    const failures: string[] = [];
    for (const cleanUp of [
      () => browser?.close(),
      () => playground?.stop(),
      () => bot?.stop(),
      () => (workDir ? rm(workDir, { recursive: true, force: true }) : undefined),
    ]) {
      await Promise.resolve()
        .then(cleanUp)
        .catch((err: unknown) => failures.push(String(err)));
    }
    if (shots.length > 0) process.stdout.write(`PLC screenshots:\n${shots.join('\n')}\n`);
    if (failures.length > 0) throw new Error(`cleanup failed: ${failures.join('; ')}`);
  }, 30_000);

  it('when the administrator links the team, makes the channel a PLC and shares a link with a note, then the resource card comes to the channel', async () => {
    await step('link-school', async () => {
      const card = await post('link school', en.teamSchool.title);
      // The school's row carries a short "Link" button (its full name is for screen readers).
      await card.getByRole('button', { name: new RegExp(`^(${en.teamSchool.linkShort}|${en.teamSchool.linkTo.replace('{school}', SCHOOL)})$`) }).first().click();
      await waitForText(card, en.teamSchool.linked.replace('{school}', SCHOOL));
    });
    await step('plc-form', async () => {
      const form = await post('PLC', en.plc.formTitle);
      await form.getByRole('textbox', { name: en.plc.name }).fill('Ffoneg CA1');
      await form.getByRole('checkbox').first().check();
      await form.getByRole('radio', { name: en.plc.languageBoth }).check();
      await chat.press(form, en.plc.make);
      // The form is answered by a notice of its own title ("Making a learning community").
      await chat.cards().filter({ hasText: en.plc.made.replace('{name}', 'Ffoneg CA1').split('.')[0]! }).last().waitFor();
    });
    await step('share', async () => {
      const card = await post(`share ${LINK} A clear guide to phonics for KS1`, 'A clear guide to phonics for KS1');
      await waitForText(card, /Shared by Gwenllian Jones|Rhannwyd gan Gwenllian Jones/);
      expect(await card.innerText()).toContain('Ffoneg CA1');
    });
  }, 60_000);
});
