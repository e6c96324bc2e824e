import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logging/logger';
import { startBot, type RunningBot } from '../bot/start-bot';
import { keepLocal, launchChromium } from '../test/e2e/launch-chromium';
import { PlaygroundChat } from '../test/e2e/playground-chat';
import { startPlaygroundForBot } from '../test/e2e/playground-for-bot';
import type { PlaygroundProcess } from './dev';

/*
 * A walk through cards in the Agents Playground for a person to look at afterwards: each
 * step's card saved as a numbered screenshot with its text and buttons; a step that fails is
 * written down (with its screenshot) and the walk goes on. Shared by the try-out scripts.
 */

/** How long a card is given to settle after a message or a press. */
export const SETTLE_MS = 1500;

/** A numbered walk through cards, noting the steps that failed. */
export class Walk {
  private shotNumber = 0;
  readonly problems: string[] = [];
  /** `pageShots`: also save the whole page beside every card (the register walk looks at the page around each card). */
  constructor(readonly chat: PlaygroundChat, readonly page: Page, readonly dir: string, readonly pageShots = false) {}

  /** The card element and the whole page, plus the card's text and buttons, under one number. */
  async shot(name: string, card?: Locator): Promise<void> {
    const base = path.join(this.dir, `${String(++this.shotNumber).padStart(2, '0')}-${name.replace(/[^a-z0-9-]+/gi, '-')}`);
    await this.page.waitForTimeout(400);
    if (card && (await card.count()) > 0) {
      await card.scrollIntoViewIfNeeded().catch(() => undefined);
      await card.screenshot({ path: `${base}.png` }).catch((err: unknown) => this.problems.push(`${name}: card screenshot failed: ${String(err)}`));
      const text = await card.innerText().catch(() => '');
      const buttons = await this.chat.actionTitles(card).catch(() => []);
      await writeFile(`${base}.txt`, `${text}\n\n[buttons] ${buttons.join(' | ')}\n`);
    }
    if (this.pageShots || !card || (await card.count()) === 0) await this.page.screenshot({ path: `${base}-page.png`, fullPage: true });
    process.stdout.write(`[tryout] ${base}.png\n`);
  }

  /** Runs a step; a failure is noted with a screenshot, and the walk goes on. */
  async step(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      this.problems.push(`${name}: ${message}`);
      process.stdout.write(`[tryout] FAILED ${name}: ${message}\n`);
      await this.shot(`${name}-failed`).catch(() => undefined);
    }
  }

  /** Sends a message and answers the card that came back (or the last card, if none did). */
  async send(text: string): Promise<Locator> {
    const card = await this.chat.send(text);
    await card.waitFor({ timeout: 8000 }).catch(() => undefined);
    await this.page.waitForTimeout(SETTLE_MS);
    return (await card.count()) > 0 ? card : this.chat.cards().last();
  }

  /** Presses the first (or last) card button whose title contains `title`. */
  async press(card: Locator, title: string, which: 'first' | 'last' = 'first'): Promise<void> {
    const buttons = card.locator('.ac-actionSet button').filter({ hasText: title });
    await (which === 'first' ? buttons.first() : buttons.last()).click({ timeout: 5000 });
    await this.page.waitForTimeout(SETTLE_MS);
  }

  /** The newest card whose text holds `text`, waiting for it to arrive. */
  async arrived(text: string): Promise<Locator> {
    const card = this.chat.cards().filter({ hasText: text }).last();
    await card.waitFor({ timeout: 20_000 });
    await this.page.waitForTimeout(SETTLE_MS);
    return card;
  }

  /** Types into the first text box of a card (or the one labelled `label`). */
  async type(card: Locator, text: string, label?: string): Promise<void> {
    const box = label ? card.getByLabel(label).first() : card.locator('input[type="text"], input:not([type]), textarea').first();
    await box.fill(text, { timeout: 5000 });
  }
}

/** What a try-out needs besides the walk: its settings, how the bot starts, whole-page shots. */
export interface TryoutOptions {
  /** Settings beside the port and a temporary data folder (e.g. `ADMIN_AAD_OBJECT_IDS`). */
  env?: Record<string, string>;
  start?: Parameters<typeof startBot>[2];
  pageShots?: boolean;
}

/**
 * Cefnogi in local mode on a temporary data folder, the Agents Playground on it and Chromium
 * on the Playground, the welcome card saved, then `run`; the failed steps are written to
 * `problems.txt` and everything is stopped and removed, whatever happened.
 */
export async function runTryout(dir: string, options: TryoutOptions, run: (walk: Walk, bot: RunningBot) => Promise<void>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const workDir = await mkdtemp(path.join(tmpdir(), 'cefnogi-tryout-'));
  let browser: BrowserContext | undefined;
  let bot: RunningBot | undefined;
  let playground: PlaygroundProcess | undefined;
  try {
    browser = await launchChromium(path.join(workDir, 'chromium-profile'));
    bot = await startBot(loadConfig({ PORT: '0', DATA_DIR: path.join(workDir, 'data'), ...options.env }), createLogger({ quiet: true }), { host: '127.0.0.1', ...options.start });
    const output: string[] = [];
    playground = await startPlaygroundForBot(bot.port, workDir, (line) => output.push(line));
    const url = await playground.ready;
    const page = browser.pages()[0] ?? (await browser.newPage());
    // Tall enough for the longest card to show whole, under the Playground's own header.
    await page.setViewportSize({ width: 1280, height: 3600 });
    page.setDefaultTimeout(10_000);
    await keepLocal(page);
    const chat = new PlaygroundChat(page);
    await chat.open(url);
    await chat.waitForCards(1);
    const walk = new Walk(chat, page, dir, options.pageShots);
    await walk.shot('welcome', chat.cards().first());
    await run(walk, bot);
    await writeFile(path.join(dir, 'problems.txt'), `${walk.problems.join('\n')}\n`);
    process.stdout.write(`[tryout] ${walk.problems.length} step(s) failed; screenshots in ${dir}\n`);
  } finally {
    for (const cleanUp of [() => browser?.close(), () => playground?.stop(), () => bot?.stop(), () => rm(workDir, { recursive: true, force: true })]) {
      await Promise.resolve().then(cleanUp).catch((err: unknown) => process.stderr.write(`[tryout] cleanup: ${String(err)}\n`));
    }
  }
}

/** Runs a try-out's main, printing its failure and exiting 1. */
export function tryoutMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`[tryout] ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
