import en from '../../../bot/i18n/en.json';
import cy from '../../../bot/i18n/cy.json';
import { BotHarness } from '../../support/bot-harness';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { inputValues, press } from '../../support/press-button';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

const rhys = teamsUser({ name: 'Rhys Owen', locale: 'en-GB' });
const mair = teamsUser({ name: 'Mair Hughes', locale: 'cy-GB', tenantId: rhys.tenantId });
const bethan = teamsUser({ name: 'Bethan Lewis', locale: 'en-GB', tenantId: rhys.tenantId });

/** Every link a card opens. */
const links = (card: Card): string[] => JSON.stringify(card).match(/"url":"[^"]+"/g)?.map((u) => u.slice(7, -1)) ?? [];

describe('my pathway, HLTA status and Welsh-language learning, over HTTP in both languages', () => {
  const harness = new BotHarness();
  const say = async (user: TeamsUser, text: string): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    const card = cardsIn(harness.connector.sent)[0]!;
    expect(cardProblems(card)).toEqual([]);
    return card;
  };
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown>) => invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));

  beforeAll(async () => {
    await harness.start();
    await act(rhys, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'none' });
    await act(mair, 'profile.save', { roleId: 'teaching-assistant-3', welshLevelId: 'fluent' });
    await act(bethan, 'profile.save', { roleId: 'catering-2', welshLevelId: 'intermediate' });
  });
  afterAll(() => harness.stop());

  it('when a teaching assistant at level 2 asks for their pathway, then they see their level, what levels 3 and 4 add with the learning the sources name, each with its source', async () => {
    const text = cardText(await say(rhys, 'my pathway'));
    expect(text).toContain('Your level now: level 2');
    expect(text).toContain('Level 3 adds');
    expect(text).toContain('Can supervise whole classes briefly');
    expect(text).toContain('NVQ 3');
    expect(text).toContain('Level 4 adds');
    expect(text).toContain('Source: NJC');
    const welsh = cardText(await say(mair, 'fy llwybr'));
    expect(welsh).toContain('Eich lefel nawr: lefel 3');
    expect(welsh).toContain('Beth mae lefel 4 yn ei ychwanegu');
  });

  it('when a role the sources do not describe level by level asks, then they are pointed to the NJC profiles, nothing invented', async () => {
    const text = cardText(await say(bethan, 'my pathway'));
    expect(text).toContain('advisory, not prescriptive');
    expect(text).not.toContain('Level 3 adds');
  });

  it('when someone opens HLTA status, then they see what it is, the entry requirements and the route with sources; their readiness ticks are kept', async () => {
    const card = await say(rhys, 'hlta');
    const text = cardText(card);
    expect(text).toContain('is awarded by the Welsh Government');
    expect(text).toContain('It is a status, not a qualification');
    expect(text).toContain("Your headteacher's endorsement.");
    expect(text).toContain('three briefing days');
    expect(text).toContain('0 of 5');
    const { data } = press(card, 'learning.hltaSave', { 'hlta-literacy': 'true', 'hlta-endorsement': 'true' });
    const saved = await act(rhys, 'learning.hltaSave', data);
    expect(cardText(saved)).toContain('Checklist saved: 2 of 5 ticked.');
    const again = await say(rhys, 'hlta');
    expect(inputValues(again)).toMatchObject({ 'hlta-literacy': 'true', 'hlta-numeracy': 'false', 'hlta-endorsement': 'true' });
    expect(cardText(again)).toMatch(/■■■■□□□□□□ 2 of 5/);
    expect(cardText(await act(rhys, 'learning.hltaSave', { 'hlta-literacy': 'maybe' }))).toContain(en.errors.staleCardTitle);
    const welsh = cardText(await say(mair, 'calu'));
    expect(welsh).toContain('Statws yw e, nid cymhwyster');
    expect(welsh).toContain(cy.guides.hltaRequirements);
  });

  it('when someone asks about learning Welsh, then the offers fit their Welsh level and link only to site roots', async () => {
    const beginner = await say(rhys, 'welsh learning');
    const text = cardText(beginner);
    expect(text).toContain('Sabbatical Scheme: entry level (Mynediad)');
    expect(text).toContain('English-medium primary schools');
    expect(text).toContain('Work Welsh');
    expect(links(beginner).every((url) => /^https:\/\/[^/]+\/$/.test(url))).toBe(true);
    expect(links(beginner)).toContain('https://learnwelsh.cymru/');
    const intermediate = cardText(await say(bethan, 'welsh learning'));
    expect(intermediate).not.toContain('Sabbatical Scheme');
    expect(intermediate).toContain('Free Welsh lessons for school staff');
    const fluent = await say(mair, 'dysgu cymraeg');
    expect(cardText(fluent)).toContain('Rhugl neu iaith gyntaf');
    expect(cardText(fluent)).not.toContain('Cymraeg Gwaith');
    const welshLearner = teamsUser({ name: 'Dewi Prys', locale: 'cy-GB', tenantId: rhys.tenantId });
    await act(welshLearner, 'profile.save', { roleId: 'teaching-assistant-1', welshLevelId: 'entry' });
    const cyCard = await say(welshLearner, 'dysgu cymraeg');
    expect(cardText(cyCard)).toContain('Cynllun Sabothol: lefel Mynediad');
    expect(links(cyCard)).toContain('https://dysgucymraeg.cymru/');
  });
});
