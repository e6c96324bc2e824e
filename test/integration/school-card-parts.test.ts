import { BotHarness } from '../support/bot-harness';
import { actionsOf, executeActions, textInputValue } from '../support/card-actions';
import { choiceInputs } from '../support/card-inputs';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { inputValues, press } from '../support/press-button';
import { cardProblems } from '../support/validate-card';
import { schoolKey } from '../../bot/school/school-settings';
import { appointSchoolAdmin, registerSchools, school as registered } from '../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';

const TENANT = '11111111-2222-3333-4444-555555555555';
const HEAD = teamsUser({ aadObjectId: 'b0b0b0b0-1111-4222-8333-444455556666', name: 'Ceri Pennaeth', tenantId: TENANT });
const PENNAETH = teamsUser({ aadObjectId: 'b0b0b0b0-1111-4222-8333-444455557777', name: 'Siân Pennaeth', tenantId: TENANT, locale: 'cy-GB' });
const LLANFAIR = 'Ysgol Gynradd Llanfair';
const BRYN = 'Ysgol Uwchradd y Bryn';

/** The elements of the card in reading order, containers opened. */
function elements(card: Card): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (items: unknown[]) => {
    for (const el of items as Record<string, unknown>[]) {
      out.push(el);
      if (Array.isArray(el.items)) walk(el.items);
    }
  };
  walk(card.body ?? []);
  return out;
}

/** The words of the text blocks a container holds. */
function textIn(container: Record<string, unknown>): string {
  return (container.items as Record<string, unknown>[]).filter((el) => el.type === 'TextBlock').map((el) => String(el.text)).join('\n');
}

/** The text shown right under an input, when it is a message (in words, on the attention style's background). */
function messageUnder(card: Card, id: string): string | undefined {
  const all = elements(card);
  const at = all.findIndex((el) => el.id === id);
  const next = all[at + 1];
  return next?.type === 'Container' && next.style === 'attention' ? textIn(next) : undefined;
}

/** The text shown right under the button of `verb`: the answer to pressing it, on its tone's background. */
function answerBeside(card: Card, verb: string): string | undefined {
  const all = elements(card);
  const at = all.findIndex((el) => el.type === 'ActionSet' && (el.actions as { verb?: string }[]).some((a) => a.verb === verb));
  const next = all[at + 1];
  return next?.type === 'Container' && typeof next.style === 'string' ? textIn(next) : undefined;
}

const inputIds = (card: Card) => Object.keys(inputValues(card));

