import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { PlaygroundChat } from '../test/e2e/playground-chat';

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
