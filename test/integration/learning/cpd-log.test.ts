import en from '../../../bot/i18n/en.json';
import cy from '../../../bot/i18n/cy.json';
import { learningEntries } from '../../../bot/learning/learning-entry';
import { BotHarness } from '../../support/bot-harness';
import { actionsOf, textInputValue } from '../../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { inputValues, press } from '../../support/press-button';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

/** Monday 14 December 2026, 10:00 in Wales. */
const clock = new Date('2026-12-14T10:00:00Z');
const nia = teamsUser({ name: 'Nia Roberts', locale: 'cy-GB' });
const tom = teamsUser({ name: 'Tom Evans', locale: 'en-GB', tenantId: nia.tenantId });

const GOOD = {
  learningTitle: 'Makaton level 1',
  learningDate: '2026-11-20',
  learningHours: '3.5',
  learningKind: 'course',
  learningAreas: 'communication,development',
  learningStandards: 'pedagogy',
  learned: 'Signs for everyday routines.',
  changed: 'I sign at snack time.',
  difference: 'Two pupils ask for help with signs now.',
};

describe('the CPD log, over HTTP in Welsh and English', () => {
  const harness = new BotHarness();
  const say = async (user: TeamsUser, text: string): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    const cards = cardsIn(harness.connector.sent);
    expect(cards).toHaveLength(1);
    return cards[0]!;
  };
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Card> => invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const pressOn = async (user: TeamsUser, card: Card, verb: string, typed: Record<string, unknown> = {}, which?: Parameters<typeof press>[3]) => {
    const { data } = press(card, verb, typed, which);
    const answer = await act(user, verb, data);
    expect(cardProblems(answer)).toEqual([]);
    return answer;
  };
  const stored = async (user: TeamsUser) => (await harness.bot!.store.collection(learningEntries).findInPartition(`${user.tenantId}:${user.aadObjectId}`, {})).map((s) => s.value);

  beforeAll(async () => {
    await harness.start({ now: () => clock });
  });
  afterAll(() => harness.stop());

  it('when someone logs learning in English, then it is saved and my learning shows it with totals and bars by key area and standard', async () => {
    const form = await say(tom, 'log learning');
    expect(cardProblems(form)).toEqual([]);
    expect(cardText(form)).toContain(en.learning.learnedLabel);
    const list = await pressOn(tom, form, 'learning.save', GOOD);
    const text = cardText(list);
    expect(text).toContain('Saved to your learning: Makaton level 1.');
    expect(text).toContain('1 entry, 3.5 hours');
    expect(text).toContain(en.learning.byArea);
    expect(text).toMatch(/■+□* 3\.5 h/);
    expect(text).toContain('Friday, 20 November 2026 · 3.5 h · Course');
    expect(actionsOf(list, 'learning.edit')[0]?.title).toBe('Edit Makaton level 1');
    const [entry] = await stored(tom);
    expect(entry).toMatchObject({ title: 'Makaton level 1', hours: 3.5, keyAreas: ['communication', 'development'], standards: ['pedagogy'] });
    expect(cardText(await say(tom, 'my learning'))).toContain('Makaton level 1');
  });

  it('when someone logs learning in Welsh, then the cards speak Welsh and the entry is saved', async () => {
    const form = await say(nia, 'cofnodi dysgu');
    expect(cardText(form)).toContain(cy.learning.learnedLabel);
    const list = await pressOn(nia, form, 'learning.save', { ...GOOD, learningTitle: 'Cwrs Cymraeg Gwaith', learningHours: '2,5' });
    expect(cardText(list)).toContain("Wedi'i gadw yn eich dysgu: Cwrs Cymraeg Gwaith.");
    expect(cardText(list)).toContain('1 cofnod, 2.5 awr');
    expect(cardText(await say(nia, 'fy nysgu'))).toContain(cy.learning.byStandard);
    expect((await stored(nia))[0]).toMatchObject({ title: 'Cwrs Cymraeg Gwaith', hours: 2.5 });
  });

  it('when input is bad (hours, dates, reflection, missing title), then the same card comes back with what was typed and the problem at the field, and nothing is written', async () => {
    const before = JSON.stringify(await stored(tom));
    const cases: [Record<string, string>, string, string][] = [
      [{ learningHours: 'three' }, en.learning.problems['hours-invalid'], 'learningHours'],
      [{ learningHours: '101' }, en.learning.problems['hours-range'], 'learningHours'],
      [{ learningHours: '0' }, en.learning.problems['hours-range'], 'learningHours'],
      [{ learningDate: '2026-12-15' }, en.learning.problems['date-future'], 'learningDate'],
      [{ learningDate: '1989-12-31' }, en.learning.problems['date-early'], 'learningDate'],
      [{ learningDate: '2026-02-30' }, en.learning.problems['date-invalid'], 'learningDate'],
      [{ changed: 'x'.repeat(1001) }, en.learning.problems['reflection-long'], 'changed'],
      [{ learningTitle: '   ' }, en.learning.problems['title-missing'], 'learningTitle'],
    ];
    for (const [typed, problem, field] of cases) {
      const form = await say(tom, 'log learning');
      const back = await pressOn(tom, form, 'learning.save', { ...GOOD, ...typed });
      expect([field, cardText(back)]).toEqual([field, expect.stringContaining(problem)]);
      expect(cardText(back)).toContain(en.learning.notSaved);
      // Everything typed is still there, the bad value included.
      const values = inputValues(back);
      expect([field, values[field]]).toEqual([field, { ...GOOD, ...typed }[field]]);
      expect(textInputValue(back, 'learned')).toBe(GOOD.learned);
      expect(values.learningAreas).toBe(GOOD.learningAreas);
    }
    const welsh = await pressOn(nia, await say(nia, 'cofnodi dysgu'), 'learning.save', { ...GOOD, learningHours: 'tair' });
    expect(cardText(welsh)).toContain(cy.learning.problems['hours-invalid']);
    expect(JSON.stringify(await stored(tom))).toBe(before);
    expect(await stored(nia)).toHaveLength(1);
  });

  it("when someone edits an entry, then the form opens with it as saved and the change is kept; someone else's entry or a tampered id changes nothing", async () => {
    const list = await say(tom, 'my learning');
    const form = await pressOn(tom, list, 'learning.edit');
    expect(textInputValue(form, 'learningTitle')).toBe('Makaton level 1');
    expect(cardText(form)).toContain('Edit: Makaton level 1');
    const saved = await pressOn(tom, form, 'learning.save', { learningHours: '4' });
    expect(cardText(saved)).toContain('1 entry, 4 hours');
    const [entry] = await stored(tom);
    expect(entry!.hours).toBe(4);
    const niaEntry = (await stored(nia))[0]!;
    const before = JSON.stringify([await stored(tom), await stored(nia)]);
    // Tom's card, with Nia's entry id put in its data: not in Tom's log, so nothing happens.
    expect(cardText(await act(tom, 'learning.save', { ...GOOD, entryId: niaEntry.id }))).toContain(en.learning.notFound);
    expect(cardText(await act(tom, 'learning.delete', { entryId: niaEntry.id, confirm: true }))).toContain(en.learning.notFound);
    expect(cardText(await act(tom, 'learning.edit', { entryId: niaEntry.id }))).toContain(en.learning.notFound);
    expect(cardText(await act(tom, 'learning.delete', { entryId: '../x' }))).toContain(en.errors.staleCardTitle);
    expect(cardText(await act(tom, 'learning.save', { ...GOOD, learningKind: 'holiday' }))).toContain(en.errors.staleCardTitle);
    expect(cardText(await act(tom, 'learning.save', { ...GOOD, learningStandards: 'pedagogy,hacking' }))).toContain(en.errors.staleCardTitle);
    expect(JSON.stringify([await stored(tom), await stored(nia)])).toBe(before);
  });

  it('when the log is filtered by year, key area or standard, then the totals count only what is shown, and a long log is paged', async () => {
    for (let i = 1; i <= 11; i += 1) {
      await act(tom, 'learning.save', { ...GOOD, learningTitle: `Reading ${i}`, learningDate: '2025-06-01', learningHours: '1', learningKind: 'reading', learningAreas: 'safeguarding', learningStandards: 'leadership' });
    }
    const all = await say(tom, 'my learning');
    expect(cardText(all)).toContain('12 entries, 15 hours');
    expect(cardText(all)).toContain('Page 1 of 2');
    const next = await pressOn(tom, all, 'learning.show', {}, (a) => a.title === en.learning.next);
    expect(cardText(next)).toContain('Page 2 of 2');
    expect(await pressOn(tom, all, 'learning.show', { filterYear: '2026' }, (a) => a.title === en.learning.applyFilters).then(cardText)).toContain('1 entry, 4 hours');
    expect(await pressOn(tom, all, 'learning.show', { filterArea: 'safeguarding' }, (a) => a.title === en.learning.applyFilters).then(cardText)).toContain('11 entries, 11 hours');
    const byStandard = cardText(await pressOn(tom, all, 'learning.show', { filterStandard: 'pedagogy' }, (a) => a.title === en.learning.applyFilters));
    expect(byStandard).toContain('1 entry, 4 hours');
    expect(byStandard).not.toContain('Reading 1');
  });

  it('when someone deletes an entry, then they are asked once more, and on yes it is gone from the store and the log says so', async () => {
    const list = await say(nia, 'fy nysgu');
    const asked = await pressOn(nia, list, 'learning.delete');
    expect(cardText(asked)).toContain('Dileu Cwrs Cymraeg Gwaith o\'ch dysgu?');
    expect(await stored(nia)).toHaveLength(1);
    const kept = await pressOn(nia, asked, 'learning.show', {}, (a) => a.title === cy.learning.keepIt);
    expect(cardText(kept)).toContain('Cwrs Cymraeg Gwaith');
    expect(await stored(nia)).toHaveLength(1);
    const after = await pressOn(nia, asked, 'learning.delete', {}, (a) => a.data.confirm === true);
    expect(cardText(after)).toContain("Wedi'i ddileu o'ch dysgu: Cwrs Cymraeg Gwaith.");
    expect(cardText(after)).toContain(cy.learning.emptyLog);
    expect(await stored(nia)).toEqual([]);
  });
});
