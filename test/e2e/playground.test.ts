import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator } from 'playwright-core';
import cy from '../../bot/i18n/cy.json';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logging/logger';
import { startBot, type RunningBot } from '../../bot/start-bot';
import type { PlaygroundProcess } from '../../scripts/dev';
import { startPlaygroundForBot } from './playground-for-bot';
import { keepLocal, launchChromium } from './launch-chromium';
import { PlaygroundChat, waitForText } from './playground-chat';

/*
 * Cefnogi as a person meets it locally: the real bot, the Agents Playground that
 * `npm run dev` starts (with the repository's .m365agentsplayground.yml), and Chromium
 * clicking the rendered Adaptive Cards. Needs Debian's Chromium; fails, saying so, without it.
 */

const HELP_ACTIONS = ['Set up my profile', 'My schools', 'Start my induction', 'Start my self-assessment', 'My appraisal', 'My team', 'Cymraeg', 'Welsh and English'];
/** A level-2 teaching assistant, as the profile form's role search lists her in Welsh. */
const ROLE = 'Cynorthwyydd addysgu – lefel 2';
/** The induction row's "Done" button, whatever item it names after the colon. */
const DONE_PREFIX = cy.inductionSteps.doneItem.split('{')[0]!;
const MORE_PREFIX = cy.inductionSteps.moreItem.split('{')[0]!;

/** Picks a choice in a search-as-you-type choice set (the renderer draws an input with a list). */
async function chooseFiltered(card: Locator, text: string): Promise<void> {
  const input = card.locator('input[type="text"], input:not([type])').first();
  await input.click();
  await input.fill(text);
  await card.page().getByRole('option', { name: text, exact: true }).first().click();
}

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

  it('when the Playground opens the personal chat, then Cefnogi welcomes Gwenllian in English, by her first name', async () => {
    // The Playground's installationUpdate carries no display name: Cefnogi asks Teams (here the
    // Playground's members call, which answers with her givenName).
    await step('welcome', async () => {
      const welcome = chat.cards().first();
      await waitForText(welcome, 'Welcome to Cefnogi');
      await waitForText(welcome, 'Hello Gwenllian');
    });
  });

  it('when Gwenllian sends "help", then the "What I can do" card comes with a button for each card, my appraisal and my team among them', async () => {
    await step('help', async () => {
      const card = await chat.send('help');
      await waitForText(card, 'What I can do');
      expect(await chat.actionTitles(card)).toEqual(HELP_ACTIONS);
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
      expect(text).toContain(cy.language.switched);
      expect(text).not.toContain('What I can do');
      expect(await chat.actionTitles(card)).toContain('English');
      expect(await chat.cards().count()).toBe(count);
    });
  });

  it('when, in Welsh, she sets up her profile, starts her induction, ticks an item and answers a self-assessment area, then each card opens below the help card, which stays', async () => {
    let help!: Locator;
    await step('help-in-welsh', async () => {
      help = await chat.send('cymorth');
      await waitForText(help, 'Beth alla i ei wneud');
    });

    /** Presses a help button and answers the card that arrives below, checking help is still there. */
    const open = async (button: string, title: string): Promise<Locator> => {
      const count = await chat.cards().count();
      await chat.press(help, button);
      const card = chat.cards().nth(count);
      await waitForText(card, title);
      expect(await help.innerText()).toContain('Beth alla i ei wneud');
      return card;
    };

    await step('profile', async () => {
      const form = await open(cy.common.setUpProfile, cy.profile.formTitle);
      await chooseFiltered(form, ROLE);
      await form.getByRole('combobox', { name: cy.profile.welshLabel }).click();
      await chat.page.getByRole('option').first().click();
      await chat.press(form, cy.profile.save);
      await waitForText(form, cy.profile.saved);
    });

    await step('induction', async () => {
      const start = await open(cy.common.startInduction, cy.induction.startTitle);
      await chat.press(start, cy.induction.begin);
      await waitForText(start, /\b0 o \d+ wedi'u gwneud/);
      await chat.pressStartingWith(start, DONE_PREFIX);
      // Ticked: done, or (an item a line manager signs off) waiting for them.
      await waitForText(start, /\b1 o \d+ wedi'u gwneud|\b1 yn aros i gael eu cymeradwyo/);
      // "Rhagor am" opens an item's details and gives way to "Llai am", which closes them again.
      const more = start.locator(`.ac-actionSet button[aria-label^="${MORE_PREFIX}"]`).first();
      const item = (await more.getAttribute('aria-label'))!.slice(MORE_PREFIX.length);
      await more.click();
      const less = start.locator(`.ac-actionSet button[aria-label="${cy.inductionSteps.lessItem.replace('{title}', item)}"]`);
      expect(await less.isVisible()).toBe(true);
      await less.click();
      expect(await more.isVisible()).toBe(true);
    });

    await step('self-assessment', async () => {
      const card = await open(cy.common.startSelfAssessment, cy.selfAssessment.introTitle);
      await chat.press(card, cy.selfAssessment.begin);
      await waitForText(card, 'Maes 1 o');
      const confident = card.getByRole('radio', { name: 'Hyderus' });
      expect(await confident.count()).toBeGreaterThanOrEqual(3);
      for (const radio of await confident.all()) await radio.check();
      await chat.press(card, cy.selfAssessment.next);
      await waitForText(card, 'Maes 2 o');
      const text = await card.innerText();
      expect(text).toContain('1 o 8 maes');
      expect(text).not.toContain('Area 2 of');
    });
  });

  it('when she opens the group chat, then Cefnogi welcomes it in Welsh and English, and help there lists what works there and sends her profile to the one-to-one chat', async () => {
    await step('group-chat', async () => {
      await chat.page.getByRole('treeitem', { name: /Cynorthwywyr Addysgu/ }).click();
      // Opening the chat adds Cefnogi to it: one welcome, Welsh first, then English.
      const welcome = chat.cards().first();
      await waitForText(welcome, cy.teamWelcome.title);
      const text = await welcome.innerText();
      expect(text.indexOf(cy.teamWelcome.title)).toBeLessThan(text.indexOf('Cefnogi has joined'));
      const help = await chat.sendMentioning('Cefnogi', 'cymorth');
      await waitForText(help, cy.helpCards.shared.title);
      expect(await chat.actionTitles(help)).toEqual([cy.helpCards.openChat, 'English']);
      const refusal = await chat.sendMentioning('Cefnogi', 'proffil');
      await waitForText(refusal, cy.helpCards.oneToOne);
      expect(await refusal.innerText()).not.toContain(cy.helpCards.nothingChanged);
      expect(await chat.actionTitles(refusal)).toEqual([cy.helpCards.openChat]);
    });
  });
});
