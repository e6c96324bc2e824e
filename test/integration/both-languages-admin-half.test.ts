import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText, type Card } from '../support/cards-in';
import { createSchoolRegister } from '../../bot/register/school-register';
import { message, teamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';
import { welshOnlyTexts } from '../support/welsh-only-texts';

const clock = new Date('2026-10-06T09:00:00Z');
const school = (number: string, name: string, laId: string) => ({ number, name, laId, sector: 'primary' as const, languageCategory: 'welsh-medium' as const, open: true });

/** The English half of a card in both languages: the part after the separator. */
function englishHalf(card: Card): Card {
  const body = (card.body ?? []) as Card[];
  expect(body).toHaveLength(2);
  return { type: 'AdaptiveCard', body: body[1]!.items as unknown[] };
}

describe('the English half of an administrator’s cards in "Welsh and English" is really English', () => {
  const admin = teamsUser({ name: 'Gareth Bowen', locale: 'cy-GB' });
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${admin.tenantId}:${admin.aadObjectId}` });
  const say = async (text: string): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(admin, harness.serviceUrl, text));
    return cardsIn(harness.connector.sent)[0]!;
  };

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await createSchoolRegister(harness.bot!.store).save(admin.tenantId, [school('6811111', 'Ysgol y Castell', 'cardiff'), school('6822222', 'Ysgol y Môr', 'swansea')], 'test', clock);
    await say('Cymraeg a Saesneg');
  });
  afterAll(() => harness.stop());

  it('when a tenant administrator who reads both opens help and every administrator command, then no Welsh-only text is left in any English half', async () => {
    const seen = new Map<string, Card>();
    for (const command of ['help', 'schools', 'school', 'members', 'import managers', 'roles', 'audit', 'admin', 'broadcast', 'broadcasts', 'figures', 'my data']) seen.set(command, await say(command));
    const welsh = welshOnlyTexts(8);
    const left: string[] = [];
    for (const [view, card] of seen) {
      expect([view, card && cardProblems(card)]).toEqual([view, []]);
      const english = cardText(englishHalf(card));
      for (const text of welsh) if (english.includes(text)) left.push(`${view}: ${text}`);
    }
    expect(left).toEqual([]);
  });
});
