import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';

const RUNS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('what the English half costs a turn', () => {
  const harness = new BotHarness();
  const welsh = teamsUser({ name: 'Nia Roberts', locale: 'cy-GB' });
  const both = teamsUser({ name: 'Siân Hughes', locale: 'en-GB', tenantId: welsh.tenantId });
  beforeAll(async () => {
    await harness.start();
    await harness.post(message(both, harness.serviceUrl, 'Cymraeg a Saesneg'));
    for (const user of [welsh, both]) await harness.post(cardAction(user, harness.serviceUrl, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry' }));
  });
  afterAll(() => harness.stop());

  /** Sends `text` RUNS times and gives the median time of a turn in ms, with the last card's text. */
  async function turns(user: TeamsUser, text: string): Promise<{ ms: number; last: string }> {
    const times: number[] = [];
    let last = '';
    for (let i = 0; i < RUNS; i += 1) {
      harness.connector.clear();
      const start = process.hrtime.bigint();
      await harness.post(message(user, harness.serviceUrl, text));
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      last = cardText(cardsIn(harness.connector.sent)[0]!);
    }
    return { ms: median(times), last };
  }

  it('when a Welsh reader and a "Welsh and English" reader ask for help and their profile, then only the second gets the English, in English (the cost printed with CEFNOGI_FIGURES=1)', async () => {
    const figures: string[] = [];
    for (const text of ['help', 'profile']) {
      const cy = await turns(welsh, text);
      const cyEn = await turns(both, text);
      expect(cy.last).not.toContain('Teaching assistant');
      expect(cyEn.last).toContain(text === 'help' ? 'What I can do' : 'Teaching assistant – level 2');
      figures.push(`${text}: Welsh ${cy.ms.toFixed(1)} ms, Welsh and English ${cyEn.ms.toFixed(1)} ms (+${(cyEn.ms - cy.ms).toFixed(1)} ms), median of ${RUNS} turns over HTTP`);
    }
    if (process.env.CEFNOGI_FIGURES === '1') console.log(figures.join('\n'));
  });
});