describe('the school card: one part at a time, nothing typed lost', () => {
  const harness = new BotHarness();
  const ids = new Map<string, string>();
  beforeAll(async () => {
    await harness.start();
    for (const [name, entry] of await registerSchools(harness.bot!.store, TENANT, [registered(LLANFAIR), registered(BRYN)])) ids.set(name, entry.id);
    await appointSchoolAdmin(harness.bot!.store, TENANT, ids.get(LLANFAIR)!, HEAD.aadObjectId);
    for (const name of [LLANFAIR, BRYN]) await appointSchoolAdmin(harness.bot!.store, TENANT, ids.get(name)!, PENNAETH.aadObjectId);
  });
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  const send = async (user: TeamsUser, pressed: { verb: string; data: Record<string, unknown> }): Promise<Card> => {
    const card = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, pressed.verb, pressed.data)));
    expect(cardProblems(card)).toEqual([]);
    return card;
  };
  const opened = async (user: TeamsUser): Promise<Card> => {
    await harness.post(message(user, harness.serviceUrl, 'school'));
    return cardsIn(harness.connector.sent).at(-1)!;
  };
  /** Presses the button that shows a part of the card, typing `typed` first. */
  const part = (user: TeamsUser, card: Card, section: string, typed: Record<string, unknown> = {}) =>
    send(user, press(card, 'school.show', typed, (a) => a.data.section === section));
  const stored = async () => (await harness.bot!.store.schools.read(schoolKey(TENANT, ids.get(LLANFAIR)!), schoolKey(TENANT, ids.get(LLANFAIR)!)))!.value;

  it('when the school card opens, then it shows a summary and a button for each part, and each part shows only its own inputs with one save and its answer beside that save', async () => {
    const summary = await opened(HEAD);
    expect(inputIds(summary)).toEqual([]);
    const parts = actionsOf(summary, 'school.show').map((a) => a.data.section);
    expect(parts).toEqual(['summary', 'contacts', 'items', 'links', 'cycle', 'holidays']);
    const saves = ['school.saveContacts', 'school.addItem', 'school.addLink', 'school.saveCycle', 'school.addHoliday'];
    expect(executeActions(summary).filter((a) => saves.includes(a.verb))).toEqual([]);

    const expected: Record<string, [string, string[]]> = {
      contacts: ['school.saveContacts', ['dspName', 'alncoName']],
      items: ['school.addItem', ['stage', 'titleCy', 'titleEn', 'whatCy', 'whatEn', 'dayOffset', 'signOff']],
      links: ['school.addLink', ['linkTitleCy', 'linkTitleEn', 'url']],
      cycle: ['school.saveCycle', ['cycleStartMonth']],
      holidays: ['school.addHoliday', ['holidayFrom', 'holidayTo']],
    };
    for (const [section, [save, inputs]] of Object.entries(expected)) {
      const card = await part(HEAD, summary, section);
      expect([section, inputIds(card)]).toEqual([section, inputs]);
      expect([section, executeActions(card).filter((a) => saves.includes(a.verb)).map((a) => a.verb)]).toEqual([section, [save]]);
      // The part being shown says so: its own button cannot be pressed again.
      expect(JSON.stringify(card)).toContain(`"isEnabled":false,"verb":"school.show","data":{"schoolId":"${ids.get(LLANFAIR)}","section":"${section}"`);
    }
    const saved = await send(HEAD, press(await part(HEAD, summary, 'contacts'), 'school.saveContacts', { dspName: 'Mrs Bethan Ellis' }));
    expect(answerBeside(saved, 'school.saveContacts')).toBe('Saved.');
    expect(cardText(await part(HEAD, saved, 'summary'))).toContain('Designated Safeguarding Person: Mrs Bethan Ellis · ALNCo: not set yet');
  });

  it('when an administrator fills in only the English title and text and saves the induction items, then both are still typed, the Welsh title is marked, the answer is beside the save, and nothing is added', async () => {
    const items = await part(HEAD, await opened(HEAD), 'items');
    const typed = { titleEn: 'Collect your lanyard', whatEn: 'Ask at reception.', dayOffset: '3', stage: 'first-day', signOff: 'true' };
    const refused = await send(HEAD, press(items, 'school.addItem', typed));
    expect(textInputValue(refused, 'titleEn')).toBe('Collect your lanyard');
    expect(textInputValue(refused, 'whatEn')).toBe('Ask at reception.');
    expect(inputValues(refused)).toMatchObject({ dayOffset: 3, stage: 'first-day', signOff: 'true' });
    expect(messageUnder(refused, 'titleCy')).toBe('Enter the title in both Welsh and English (up to 120 characters each).');
    expect(messageUnder(refused, 'titleEn')).toBeUndefined();
    expect(answerBeside(refused, 'school.addItem')).toContain('Not saved');
    expect((await stored()).items).toEqual([]);

    // Putting it right adds the item and clears the form for the next one.
    const added = await send(HEAD, press(refused, 'school.addItem', { titleCy: 'Casglwch eich laniard', whatCy: 'Gofynnwch yn y dderbynfa.' }));
    expect(answerBeside(added, 'school.addItem')).toBe('Saved.');
    expect(textInputValue(added, 'titleEn')).toBe('');
    expect((await stored()).items).toMatchObject([{ title: { en: 'Collect your lanyard', cy: 'Casglwch eich laniard' }, dayOffset: 3, signOff: true, stage: 'first-day' }]);
  });

  it('when an administrator types a Welsh title, then goes to the holidays and adds one, then the title is still typed when they come back, and the holiday reads as dates', async () => {
    const items = await part(HEAD, await opened(HEAD), 'items');
    const holidays = await part(HEAD, items, 'holidays', { titleCy: 'Diogelu: cyflwyniad' });
    const added = await send(HEAD, press(holidays, 'school.addHoliday', { holidayFrom: '2026-12-22', holidayTo: '2027-01-02' }));
    expect(answerBeside(added, 'school.addHoliday')).toBe('Saved.');
    expect(choiceInputs(added).find((c) => c.id === 'removeHolidays')!.choices.map((c) => c.title)).toEqual(['22 Dec 2026 – 2 Jan 2027']);
    expect(elements(added).filter((el) => el.type === 'TextBlock').map((el) => el.text).join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const back = await part(HEAD, added, 'items');
    expect(textInputValue(back, 'titleCy')).toBe('Diogelu: cyflwyniad');

    // A refused holiday keeps its dates, marks the one that is wrong, and keeps the title too.
    const refused = await send(HEAD, press(await part(HEAD, back, 'holidays'), 'school.addHoliday', { holidayFrom: '2027-04-09', holidayTo: '2027-03-29' }));
    expect(inputValues(refused)).toMatchObject({ holidayFrom: '2027-04-09', holidayTo: '2027-03-29' });
    expect(messageUnder(refused, 'holidayTo')).toContain('last on or after first');
    expect(textInputValue(await part(HEAD, refused, 'items'), 'titleCy')).toBe('Diogelu: cyflwyniad');
    expect((await stored()).holidays).toEqual([{ from: '2026-12-22', to: '2027-01-02' }]);
  });

  it('when a Welsh-speaking administrator reads the holidays, then they read as Welsh dates, and each one to remove is named by its dates', async () => {
    const holidays = await part(PENNAETH, await send(PENNAETH, { verb: 'school.show', data: { schoolId: ids.get(LLANFAIR) } }), 'holidays');
    expect(cardText(holidays)).toContain('22 Rhag 2026 – 2 Ion 2027');
    const remove = choiceInputs(holidays).find((c) => c.id === 'removeHolidays')!;
    expect(remove.choices.map((c) => c.title)).toEqual(['22 Rhag 2026 – 2 Ion 2027']);
    const removed = await send(PENNAETH, press(holidays, 'school.addHoliday', { removeHolidays: remove.choices[0]!.value }));
    expect(answerBeside(removed, 'school.addHoliday')).toBe("Wedi'i gadw.");
    expect((await stored()).holidays).toEqual([]);
  });

  it('when an administrator ticks an induction item to remove, then the tick names the item, and saving with nothing ticked or typed says so beside the save', async () => {
    const items = await part(HEAD, await opened(HEAD), 'items');
    const remove = choiceInputs(items).find((c) => c.id === 'removeItems')!;
    expect(remove.label).toBe('Tick an item to remove it when you save');
    expect(remove.choices.map((c) => c.title)).toEqual(['Your first day: Casglwch eich laniard / Collect your lanyard']);
    const nothing = await send(HEAD, press(items, 'school.addItem', { titleCy: '' }));
    expect(answerBeside(nothing, 'school.addItem')).toBe('Nothing to save: fill in a new entry above, or tick one to remove.');
    await send(HEAD, press(items, 'school.addItem', { titleCy: '', removeItems: remove.choices[0]!.value }));
    expect((await stored()).items).toEqual([]);
  });

  it('when an administrator saves the appraisal month, then the button and the answer say when the change takes effect', async () => {
    const cycle = await part(HEAD, await opened(HEAD), 'cycle');
    expect(actionsOf(cycle, 'school.saveCycle')[0]!.title).toBe('Save month (from the next appraisal year)');
    expect(cardText(cycle)).toContain('an appraisal year already under way keeps its dates, and the new month applies when that year ends');
    const saved = await send(HEAD, press(cycle, 'school.saveCycle', { cycleStartMonth: '4' }));
    expect(answerBeside(saved, 'school.saveCycle')).toBe('Saved: appraisal years at this school now start in April. An appraisal year already under way keeps its dates; the new month applies when it ends.');
    expect((await stored()).cycleStartMonth).toBe(4);
  });

  it('when an administrator of two schools asks for the school card, then each school button says it changes that school’s settings', async () => {
    const chooser = await opened(PENNAETH);
    const buttons = actionsOf(chooser, 'school.show').filter((a) => a.data.schoolId !== undefined);
    expect(buttons.map((a) => a.title)).toEqual(['Newid y gosodiadau', 'Newid y gosodiadau']);
    expect(JSON.stringify(chooser)).toContain(`Newid gosodiadau ${LLANFAIR}`);
    expect(cardText(chooser)).not.toContain('Agor yr ysgol hon');
  });
});
