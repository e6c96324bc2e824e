import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/*
 * The Agents Playground's chat page as a person uses it. The selectors are the ones its
 * React client renders (0.2.28): a contenteditable compose box, an icon Send button, and
 * Adaptive Cards drawn by the adaptivecards renderer (`.ac-*` classes).
 */
const COMPOSE_BOX = 'div[role="textbox"]';
const SEND_BUTTON = 'button[aria-label="Send Message"]';
const CARD = '.ac-adaptiveCard';

/** One chat in the Playground page, driven through its own compose box and card buttons. */
export class PlaygroundChat {
  constructor(readonly page: Page) {}

  /** Opens the Playground; it lands on the personal chat with the bot. */
  async open(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded' });
    await this.page.locator(COMPOSE_BOX).waitFor();
  }

  /** Every card in the chat, oldest first. */
  cards(): Locator {
    return this.page.locator(CARD);
  }

  /** Waits until the chat holds at least `count` cards. */
  async waitForCards(count: number): Promise<void> {
    await this.cards().nth(count - 1).waitFor();
  }

  /**
   * Types and sends a message, and answers the place of the card that should come back:
   * the next card in the chat. A card updated in place keeps that place.
   */
  async send(text: string): Promise<Locator> {
    const next = await this.cards().count();
    await this.page.locator(COMPOSE_BOX).fill(text);
    await this.page.locator(SEND_BUTTON).click();
    return this.cards().nth(next);
  }

  /**
   * Sends `@Cefnogi text` in a group chat or channel, where the bot hears only messages that
   * mention it: the mention is picked from the compose box's suggestions, as a person does.
   */
  async sendMentioning(bot: string, text: string): Promise<Locator> {
    const next = await this.cards().count();
    const box = this.page.locator(COMPOSE_BOX);
    await box.click();
    await this.page.keyboard.type(`@${bot.slice(0, 3)}`, { delay: 50 });
    await this.page.locator('#typeahead-menu').getByText(bot).first().click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.locator(SEND_BUTTON).click();
    return this.cards().nth(next);
  }

  /** The titles of a card's action buttons, in order. */
  async actionTitles(card: Locator): Promise<string[]> {
    return card.locator('.ac-actionSet button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  }

  /** Presses a card's (first) action button with this title, as a person would. */
  async press(card: Locator, title: string): Promise<void> {
    await card.locator(`.ac-actionSet button[aria-label="${title}"]`).first().click();
  }

  /**
   * Presses a card's first action button whose title starts with `prefix` (buttons repeated
   * down a card name what they act on, e.g. "Done: Read the safeguarding policy").
   */
  async pressStartingWith(card: Locator, prefix: string): Promise<void> {
    await card.locator(`.ac-actionSet button[aria-label^="${prefix}"]`).first().click();
  }

  /** Saves a screenshot where cleanup will not remove it, and answers its path. */
  async screenshot(name: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'cefnogi-e2e-screenshots-'));
    const file = path.join(dir, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }
}

/** Waits for a card to show a text (cards arrive, and are replaced, asynchronously). */
export async function waitForText(card: Locator, text: string | RegExp): Promise<void> {
  await card.filter({ hasText: text }).waitFor();
}
