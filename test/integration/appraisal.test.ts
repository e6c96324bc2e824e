import { isAllowedInstant, type Holiday } from '../../bot/proactive/quiet-hours';
import { addDays, londonInstant, londonTime } from '../../bot/time/london-clock';
import { BotHarness } from '../support/bot-harness';
import { actionsOf, blockingInputs, textInputValue } from '../support/card-actions';
import { choiceInputs } from '../support/card-inputs';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { changeSchoolSettings, confirmedAt, registerSchools, school as registered } from '../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';

/** Monday 14 December 2026, 10:00 in Wales. */
let clock = new Date('2026-12-14T10:00:00Z');
const now = () => clock;

const SCHOOL = 'Ysgol y Castell';
const HOLIDAYS: Holiday[] = [
  { from: '2026-12-21', to: '2027-01-01' },
  { from: '2027-03-29', to: '2027-04-09' },
];
const admin = teamsUser({ aadObjectId: 'a0a0a0a0-1111-4222-8333-444455550001', name: 'Ceri Admin' });
const manager = teamsUser({ name: 'Eirian Price', locale: 'en-GB', tenantId: admin.tenantId });
const staff = teamsUser({ name: 'Nia Roberts', locale: 'cy-GB', tenantId: admin.tenantId });

describe('the appraisal cycle, over HTTP as Teams sends it, on a test clock', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: admin.aadObjectId });
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const keyOf = (u: TeamsUser) => `${u.tenantId}:${u.aadObjectId}`;
  const etagOf = async (u: TeamsUser) => (await harness.bot!.store.users.read(keyOf(u), keyOf(u)))?.etag;

  /** Register ids of the test's schools, by name. */
  const schoolIds = new Map<string, string>();
  const idOf = (name: string) => schoolIds.get(name)!;

  /** A staff member with a profile, confirmed by `school` (so its calendar is theirs), and their line manager if any. */
  async function joins(user: TeamsUser, lineManager?: TeamsUser, school = SCHOOL): Promise<void> {
    await harness.post(message(user, harness.serviceUrl, 'help'));
    await confirmedAt(harness.bot!.store, user.tenantId, idOf(school), user.aadObjectId, clock);
    await act(user, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', ...(lineManager ? { lineManager: lineManager.aadObjectId } : {}) });
    if (lineManager) expect(cardText(await act(lineManager, 'team.accept', { reportId: user.aadObjectId }))).toContain('Accepted');
  }

  beforeAll(async () => {
    await harness.start({ now });
    const entries = await registerSchools(harness.bot!.store, admin.tenantId, [registered(SCHOOL), registered('Ysgol y Bryn')], clock);
    for (const [name, entry] of entries) schoolIds.set(name, entry.id);
    await changeSchoolSettings(harness.bot!.store, admin.tenantId, idOf(SCHOOL), (s) => ({ ...s, holidays: HOLIDAYS, cycleStartMonth: 9 }));
    await harness.post(message(manager, harness.serviceUrl, 'help'));
    await joins(staff, manager);
  });
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  it('when input is bad, stale, tampered or from someone who is not the line manager, then a clear card comes back and nothing is written', async () => {
    const user = teamsUser({ name: 'Tomos Hughes', locale: 'en-GB', tenantId: admin.tenantId });
    const stranger = teamsUser({ name: 'Dai Jones', locale: 'en-GB', tenantId: admin.tenantId });
    const theirManager = teamsUser({ name: 'Sian Lloyd', locale: 'en-GB', tenantId: admin.tenantId });
    await harness.post(message(theirManager, harness.serviceUrl, 'help'));
    await joins(user, theirManager);
    await harness.post(message(stranger, harness.serviceUrl, 'help'));
    for (let i = 1; i <= 5; i += 1) await act(user, 'appraisal.addObjective', { objectiveText: `Objective ${i}`, objectiveMeasure: 'Seen in class', standards: 'pedagogy', keyAreas: '' });
    await act(user, 'appraisal.setDates', { 'date-mid-year': '2027-03-10' });
    harness.connector.clear();
    const cases: [TeamsUser, string, Record<string, unknown>, string][] = [
      [user, 'appraisal.setDates', { 'date-planning': '2026-12-01' }, 'That date has passed'],
      [user, 'appraisal.setDates', { 'date-planning': '2099-01-06' }, 'outside this appraisal cycle'],
      [user, 'appraisal.setDates', { 'date-planning': '2027-02-30' }, 'That is not a date'],
      [user, 'appraisal.setDates', { 'date-planning': '2027-04-01' }, 'must come in order'],
      [user, 'appraisal.addObjective', { objectiveText: 'A sixth', objectiveMeasure: 'x', standards: '', keyAreas: '' }, 'at most five objectives'],
      [user, 'appraisal.addObjective', { objectiveText: 'Tampered', objectiveMeasure: 'x', standards: 'hacking', keyAreas: '' }, "That card can't be used"],
      [user, 'appraisal.confirm', { meeting: 'mid-year', date: '2027-03-03', reportId: '' }, 'has changed since this card was sent'],
      [user, 'appraisal.snooze', { meeting: 'final', date: '2027-03-10' }, "That card can't be used"],
      [stranger, 'appraisal.setDates', { reportId: user.aadObjectId, 'date-planning': '2027-01-06' }, 'You are not this person’s line manager'.replace('’', "'")],
      [stranger, 'appraisal.openReview', { reportId: user.aadObjectId }, "You are not this person's line manager"],
      [stranger, 'appraisal.record', { reportId: user.aadObjectId, meeting: 'mid-year', date: '2027-03-10', 'outcome-o1': 'met' }, "You are not this person's line manager"],
      [manager, 'appraisal.openReview', { reportId: user.aadObjectId }, "You are not this person's line manager"],
      [theirManager, 'appraisal.record', { reportId: user.aadObjectId, meeting: 'mid-year', date: '2027-03-10', 'outcome-o1': 'met' }, 'on its day or after'],
      [theirManager, 'appraisal.record', { reportId: user.aadObjectId, meeting: 'mid-year', date: '2027-03-10', 'outcome-o1': 'excellent' }, "That card can't be used"],
      [theirManager, 'appraisal.setDates', { reportId: user.aadObjectId, 'date-end-of-year': '2027-03-01' }, 'must come in order'],
    ];
    for (const [who, verb, data, expected] of cases) {
      const before = await etagOf(user);
      const card = await act(who, verb, data);
      expect([verb, cardText(card)]).toEqual([verb, expect.stringContaining(expected)]);
      expect([verb, await etagOf(user)]).toEqual([verb, before]);
    }
    expect(harness.connector.sent).toHaveLength(0);
  });

  /** Every activity the connector got, with the clock at the time and whom it was for. */
  const deliveries: { at: Date; to: 'staff' | 'manager' | 'other'; card: Card }[] = [];

  /** Ticks and drains at 07:00 (before prompts may go) and 13:00 in Wales on each day from `from` to `to`. */
  async function runDays(from: string, to: string): Promise<void> {
    const proactive = harness.bot!.proactive;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      for (const hour of [7, 13]) {
        clock = londonInstant(day, hour);
        harness.connector.clear();
        await proactive.scheduler.tick(clock);
        await proactive.sender.drain(clock);
        for (const sent of harness.connector.sent) {
          const to = sent.conversationId === `a:personal-${staff.aadObjectId}` ? 'staff' : sent.conversationId === `a:personal-${manager.aadObjectId}` ? 'manager' : 'other';
          for (const card of cardsIn([sent])) deliveries.push({ at: clock, to, card });
        }
      }
    }
  }

  const lastTo = (who: 'staff' | 'manager') => [...deliveries].reverse().find((d) => d.to === who)!.card;
  const kindOf = (card: Card) => {
    const title = cardText(card).split('\n')[0] ?? '';
    return /^(Coming up|Ar y gorwel)/.test(title) ? 'before' : /^(Overdue|Yn hwyr)/.test(title) ? 'overdue' : /^(Reminder|Nodyn atgoffa)/.test(title) ? 'reminder' : /cofnodi|recorded/.test(title) ? 'recorded' : title;
  };
  const log = (who: 'staff' | 'manager') => deliveries.filter((d) => d.to === who).map((d) => `${londonTime(d.at).date} ${kindOf(d.card)}`);

  it('when a Welsh-speaking teaching assistant and her English-speaking manager go through a whole cycle, then every prompt comes on its day, in its reader’s language, never at night, at weekends or in the holidays, across the March clock change', async () => {
    clock = new Date('2026-12-14T10:00:00Z');
    // The line-manager requests of the set-up go first: this test follows the appraisal prompts.
    await harness.bot!.proactive.sender.drain(clock);
    harness.connector.clear();
    await harness.post(message(staff, harness.serviceUrl, 'fy arfarniad'));
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('Fy arfarniad');
    // The person's own document and their school's: two storage requests for the view.
    expect(harness.bot!.stats.lastTurnRoundTrips).toBe(2);
    await act(staff, 'appraisal.addObjective', { objectiveText: 'Arwain sesiynau ffoneg', objectiveMeasure: 'Grŵp yn darllen yn annibynnol', standards: 'pedagogy,professional-learning', keyAreas: 'literacy-numeracy' });
    await act(staff, 'appraisal.addObjective', { objectiveText: 'Cefnogi pontio i flwyddyn 7', objectiveMeasure: 'Cynllun pontio ar waith', standards: 'collaboration', keyAreas: 'transitions' });
    const dated = cardText(await act(staff, 'appraisal.setDates', { reportId: '', 'date-planning': '2027-01-06', 'date-mid-year': '2027-03-10', 'date-end-of-year': '2027-07-07' }));
    expect(dated).toContain("Wedi'i gadw.");
    expect(dated).toContain('Yn gysylltiedig â: Addysgeg, Dysgu proffesiynol, Pwysigrwydd sgiliau llythrennedd a rhifedd');

    // Planning meeting, Wednesday 6 January: the two-weeks and one-week prompts fall in the
    // Christmas holiday, so both come once on the last school day before it.
    await runDays('2026-12-14', '2026-12-18');
    expect(log('staff')).toEqual(['2026-12-18 before']);
    expect(log('manager')).toEqual(['2026-12-18 before']);
    expect(cardText(lastTo('manager'))).toContain("Nia Roberts's planning meeting");
    expect(actionsOf(lastTo('staff'), 'appraisal.snooze')[0]!.title).toBe('Atgoffwch fi ymhen wythnos');
    expect(cardText(await act(manager, 'appraisal.confirm', actionsOf(lastTo('manager'), 'appraisal.confirm')[0]!.data))).toContain('Date confirmed.');
    expect(cardText(await act(staff, 'appraisal.snooze', actionsOf(lastTo('staff'), 'appraisal.snooze')[0]!.data))).toContain('Dim nodiadau atgoffa am y cyfarfod hwn am wythnos');
    await runDays('2026-12-19', '2027-01-06');
    const planning = actionsOf(await act(manager, 'appraisal.openReview', { reportId: staff.aadObjectId }), 'appraisal.openReview').find((a) => a.data.meeting === 'planning')!;
    const planningForm = await act(manager, planning.verb, planning.data);
    const recorded = await act(manager, 'appraisal.record', { ...actionsOf(planningForm, 'appraisal.record')[0]!.data, comments: 'Objectives agreed.', priorities: '' });
    expect(cardText(recorded)).toContain('Recorded. They will be told');
    await runDays('2027-01-07', '2027-01-08');
    expect(cardText(await act(staff, 'appraisal.comment', { meeting: 'planning', 'comment-planning': 'Diolch, yn edrych ymlaen.' }))).toContain("Mae eich sylw wedi'i gadw");

    // Mid-year review, Wednesday 10 March, not recorded on time: four weekly reminders, the
    // last after the Easter holiday and after the clocks went forward on 28 March.
    await runDays('2027-02-22', '2027-04-12');
    const team = cardText(await act(manager, 'team.show'));
    expect(team).toContain('Mid-year review overdue since Wednesday, 10 March 2027; four reminders sent, no more will be sent');
    expect(team).not.toContain('cannot reach them');
    const overdue = lastTo('manager');
    expect(kindOf(overdue)).toBe('overdue');
    const form = await act(manager, 'appraisal.openReview', actionsOf(overdue, 'appraisal.openReview')[0]!.data);
    const record = actionsOf(form, 'appraisal.record')[0]!.data;
    expect(cardText(await act(manager, 'appraisal.record', { ...record, 'outcome-o1': 'met' }))).toContain('Choose an outcome for every objective');
    expect(cardText(await act(manager, 'appraisal.record', { ...record, 'outcome-o1': 'met', 'outcome-o2': 'partly-met', comments: 'Good progress.', priorities: 'Phonics leadership' }))).toContain('Recorded.');
    await runDays('2027-04-13', '2027-04-13');

    // End-of-year review, Wednesday 7 July, moved by the manager from the first prompt to the 14th.
    await runDays('2027-06-21', '2027-06-23');
    const move = actionsOf(lastTo('manager'), 'appraisal.move')[0]!.data;
    expect(cardText(await act(manager, 'appraisal.move', { ...move, newDate: '2027-07-14' }))).toContain('Date moved');
    await runDays('2027-06-24', '2027-07-14');
    const end = actionsOf(await act(manager, 'appraisal.openReview', { reportId: staff.aadObjectId }), 'appraisal.openReview').find((a) => a.data.meeting === 'end-of-year')!;
    const endForm = await act(manager, end.verb, end.data);
    await act(manager, 'appraisal.record', { ...actionsOf(endForm, 'appraisal.record')[0]!.data, 'outcome-o1': 'met', 'outcome-o2': 'met', priorities: 'Mentor a new TA\nLevel 3 qualification' });
    await runDays('2027-07-15', '2027-07-16');

    expect(log('staff')).toEqual([
      '2026-12-18 before',
      '2027-01-04 reminder',
      '2027-01-05 before',
      '2027-01-07 recorded',
      '2027-02-24 before',
      '2027-03-03 before',
      '2027-03-09 before',
      '2027-03-11 overdue',
      '2027-03-18 overdue',
      '2027-03-25 overdue',
      '2027-04-12 overdue',
      '2027-04-13 recorded',
      '2027-06-23 before',
      '2027-06-30 before',
      '2027-07-07 before',
      '2027-07-13 before',
      '2027-07-15 recorded',
    ]);
    expect(log('manager')).toEqual([
      '2026-12-18 before',
      '2027-01-05 before',
      '2027-02-24 before',
      '2027-03-03 before',
      '2027-03-09 before',
      '2027-03-11 overdue',
      '2027-03-18 overdue',
      '2027-03-25 overdue',
      '2027-04-12 overdue',
      '2027-06-23 before',
      '2027-06-30 before',
      '2027-07-07 before',
      '2027-07-13 before',
    ]);
    // Everyone's prompts (the other tests' people too) came at 13:00 on school days, none at 07:00.
    for (const d of deliveries) expect([d.at.toISOString(), isAllowedInstant(d.at, HOLIDAYS), londonTime(d.at).hour]).toEqual([d.at.toISOString(), true, 13]);
    // 13:00 in Wales is 13:00 UTC before the clocks go forward and 12:00 UTC after.
    expect(deliveries.find((d) => londonTime(d.at).date === '2027-03-25')!.at.toISOString()).toBe('2027-03-25T13:00:00.000Z');
    expect(deliveries.find((d) => londonTime(d.at).date === '2027-04-12')!.at.toISOString()).toBe('2027-04-12T12:00:00.000Z');
    for (const d of deliveries.filter((x) => x.to === 'staff')) expect(cardText(d.card)).toMatch(/Ar y gorwel|Yn hwyr|Nodyn atgoffa|Mae eich rheolwr llinell/);
    for (const d of deliveries.filter((x) => x.to === 'manager')) expect(cardText(d.card)).toMatch(/^(Coming up|Overdue)/);

    harness.connector.clear();
    await harness.post(message(staff, harness.serviceUrl, 'fy arfarniad'));
    const mine = cardText(cardsIn(harness.connector.sent)[0]!);
    expect(mine).toContain('Blaenoriaethau datblygu ar gyfer y flwyddyn nesaf: Mentor a new TA; Level 3 qualification');
    expect(mine).toContain("Arwain sesiynau ffoneg — Wedi'i gyflawni");
    expect(cardText(await act(manager, 'team.show'))).toContain('Appraisal: all three meetings recorded');
  }, 120_000);

  /** A staff member and their line manager at `school`, linked and accepted, both reading English. */
  async function pair(name: string, school = SCHOOL): Promise<{ member: TeamsUser; boss: TeamsUser }> {
    const boss = teamsUser({ name: `${name}'s manager`, locale: 'en-GB', tenantId: admin.tenantId });
    const member = teamsUser({ name, locale: 'en-GB', tenantId: admin.tenantId });
    await harness.post(message(boss, harness.serviceUrl, 'help'));
    await joins(member, boss, school);
    await harness.bot!.proactive.sender.drain(clock);
    return { member, boss };
  }

  /** Ticks and drains at each instant; what each person was sent, by the time in Wales. */
  async function tickAt(instants: Date[], people: Record<string, TeamsUser>): Promise<string[]> {
    const seen: string[] = [];
    for (const at of instants) {
      clock = at;
      harness.connector.clear();
      await harness.bot!.proactive.scheduler.tick(clock);
      await harness.bot!.proactive.sender.drain(clock);
      for (const sent of harness.connector.sent) {
        const who = Object.entries(people).find(([, u]) => sent.conversationId === `a:personal-${u.aadObjectId}`)?.[0] ?? 'other';
        const t = londonTime(at);
        for (const card of cardsIn([sent])) seen.push(`${t.date} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')} ${who}: ${cardText(card).split('\n')[0]}`);
      }
    }
    return seen;
  }

  it('when a meeting date set at 19:00 on a Friday makes a prompt due that evening, then it waits through the night and the weekend until 08:00 on Monday', async () => {
    clock = londonInstant('2027-07-16', 17);
    const { member, boss } = await pair('Alys Evans');
    clock = londonInstant('2027-07-16', 19);
    expect(cardText(await act(member, 'appraisal.setDates', { 'date-end-of-year': '2027-07-19' }))).toContain('Saved.');
    const seen = await tickAt(
      [londonInstant('2027-07-16', 19, 1), londonInstant('2027-07-17', 17, 59), londonInstant('2027-07-17', 18), londonInstant('2027-07-19', 7, 59), londonInstant('2027-07-19', 8)],
      { member, boss },
    );
    expect(seen.sort()).toEqual([
      '2027-07-19 08:00 boss: Coming up: End-of-year review on Monday, 19 July 2027',
      '2027-07-19 08:00 member: Coming up: End-of-year review on Monday, 19 July 2027',
    ]);
  });

  it('when the manager records with an outcome missing, then the form comes back as they left it, and its back button goes without outcomes chosen', async () => {
    clock = londonInstant('2027-07-20', 10);
    const { member, boss } = await pair('Bethan Rees');
    for (const text of ['Lead the reading club', 'Run the breakfast club']) await act(member, 'appraisal.addObjective', { objectiveText: text, objectiveMeasure: 'Seen weekly', standards: '', keyAreas: '' });
    await act(member, 'appraisal.setDates', { 'date-end-of-year': '2027-07-20' });
    const open = actionsOf(await act(boss, 'appraisal.openReview', { reportId: member.aadObjectId }), 'appraisal.openReview').find((a) => a.data.meeting === 'end-of-year')!;
    const form = await act(boss, open.verb, open.data);
    const back = actionsOf(form, 'appraisal.openReview')[0]!;
    expect(blockingInputs(form, back)).toEqual([]);
    expect(cardText(await act(boss, back.verb, back.data))).toContain('Appraisal: Bethan Rees');
    const again = await act(boss, 'appraisal.record', { ...actionsOf(form, 'appraisal.record')[0]!.data, 'outcome-o1': 'met', comments: 'A strong year.', priorities: 'Lead phonics\nFirst aid' });
    expect(cardText(again)).toContain('Choose an outcome for every objective');
    expect(choiceInputs(again).map((c) => [c.id, c.value])).toEqual([['outcome-o1', 'met'], ['outcome-o2', '']]);
    expect(textInputValue(again, 'comments')).toBe('A strong year.');
    expect(textInputValue(again, 'priorities')).toBe('Lead phonics\nFirst aid');
  });

  it('when another device adds the fifth objective while an objective is being added, then the person is told the cycle is full, not that it was saved', async () => {
    clock = londonInstant('2027-07-20', 10);
    const { member } = await pair('Cai Owen');
    for (let i = 1; i <= 4; i += 1) await act(member, 'appraisal.addObjective', { objectiveText: `Objective ${i}`, objectiveMeasure: 'Seen in class', standards: '', keyAreas: '' });
    const users = harness.bot!.store.users;
    const key = keyOf(member);
    const replace = users.replace.bind(users);
    let raced = false;
    const spy = jest.spyOn(users, 'replace').mockImplementation(async (doc, etag) => {
      if (!raced && doc.id === key) {
        // The other device's write lands between this turn's read and its write.
        raced = true;
        const fresh = (await users.read(key, key))!;
        const other = structuredClone(fresh.value);
        other.appraisal!.objectives.push({ id: 'o5', text: 'From the other device', measure: 'Seen', standards: [], keyAreas: [] });
        other.appraisal!.nextObjectiveNumber = 6;
        await replace(other, fresh.etag);
      }
      return replace(doc, etag);
    });
    try {
      const card = cardText(await act(member, 'appraisal.addObjective', { objectiveText: 'One too many', objectiveMeasure: 'Seen', standards: '', keyAreas: '' }));
      expect(raced).toBe(true);
      expect(card).toContain('A cycle holds at most five objectives');
      expect(card).not.toContain('Saved.');
      expect(card).toContain('From the other device');
      expect(card).not.toContain('One too many');
    } finally {
      spy.mockRestore();
    }
  });

  it('when an end-of-year review in mid-July is still unrecorded as the summer holiday runs into the new cycle, then its prompts on 1 September can still be acted on, it can be recorded, its priorities carry forward and last year stays readable', async () => {
    const school = 'Ysgol y Bryn';
    clock = londonInstant('2028-07-03', 10);
    const { member, boss } = await pair('Dewi Hopkins', school);
    await changeSchoolSettings(harness.bot!.store, admin.tenantId, idOf(school), (s) => ({ ...s, holidays: [{ from: '2028-07-17', to: '2028-08-31' }] }));
    await act(member, 'appraisal.addObjective', { objectiveText: 'Support the nurture group', objectiveMeasure: 'Weekly sessions run', standards: 'pedagogy', keyAreas: '' });
    expect(cardText(await act(member, 'appraisal.setDates', { 'date-end-of-year': '2028-07-14' }))).toContain('Saved.');
    const days: Date[] = [];
    for (let day = '2028-07-03'; day <= '2028-09-01'; day = addDays(day, 1)) days.push(londonInstant(day, 13));
    const seen = await tickAt(days, { member, boss });
    expect(seen.filter((l) => l.includes(' boss: '))).toEqual([
      '2028-07-07 13:00 boss: Coming up: End-of-year review on Friday, 14 July 2028',
      '2028-07-13 13:00 boss: Coming up: End-of-year review on Friday, 14 July 2028',
      '2028-09-01 13:00 boss: Overdue: End-of-year review (planned for Friday, 14 July 2028)',
    ]);
    // The new cycle has begun, but the meeting of the last one is still the manager's to record.
    expect(cardText(await act(boss, 'team.show'))).toContain('Appraisal: End-of-year review overdue since Friday, 14 July 2028');
    const prompt = cardsIn(harness.connector.sent.filter((sent) => sent.conversationId === `a:personal-${boss.aadObjectId}`))[0]!;
    const snoozed = cardText(await act(boss, 'appraisal.snooze', actionsOf(prompt, 'appraisal.snooze')[0]!.data));
    expect(snoozed).toContain('No reminders about this meeting for a week.');
    expect(snoozed).toContain('This cycle has ended, but a meeting of it is still to be recorded');
    const form = await act(boss, 'appraisal.openReview', actionsOf(prompt, 'appraisal.openReview')[0]!.data);
    expect(cardText(form)).toContain('Record the end-of-year review (Friday, 14 July 2028)');
    const recorded = await act(boss, 'appraisal.record', { ...actionsOf(form, 'appraisal.record')[0]!.data, 'outcome-o1': 'met', comments: 'A calm, settled group.', priorities: 'Lead the nurture group' });
    expect(cardText(recorded)).toContain('Recorded.');
    expect(await tickAt([londonInstant('2028-09-01', 14)], { member, boss })).toEqual(['2028-09-01 14:00 member: Your line manager recorded your end-of-year review']);
    expect(cardText(await act(boss, 'team.show'))).toContain('Appraisal: no meeting dates yet');

    // The new cycle took over: last year's priorities carried forward, its record still there after the first save.
    const added = cardText(await act(member, 'appraisal.addObjective', { objectiveText: 'Train as an ELSA', objectiveMeasure: 'Course completed', standards: '', keyAreas: '' }));
    expect(added).toContain('Saved.');
    expect(added).toContain('This cycle: Friday, 1 September 2028 to Friday, 31 August 2029');
    expect(added).toContain('Lead the nurture group');
    expect(added).toContain('Last cycle: Wednesday, 1 September 2027 to Thursday, 31 August 2028');
    expect(added).toContain('Support the nurture group: Met');
    expect(added).toContain("Line manager's comments: A calm, settled group.");
    const stored = (await harness.bot!.store.users.read(keyOf(member), keyOf(member)))!.value;
    expect(stored.appraisal!.objectives.map((o) => o.text)).toEqual(['Train as an ELSA']);
    expect(stored.appraisalHistory!.map((c) => [c.cycleId, c.objectives.map((o) => o.text)])).toEqual([['2027-09', ['Support the nurture group']]]);
  }, 60_000);
});
