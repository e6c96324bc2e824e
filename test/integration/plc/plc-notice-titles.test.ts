import { BotHarness } from '../../support/bot-harness';
import { cardsIn, invokeCard, type Card } from '../../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

const TENANT = '11111111-2222-3333-4444-555555555555';
const nia = teamsUser({ name: 'Nia Evans', tenantId: TENANT });
const gwen = teamsUser({ name: 'Gwen Puw', tenantId: TENANT, locale: 'cy-GB' });
const NO_PLC = `plc-${'0'.repeat(32)}`;
const NO_RESOURCE = `r-${'0'.repeat(32)}`;

/** A notice's title: the text in its first container. */
function titleOf(card: Card): string {
  const first = (card.body ?? [])[0] as { items?: { text?: string }[] } | undefined;
  return first?.items?.[0]?.text ?? '';
}

describe('PLC notices say what they are about', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  async function said(user: TeamsUser, text: string): Promise<Card> {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    const [card] = cardsIn(harness.connector.sent);
    expect(cardProblems(card!)).toEqual([]);
    return card!;
  }
  async function pressed(user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Card> {
    const card = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
    expect(cardProblems(card)).toEqual([]);
    return card;
  }

  it('when an English speaker meets PLC notices about different things, then each has its own title and none says "Make this channel…"', async () => {
    const titles = [
      titleOf(await said(nia, 'plc')),
      titleOf(await said(nia, 'join code')),
      titleOf(await said(nia, 'share https://hwb.gov.wales/')),
      titleOf(await said(nia, 'library')),
      titleOf(await pressed(nia, 'plc.rename', { plcId: NO_PLC, plcName: 'New name' })),
      titleOf(await pressed(nia, 'plc.toLearning', { plcId: NO_PLC, resourceId: NO_RESOURCE })),
    ];
    expect(titles).toEqual([
      'Making a learning community',
      'Joining a learning community',
      'Sharing a resource',
      "This learning community's resources",
      'Running a learning community',
      'Save to my learning',
    ]);
  });

  it('when a Welsh speaker meets them, then the titles are in Welsh and none says "Gwneud y sianel hon…"', async () => {
    const titles = [
      titleOf(await said(gwen, 'cymuned ddysgu')),
      titleOf(await said(gwen, 'cod ymuno')),
      titleOf(await said(gwen, 'rhannu https://hwb.gov.wales/')),
      titleOf(await said(gwen, 'llyfrgell')),
      titleOf(await pressed(gwen, 'plc.rename', { plcId: NO_PLC, plcName: 'Enw newydd' })),
      titleOf(await pressed(gwen, 'plc.toLearning', { plcId: NO_PLC, resourceId: NO_RESOURCE })),
    ];
    expect(titles).toEqual(['Creu cymuned ddysgu', 'Ymuno â chymuned ddysgu', 'Rhannu adnodd', "Adnoddau'r gymuned ddysgu hon", 'Rheoli cymuned ddysgu', 'Cadw yn fy nysgu']);
  });
});
