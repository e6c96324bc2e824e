import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

/** Monday 14 December 2026, 10:00 in Wales. */
const clock = new Date('2026-12-14T10:00:00Z');

describe('my team, one page at a time', () => {
  const harness = new BotHarness();
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const manager = teamsUser({ name: 'Eirian Price', locale: 'en-GB' });
  const reports = Array.from({ length: 40 }, (_, i) => teamsUser({ name: `Report ${String(i + 1).padStart(2, '0')}`, locale: 'en-GB', tenantId: manager.tenantId }));
  const asking = [teamsUser({ name: 'Asking A', tenantId: manager.tenantId }), teamsUser({ name: 'Asking B', tenantId: manager.tenantId })];

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await harness.post(message(manager, harness.serviceUrl, 'help'));
    for (const user of [...reports, ...asking]) {
      await harness.post(message(user, harness.serviceUrl, 'help'));
      await act(user, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: manager.aadObjectId });
    }
    for (const user of reports) await act(manager, 'team.accept', { reportId: user.aadObjectId });
  });
  afterAll(() => harness.stop());

  /** The people a page lists: requests (by their Accept button) and reports (by their Appraisal button). */
  const peopleOn = (card: Card) => [...actionsOf(card, 'team.accept'), ...actionsOf(card, 'appraisal.openReview')].map((a) => String(a.data.reportId));

  it('when a manager has more people than a page holds, then Next and Previous reach every one of them exactly once', async () => {
    harness.connector.clear();
    await harness.post(message(manager, harness.serviceUrl, 'my team'));
    let card = cardsIn(harness.connector.sent)[0]!;
    expect(cardText(card)).toContain('People 1 to 14 of 42');
    expect(actionsOf(card, 'team.accept')).toHaveLength(2);
    const seen: string[] = [];
    const pages: Card[] = [];
    for (;;) {
      expect(cardProblems(card)).toEqual([]);
      pages.push(card);
      seen.push(...peopleOn(card));
      const next = actionsOf(card, 'team.show').find((a) => a.title === 'Next');
      if (!next) break;
      card = await act(manager, next.verb, next.data);
    }
    expect(pages).toHaveLength(3);
    expect(cardText(pages[2]!)).toContain('People 29 to 42 of 42');
    expect(seen.sort()).toEqual([...reports, ...asking].map((u) => u.aadObjectId).sort());
    const back = actionsOf(pages[2]!, 'team.show').find((a) => a.title === 'Previous')!;
    expect(peopleOn(await act(manager, back.verb, back.data))).toEqual(peopleOn(pages[1]!));
    expect(actionsOf(pages[0]!, 'team.show').map((a) => a.title)).toEqual(['Next']);
  });

  it('when the manager answers on a later page, then the card comes back on that page', async () => {
    const second = await act(manager, 'team.show', { page: 1 });
    const accept = await act(manager, 'team.accept', { reportId: asking[0]!.aadObjectId, page: 1 });
    expect(cardText(accept)).toContain('Accepted');
    expect(cardText(accept)).toContain('People 15 to 28 of 42');
    expect(peopleOn(second)).toHaveLength(14);
  });

  it('when a page past the end is asked for (people left since), then the last page is shown', async () => {
    expect(cardText(await act(manager, 'team.show', { page: 99 }))).toContain('People 29 to 42 of 42');
    expect(cardText(await act(manager, 'team.show', { page: 'x' }))).toContain("That card can't be used");
  });
});
