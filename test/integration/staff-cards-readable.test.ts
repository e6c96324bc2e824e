import { londonInstant } from '../../bot/time/london-clock';
import { BotHarness } from '../support/bot-harness';
import { actionsOf, executeActions } from '../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

/*
 * What a support worker and a line manager saw when these cards were first looked at in a
 * Teams-like client: objectives squeezed to a letter a line beside their buttons, a save
 * button cut off mid-word, and rows of buttons that said "Appraisal" or "Accept" without
 * saying whose.
 */

/** Tuesday 1 December 2026, 10:00 in Wales: a school day, so notices go at once. */
const TUESDAY = londonInstant('2026-12-01', 10);
let clock = TUESDAY;
const LONG_OBJECTIVE = 'Lead the Year 3 reading club twice a week and keep a record of the books each child reads';

type Element = Record<string, unknown>;

/** Every list of elements in a card body (a card's, a container's or a column's items). */
function elementLists(card: Card): Element[][] {
  const lists: Element[][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      if (node.some((n) => typeof (n as Element)?.type === 'string')) lists.push(node as Element[]);
      return node.forEach(walk);
    }
    if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(card.body);
  return lists;
}

describe('the staff cards read well in a real client, over HTTP as Teams sends them', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start({ now: () => clock }));
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> => {
    const card = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
    expect(cardProblems(card)).toEqual([]);
    return card;
  };
  async function person(name: string, locale = 'en-GB', lineManager?: TeamsUser): Promise<TeamsUser> {
    const user = teamsUser({ name, locale });
    await harness.post(message(user, harness.serviceUrl, 'help'));
    await act(user, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', ...(lineManager ? { lineManager: lineManager.aadObjectId } : {}) });
    return user;
  }

  it('when a person has an objective, then its text has the card’s width with its Edit and Remove buttons beneath it, not squeezed into a column beside them', async () => {
    const member = await person('Gwenllian Jones');
    const card = await act(member, 'appraisal.addObjective', { objectiveText: LONG_OBJECTIVE, objectiveMeasure: 'Six books each by Easter', standards: 'pedagogy', keyAreas: '' });
    expect(cardText(card)).toContain(LONG_OBJECTIVE);
    const holding = elementLists(card).find((items) => items.some((el) => el.text === LONG_OBJECTIVE))!;
    // The text and the buttons that act on it are in one list, one under the other.
    const buttons = holding.find((el) => el.type === 'ActionSet');
    expect((buttons?.actions as Element[] | undefined)?.map((a) => a.verb)).toEqual(['appraisal.editObjective', 'appraisal.removeObjective']);
    expect(JSON.stringify(card)).not.toContain('"ColumnSet"');
    // Short enough to show whole on a narrow card (about 40 characters), still naming the objective.
    expect(executeActions(card).map((a) => a.title).filter((t) => [...t].length > 40)).toEqual([]);
    expect(actionsOf(card, 'appraisal.removeObjective')[0]!.title).toMatch(/^Remove: Lead the Year 3 reading club/);
  });

  it('when a person opens an objective to change it, then the save button says "Save changes" whole, in English and in Welsh, and the heading names the objective', async () => {
    for (const [locale, save, heading] of [
      ['en-GB', 'Save changes', 'Edit the objective: Lead the Year 3 reading'],
      ['cy-GB', "Cadw'r newidiadau", "Golygu'r amcan: Lead the Year 3 reading"],
    ] as const) {
      const member = await person('Gwenllian Jones', locale);
      const shown = await act(member, 'appraisal.addObjective', { objectiveText: LONG_OBJECTIVE, objectiveMeasure: 'Six books each by Easter', standards: 'pedagogy', keyAreas: '' });
      const edit = await act(member, 'appraisal.editObjective', actionsOf(shown, 'appraisal.editObjective')[0]!.data);
      expect(cardText(edit)).toContain(heading);
      expect(actionsOf(edit, 'appraisal.saveObjective').map((a) => a.title)).toEqual([save]);
    }
  });

  it('when a line manager has several people in the team, then each Appraisal button names the person it opens, in English and in Welsh', async () => {
    for (const [locale, word] of [['en-GB', 'Appraisal'], ['cy-GB', 'Arfarniad']] as const) {
      const manager = await person('Gwenllian Jones', locale);
      for (const name of ['Rhys Morgan', 'Sioned Evans']) {
        const report = await person(name, 'en-GB', manager);
        await act(manager, 'team.accept', { reportId: report.aadObjectId });
      }
      const team = await act(manager, 'team.show');
      expect(actionsOf(team, 'appraisal.openReview').map((a) => a.title).sort()).toEqual([`${word}: Rhys Morgan`, `${word}: Sioned Evans`]);
    }
  });

  it('when a report’s induction item waits for sign-off, then its title has the card’s width with the named Sign off button beneath it', async () => {
    const manager = await person('Gwenllian Jones');
    const report = await person('Rhys Morgan', 'en-GB', manager);
    await act(manager, 'team.accept', { reportId: report.aadObjectId });
    await act(report, 'induction.begin', { startDate: '2026-11-02', mode: 'new' });
    const item = harness.bot!.content.inductionItemsFor('teaching-learning', 'new').find((i) => i.signOff)!;
    await act(report, 'induction.tick', { itemId: item.id, stage: item.stage });
    const team = await act(manager, 'team.show');
    const holding = elementLists(team).find((items) => items.some((el) => el.text === item.title.en))!;
    const buttons = holding.find((el) => el.type === 'ActionSet');
    expect((buttons?.actions as Element[] | undefined)?.map((a) => a.title)).toEqual(['Sign off for Rhys Morgan']);
    expect(JSON.stringify(team)).not.toContain('"ColumnSet"');
  });

  it('when someone asks a manager to accept them, then my team shows their name across the card with the named Accept and Decline buttons beneath it', async () => {
    const manager = await person('Gwenllian Jones');
    await person('Dafydd Pritchard', 'en-GB', manager);
    const team = await act(manager, 'team.show');
    const holding = elementLists(team).find((items) => items.some((el) => el.text === 'Dafydd Pritchard'))!;
    const buttons = holding.find((el) => el.type === 'ActionSet');
    expect((buttons?.actions as Element[] | undefined)?.map((a) => a.title)).toEqual(['Accept Dafydd Pritchard', 'Decline Dafydd Pritchard']);
    expect(JSON.stringify(team)).not.toContain('"ColumnSet"');
  });

  it('when someone names a manager, then the notice’s Accept and Decline buttons name that person, in English and in Welsh', async () => {
    for (const [locale, accept, decline] of [
      ['en-GB', 'Accept Dafydd Pritchard', 'Decline Dafydd Pritchard'],
      ['cy-GB', 'Derbyn Dafydd Pritchard', 'Gwrthod Dafydd Pritchard'],
    ] as const) {
      const manager = await person('Gwenllian Jones', locale);
      await person('Dafydd Pritchard', 'en-GB', manager);
      harness.connector.clear();
      await harness.bot!.proactive.sender.drain(clock);
      const notices = cardsIn(harness.connector.sent.filter((s) => s.conversationId === `a:personal-${manager.aadObjectId}`));
      expect(notices).toHaveLength(1);
      expect(cardProblems(notices[0]!)).toEqual([]);
      const titles = executeActions(notices[0]!).map((a) => [a.verb, a.title]);
      expect(titles).toContainEqual(['team.accept', accept]);
      expect(titles).toContainEqual(['team.decline', decline]);
      // Pressing the named Accept still answers the request.
      const accepted = await act(manager, 'team.accept', actionsOf(notices[0]!, 'team.accept')[0]!.data);
      expect(cardText(accepted)).toContain('Dafydd Pritchard');
    }
  });
});
