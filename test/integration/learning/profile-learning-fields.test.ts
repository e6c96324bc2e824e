import en from '../../../bot/i18n/en.json';
import cy from '../../../bot/i18n/cy.json';
import { BotHarness } from '../../support/bot-harness';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { choiceInputs } from '../../support/card-inputs';
import { press } from '../../support/press-button';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

const gwen = teamsUser({ name: 'Gwen Morgan', locale: 'cy-GB' });
const sam = teamsUser({ name: 'Sam Price', locale: 'en-GB', tenantId: gwen.tenantId });

describe('the profile questions my learning owns (EWC registered, qualification, HLTA status), over HTTP', () => {
  const harness = new BotHarness();
  const form = async (user: TeamsUser): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, user === gwen ? 'proffil' : 'profile'));
    return cardsIn(harness.connector.sent)[0]!;
  };
  const save = async (user: TeamsUser, card: Card, typed: Record<string, unknown>): Promise<Card> => {
    const { verb, data } = press(card, 'profile.save', typed);
    const answer = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
    expect(cardProblems(answer)).toEqual([]);
    return answer;
  };
  const profileOf = async (user: TeamsUser) => (await harness.bot!.store.users.read(`${user.tenantId}:${user.aadObjectId}`, `${user.tenantId}:${user.aadObjectId}`))?.value.profile;

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('when someone answers the optional questions in English, then they are kept and shown on the profile, and the form opens with them', async () => {
    const card = await form(sam);
    const ids = choiceInputs(card).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['ewcRegistered', 'qualification', 'hltaStatus']));
    expect(choiceInputs(card).find((c) => c.id === 'qualification')!.choices.map((c) => c.title)).toContain('Level 3 (for example NVQ 3)');
    const summary = await save(sam, card, { roleId: 'teaching-assistant-3', welshLevelId: 'entry', ewcRegistered: 'yes', qualification: 'level-3', hltaStatus: 'working-towards' });
    const text = cardText(summary);
    expect(text).toContain(en.learningProfile.ewcRegisteredField);
    expect(text).toContain('Level 3 (for example NVQ 3)');
    expect(text).toContain(en.learningProfile.hlta['working-towards']);
    expect(await profileOf(sam)).toMatchObject({ ewcRegistered: true, qualification: 'level-3', hltaStatus: 'working-towards' });
    const again = invokeCard(await harness.post(cardAction(sam, harness.serviceUrl, 'profile.edit', {})));
    expect(choiceInputs(again).find((c) => c.id === 'hltaStatus')!.value).toBe('working-towards');
  });

  it('when someone in Welsh leaves them as "Dim ateb", then the profile saves without them', async () => {
    const card = await form(gwen);
    expect(cardText(card)).toContain(cy.learningProfile.qualificationLabel);
    const summary = await save(gwen, card, { roleId: 'teaching-assistant-2', welshLevelId: 'fluent' });
    expect(cardText(summary)).not.toContain(cy.learningProfile.hltaField);
    const profile = await profileOf(gwen);
    expect(profile).toBeDefined();
    expect(profile).not.toHaveProperty('qualification');
    expect(profile).not.toHaveProperty('ewcRegistered');
  });

  it('when the card data is tampered with (a qualification never offered), then the stale-card card comes back and nothing is written', async () => {
    const before = await profileOf(sam);
    const answer = invokeCard(await harness.post(cardAction(sam, harness.serviceUrl, 'profile.save', { roleId: 'teaching-assistant-3', welshLevelId: 'entry', qualification: 'phd-in-everything' })));
    expect(cardText(answer)).toContain(en.errors.staleCardTitle);
    expect(await profileOf(sam)).toEqual(before);
  });
});
