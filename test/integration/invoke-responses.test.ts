import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { choiceInputs } from '../support/card-inputs';
import { cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, inChannel, inGroupChat, message, teamsUser, type TeamsUser } from '../support/teams-activities';

/** Monday 23 November 2026, 10:00 in Wales: a school day. */
const clock = new Date('2026-11-23T10:00:00Z');

type Place = 'personal chat' | 'group chat' | 'channel';
const places: Place[] = ['personal chat', 'group chat', 'channel'];

describe('per-person cards answer the person who pressed, never the shared message', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start({ now: () => clock }));
  afterAll(() => harness.stop());

  const manager = teamsUser({ name: 'Eirian Price', locale: 'en-GB' });

  /** An Action.Execute pressed in `place`, as Teams sends it there. */
  function pressIn(place: Place, user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Record<string, unknown> {
    const activity = cardAction(user, harness.serviceUrl, verb, data);
    return place === 'personal chat' ? activity : place === 'group chat' ? inGroupChat(activity, user) : inChannel(activity, user);
  }
  const press = async (place: Place, user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(pressIn(place, user, verb, data)));

  /** A teaching assistant with an accepted line manager and a finished self-assessment; her results card. */
  async function staffWithResults(): Promise<{ ta: TeamsUser; results: Card }> {
    const ta = teamsUser({ name: 'Ffion Jones', locale: 'en-GB', tenantId: manager.tenantId });
    await harness.post(message(ta, harness.serviceUrl, 'help'));
    await press('personal chat', ta, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: manager.aadObjectId });
    await press('personal chat', manager, 'team.accept', { reportId: ta.aadObjectId });
    let card = await press('personal chat', ta, 'selfAssessment.begin');
    while (actionsOf(card, 'selfAssessment.answer').length > 0) {
      const next = actionsOf(card, 'selfAssessment.answer').find((a) => a.data.move === 'next')!;
      card = await press('personal chat', ta, next.verb, { ...next.data, ...Object.fromEntries(choiceInputs(card).map((i) => [i.id, '3'])) });
    }
    return { ta, results: card };
  }

  /** What the bot sent as an update of an existing message (a PUT), since `from`. */
  const updatesSince = (from: number) => harness.connector.sent.slice(from).filter((s) => s.method === 'PUT');

  it.each(places)('when the results, share and shared-summary buttons are pressed in a %s, then each is answered in the invoke and no message is updated', async (place) => {
    await harness.post(message(manager, harness.serviceUrl, 'help'));
    const { ta, results } = await staffWithResults();
    const from = harness.connector.sent.length;
    const share = actionsOf(results, 'selfAssessment.share')[0]!;

    const shown = await press(place, ta, 'selfAssessment.results');
    const shared = await press(place, ta, share.verb, share.data);
    const opened = await press(place, manager, 'selfAssessment.shared', { reportId: ta.aadObjectId });
    // Teams asks again when the manager views the card (the refresh clause): the same answer path.
    const refreshed = await press(place, manager, 'selfAssessment.shared', { reportId: ta.aadObjectId });

    if (place === 'personal chat') {
      expect(cardText(shown)).toContain('Completed on 23 November 2026');
      expect(cardText(shared)).toContain('Shared.');
      expect(cardText(opened)).toContain('Ffion Jones shared their self-assessment summary with you');
      expect(opened.refresh).toBeDefined();
      expect(cardText(refreshed)).toContain('Ffion Jones shared their self-assessment summary with you');
    } else {
      for (const card of [shown, shared, opened, refreshed]) expect(cardText(card)).toContain("Let's talk one-to-one");
    }
    expect(updatesSince(from)).toEqual([]);
  });

  it('when a card with a refresh clause has been answered once, then later presses of the same button still update no message', async () => {
    const { ta } = await staffWithResults();
    await press('personal chat', ta, 'selfAssessment.share', { resultId: (await harness.bot!.store.users.read(`${ta.tenantId}:${ta.aadObjectId}`, `${ta.tenantId}:${ta.aadObjectId}`))!.value.selfAssessment!.results[0]!.id });
    const from = harness.connector.sent.length;
    for (let i = 0; i < 3; i += 1) await press('personal chat', manager, 'selfAssessment.shared', { reportId: ta.aadObjectId });
    await press('group chat', manager, 'selfAssessment.shared', { reportId: ta.aadObjectId });
    expect(updatesSince(from)).toEqual([]);
  });
});
