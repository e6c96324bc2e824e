import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText } from '../support/cards-in';
import { registerSchools, school } from '../support/school-register-fixture';
import { message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

const ONE = '11111111-2222-3333-4444-5555555555a1';
const THREE = '11111111-2222-3333-4444-5555555555a3';
const clock = new Date('2026-12-01T10:00:00Z');
const adminOfOne = teamsUser({ name: 'Gweinyddwr Un', locale: 'cy-GB', tenantId: ONE });
const adminOfOneEn = teamsUser({ name: 'Admin One', tenantId: ONE });
const adminOfThree = teamsUser({ name: 'Admin Three', tenantId: THREE });

/** The register card's counts, as a tenant administrator reads them: one school is "1 school", never "1 schools". */
describe('the schools register card counts its schools in words that fit the number, over HTTP', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: [adminOfOne, adminOfOneEn].map((u) => `${ONE}:${u.aadObjectId}`).concat(`${THREE}:${adminOfThree.aadObjectId}`).join(',') });

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await registerSchools(harness.bot!.store, ONE, [school('Ysgol y Castell')], clock);
    await registerSchools(harness.bot!.store, THREE, [school('Ysgol y Bae'), school('Ysgol y Bryn'), school('Ysgol y Môr', { open: false })], clock);
  });
  afterAll(() => harness.stop());

  const typed = async (user: TeamsUser, text: string) => {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    const card = cardsIn(harness.connector.sent)[0]!;
    expect(cardProblems(card)).toEqual([]);
    return cardText(card);
  };

  it('when a register holds one school, then the card says "1 school" in English and "1 ysgol" in Welsh', async () => {
    expect(await typed(adminOfOneEn, 'schools')).toContain("1 school in your organisation's register (1 open).");
    const welsh = await typed(adminOfOne, 'ysgolion');
    expect(welsh).toContain('1 ysgol yng nghofrestr eich sefydliad (1 ar agor).');
    expect(welsh).not.toContain('1 o ysgolion');
  });

  it('when a register holds several schools, then the card says "3 schools"', async () => {
    expect(await typed(adminOfThree, 'schools')).toContain("3 schools in your organisation's register (2 open).");
  });
});
