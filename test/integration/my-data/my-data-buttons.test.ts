import en from '../../../bot/i18n/en.json';
import cy from '../../../bot/i18n/cy.json';
import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardText, cardsIn, invokeCard, type Card } from '../../support/cards-in';
import { cardAction, message, teamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

const TENANT = '11111111-2222-3333-4444-5555555555d7';

/** The way back from the download's cards says where it goes, in the reader's language, and takes them there. */
describe('the buttons on the download\'s "preparing" and summary cards, over HTTP', () => {
  const harness = new BotHarness();
  let clock = new Date('2026-12-01T10:00:00Z');

  beforeAll(async () => {
    await harness.start({ now: () => clock });
  });
  afterAll(() => harness.stop());

  /** Lets the scheduler and the outbox run until the summary card has arrived. */
  async function summaryCard(title: string): Promise<Card> {
    for (let runs = 0; runs < 30; runs += 1) {
      clock = new Date(clock.getTime() + 5_000);
      await harness.bot!.proactive.scheduler.tick(clock);
      await harness.bot!.proactive.sender.drain(clock);
      const found = cardsIn(harness.connector.sent).find((c) => cardText(c).includes(title));
      if (found) return found;
    }
    throw new Error('the summary never arrived');
  }

  it.each([
    ['English', 'en-GB', 'my data', en, 'Back to my data'],
    ['Welsh', 'cy-GB', 'fy nata', cy, 'Yn ôl i fy nata'],
  ])('when someone downloads their data in %s, then the preparing and summary cards offer a way back that says where it goes (to the notice) and Help, never a button named like a heading', async (_language, locale, command, s, back) => {
    const person = teamsUser({ tenantId: TENANT, locale });
    await harness.post(message(person, harness.serviceUrl, command));
    harness.connector.clear();
    const preparing = invokeCard(await harness.post(cardAction(person, harness.serviceUrl, 'myData.download', {})));
    expect(cardText(preparing)).toContain(s.myData.preparing);
    const summary = await summaryCard(s.myData.summaryTitle);
    for (const card of [preparing, summary]) {
      expect(cardProblems(card)).toEqual([]);
      const titles = ((card.actions ?? []) as { title: string }[]).map((a) => a.title);
      expect(titles).toEqual([back, s.myData.back]);
      expect(titles).not.toContain(s.myData.title);
      // Back to my data opens the notice again, with Download and Delete.
      const [again] = actionsOf(card, 'myData.show');
      const notice = invokeCard(await harness.post(cardAction(person, harness.serviceUrl, again!.verb, again!.data)));
      expect(((notice.actions ?? []) as { title: string }[]).map((a) => a.title)).toEqual([s.myData.download, s.myData.delete, s.myData.back]);
    }
  });

  it.each([
    ['English', 'en-GB', en],
    ['Welsh', 'cy-GB', cy],
  ])('when someone presses Delete in %s, then the confirmation lists what goes and what stays under two headings, one short line each, instead of paragraphs', async (_language, locale, s) => {
    const person = teamsUser({ tenantId: TENANT, locale });
    await harness.post(message(person, harness.serviceUrl, 'help'));
    const confirm = invokeCard(await harness.post(cardAction(person, harness.serviceUrl, 'myData.askDelete', {})));
    expect(cardProblems(confirm)).toEqual([]);
    const blocks = (confirm.body as { type: string; text?: string }[]).filter((b) => b.type === 'TextBlock').map((b) => b.text!);
    const goes = blocks.indexOf(s.myData.goesHeading);
    const stays = blocks.indexOf(s.myData.staysHeading);
    expect(goes).toBeGreaterThanOrEqual(0);
    expect(blocks.slice(goes + 1, stays)).toEqual(s.myData.goesList.map((item) => `• ${item}`));
    expect(blocks.slice(stays + 1, stays + 1 + s.myData.staysList.length)).toEqual(s.myData.staysList.map((item) => `• ${item}`));
    // No line is a wall: each holds one thing.
    for (const line of blocks) expect(line.length).toBeLessThan(240);
  });

  it('when a Welsh speaker presses Delete, then the confirmation "Dileu eich data?" is answered "Ie, dilëwch fy nata" or "Na, cadwch fy nata", as its English says Yes or No', async () => {
    const person = teamsUser({ tenantId: TENANT, locale: 'cy-GB' });
    await harness.post(message(person, harness.serviceUrl, 'fy nata'));
    const confirm = invokeCard(await harness.post(cardAction(person, harness.serviceUrl, 'myData.askDelete', {})));
    expect(cardProblems(confirm)).toEqual([]);
    expect(cardText(confirm)).toContain('Dileu eich data?');
    // "Ydw" answers "Ydych chi…?", not a question put with the verb-noun; "cadwch e" is one region's speech.
    expect(actionsOf(confirm, 'myData.delete').map((a) => a.title)).toEqual(['Ie, dilëwch fy nata']);
    expect(actionsOf(confirm, 'myData.show').map((a) => a.title)).toEqual(['Na, cadwch fy nata']);
  });
});
