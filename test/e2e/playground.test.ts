import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logging/logger';
import { startBot, type RunningBot } from '../../bot/start-bot';
import { updateDocument } from '../../bot/storage/update-document';
import type { PlaygroundProcess } from '../../scripts/dev';
import { startPlaygroundForBot } from './playground-for-bot';
import { keepLocal, launchChromium } from './launch-chromium';
import { PlaygroundChat, waitForText } from './playground-chat';

/*
 * Cefnogi as a person meets it locally: the real bot, the Agents Playground that
 * `npm run dev` starts (with the repository's .m365agentsplayground.yml), and Chromium
 * clicking the rendered Adaptive Cards. Needs Debian's Chromium; fails, saying so, without it.
 */

const HELP_ACTIONS = ['Set up my profile', 'My schools', 'Start my induction', 'Start my self-assessment', 'Cymraeg'];
/** The personal user in .m365agentsplayground.yml. */
const GWENLLIAN = { tenantId: '6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f', aadObjectId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6' };

describe('chatting with Cefnogi in the Agents Playground', () => {
  let workDir: string | undefined;
  let bot: RunningBot | undefined;
  let playground: PlaygroundProcess | undefined;
  let browser: BrowserContext | undefined;
  let chat: PlaygroundChat;
  const playgroundOutput: string[] = [];

  /** Runs a step; on failure adds a screenshot path and the Playground's output to the error. */
  async function step(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (err) {
      const shot = await chat.screenshot(name).catch(() => 'none (the page was not there)');
      const error = err instanceof Error ? err : new Error(String(err));
      const original = error.message;
      error.message += `\nScreenshot: ${shot}\nAgents Playground output (last lines):\n${playgroundOutput.slice(-20).join('\n')}`;
      // Jest prints the stack, which was written with the original message.
      if (error.stack) error.stack = error.stack.replace(original, error.message);
      throw error;
    }
  }

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'cefnogi-e2e-'));
    // First, so a missing Chromium fails at once, before anything else starts.
    browser = await launchChromium(path.join(workDir, 'chromium-profile'));
    bot = await startBot(loadConfig({ PORT: '0' }), createLogger({ quiet: true }), { persist: false, host: '127.0.0.1' });
    playground = await startPlaygroundForBot(bot.port, workDir, (line) => playgroundOutput.push(line));
    const url = await playground.ready;
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(10_000);
    await keepLocal(page);
    chat = new PlaygroundChat(page);
    await step('open', async () => {
      await chat.open(url);
      // Opening the chat installs Cefnogi, which welcomes the person: wait for it, so the
      // cards that later tests count start from a settled chat.
      await chat.waitForCards(1);
    });
  }, 60_000);

  afterAll(async () => {
    // Each in turn, whatever failed before: no process or directory may outlive the test.
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
    if (failures.length > 0) throw new Error(`cleanup failed: ${failures.join('; ')}`);
  }, 30_000);

  it('when the Playground opens the personal chat, then Cefnogi welcomes Gwenllian in English', async () => {
    // The Playground's installationUpdate carries no display name, so the greeting has no
    // name to check; its locale is always en-US.
    await step('welcome', async () => {
      await waitForText(chat.cards().first(), 'Welcome to Cefnogi');
    });
  });

  it('when Gwenllian sends "help", then the "What I can do" card comes with its five actions', async () => {
    await step('help', async () => {
      const card = await chat.send('help');
      await waitForText(card, 'What I can do');
      expect(await chat.actionTitles(card)).toEqual(HELP_ACTIONS);
    });
  });

  it('when she starts her induction from the help card and ticks an item, then the stage card updates in place', async () => {
    await step('induction', async () => {
      // Her profile as if saved from the profile card (the Playground cannot render its people picker).
      const key = `${GWENLLIAN.tenantId}:${GWENLLIAN.aadObjectId}`;
      await updateDocument(bot!.store.users, key, key, (user) =>
        user && { ...user, profile: { roleId: 'teaching-assistant-2', welshLevelId: 'entry', updatedAt: new Date().toISOString() } },
      );
      const card = await chat.send('help');
      await waitForText(card, 'What I can do');
      const count = await chat.cards().count();
      await chat.press(card, 'Start my induction');
      await waitForText(card, 'Your induction');
      await chat.press(card, 'Start my induction');
      await waitForText(card, '0 of');
      // Each row's button names its item, as a screen reader announces it.
      await chat.press(card, 'Done: Know where to go and who will meet you');
      await waitForText(card, '1 of');
      expect(await card.innerText()).toContain('Done');
      // "More about" opens the details and gives way to "Less about", which closes them again.
      const item = 'Know where to go and who will meet you';
      await chat.press(card, `More about: ${item}`);
      await waitForText(card, 'Why it matters');
      const less = card.locator(`.ac-actionSet button[aria-label="Less about: ${item}"]`);
      expect(await less.isVisible()).toBe(true);
      expect(await card.locator(`.ac-actionSet button[aria-label="More about: ${item}"]`).isVisible()).toBe(false);
      await less.click();
      expect(await card.locator(`.ac-actionSet button[aria-label="More about: ${item}"]`).isVisible()).toBe(true);
      expect(await chat.cards().count()).toBe(count);
    });
  });

  it('when she answers the first area of her self-assessment and presses Next, then the card moves on to the second area in place', async () => {
    await step('self-assessment', async () => {
      // Her profile was set in the induction test: the statements fit a level-2 teaching assistant.
      const card = await chat.send('self-assessment');
      await waitForText(card, 'Your self-assessment');
      const count = await chat.cards().count();
      await chat.press(card, 'Start');
      await waitForText(card, 'Area 1 of');
      const confident = card.getByRole('radio', { name: 'Confident' });
      const statements = await confident.count();
      expect(statements).toBeGreaterThanOrEqual(3);
      for (const radio of await confident.all()) await radio.check();
      await chat.press(card, 'Next');
      await waitForText(card, 'Area 2 of');
      expect(await card.innerText()).toContain('1 of 8 areas done');
      expect(await chat.cards().count()).toBe(count);
    });
  });

  it('when she presses "Cymraeg" on the help card, then the Welsh help card replaces it, offering "English"', async () => {
    await step('cymraeg', async () => {
      const card = await chat.send('help');
      await waitForText(card, 'What I can do');
      const count = await chat.cards().count();
      await chat.press(card, 'Cymraeg');
      await waitForText(card, 'Beth alla i ei wneud');
      const text = await card.innerText();
      expect(text).toContain('Byddaf yn siarad Cymraeg â chi o hyn ymlaen.');
      expect(text).not.toContain('What I can do');
      expect(await chat.actionTitles(card)).toContain('English');
      expect(await chat.cards().count()).toBe(count);
    });
  });

  it('when she has chosen Cymraeg and sends "help" again, then the help card comes in Welsh', async () => {
    await step('help-in-welsh', async () => {
      const card = await chat.send('help');
      await waitForText(card, 'Beth alla i ei wneud');
    });
  });
});
