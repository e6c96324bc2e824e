import { londonInstant } from '../../bot/time/london-clock';
import { BotHarness } from '../support/bot-harness';
import { actionsOf, blockingInputs, textInputValue } from '../support/card-actions';
import { choiceInputs } from '../support/card-inputs';
import { cardText, invokeCard, type Card } from '../support/cards-in';
import { confirmedAt, registerSchools, school as registered } from '../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';

/** Monday 14 December 2026, 10:00 in Wales: the cycle runs from 1 September 2026 to 31 August 2027. */
const MONDAY = londonInstant('2026-12-14', 10);
let clock = MONDAY;
const now = () => clock;
const SCHOOL = 'Ysgol y Dderwen';
const admin = teamsUser({ aadObjectId: 'a0a0a0a0-1111-4222-8333-444455550002', name: 'Ceri Admin' });

/** Every Input.Date of a card with what it shows and the range it offers. */
function datePickers(card: Card): { id: string; value: string; min: string; max: string }[] {
  const found: { id: string; value: string; min: string; max: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Input.Date') found.push({ id: String(o.id), value: String(o.value ?? ''), min: String(o.min ?? ''), max: String(o.max ?? '') });
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return found;
}

/**
 * The text shown right after the input with this id, in the same list of elements: where a card
 * marks a field's problem (in a container of the attention style, so it reads in every theme).
 */
function markAfter(card: Card, inputId: string): string | undefined {
  let mark: string | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      const i = node.findIndex((n) => (n as Record<string, unknown>)?.id === inputId);
      const next = node[i + 1] as Record<string, unknown> | undefined;
      const inside = next?.type === 'Container' && next.style === 'attention' ? ((next.items as Record<string, unknown>[])[0] ?? undefined) : next;
      if (i >= 0 && inside?.type === 'TextBlock') mark = String(inside.text);
      return node.forEach(walk);
    }
    if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(card.body);
  return mark;
}

describe('the appraisal card keeps what is typed, says what its buttons act on, and leads on, over HTTP', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: admin.aadObjectId });
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const keyOf = (u: TeamsUser) => `${u.tenantId}:${u.aadObjectId}`;
  const stored = async (u: TeamsUser) => (await harness.bot!.store.users.read(keyOf(u), keyOf(u)))!;
  let schoolId = '';

  /** A staff member and their line manager, linked and accepted, each in their language. */
  async function pair(name: string, language: 'en' | 'cy' = 'en'): Promise<{ member: TeamsUser; boss: TeamsUser }> {
    const locale = language === 'cy' ? 'cy-GB' : 'en-GB';
    const boss = teamsUser({ name: `${name}'s manager`, locale, tenantId: admin.tenantId });
    const member = teamsUser({ name, locale, tenantId: admin.tenantId });
    await harness.post(message(boss, harness.serviceUrl, 'help'));
    await harness.post(message(member, harness.serviceUrl, 'help'));
    await confirmedAt(harness.bot!.store, member.tenantId, schoolId, member.aadObjectId, clock);
    await act(member, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: boss.aadObjectId });
    await act(boss, 'team.accept', { reportId: member.aadObjectId });
    return { member, boss };
  }

  beforeAll(async () => {
    await harness.start({ now });
    const entries = await registerSchools(harness.bot!.store, admin.tenantId, [registered(SCHOOL)], clock);
    schoolId = entries.get(SCHOOL)!.id;
  });
  afterAll(() => harness.stop());
  beforeEach(() => {
    clock = MONDAY;
  });

  it('when only a success measure is typed and "Add objective" is pressed, then the card comes back with the measure, the chosen tags and the dates still in it, and the empty objective marked beside it', async () => {
    const { member } = await pair('Alaw Morgan');
    const before = (await stored(member)).etag;
    const card = await act(member, 'appraisal.addObjective', {
      objectiveText: '',
      objectiveMeasure: 'The group reads on its own by Easter',
      standards: 'pedagogy,professional-learning',
      keyAreas: 'literacy-numeracy',
      'date-planning': '2027-01-06',
      'date-mid-year': '2027-03-10',
      'date-end-of-year': '',
    });
    expect(cardText(card)).toContain('Write the objective and its success measure');
    expect(textInputValue(card, 'objectiveText')).toBe('');
    expect(textInputValue(card, 'objectiveMeasure')).toBe('The group reads on its own by Easter');
    expect(choiceInputs(card).filter((c) => ['standards', 'keyAreas'].includes(c.id)).map((c) => [c.id, c.value])).toEqual([
      ['standards', 'pedagogy,professional-learning'],
      ['keyAreas', 'literacy-numeracy'],
    ]);
    expect(datePickers(card).map((d) => [d.id, d.value])).toEqual([['date-planning', '2027-01-06'], ['date-mid-year', '2027-03-10'], ['date-end-of-year', '']]);
    expect(markAfter(card, 'objectiveText')).toBe('Write the objective (up to 300 characters).');
    expect(markAfter(card, 'objectiveMeasure')).toBeUndefined();
    expect((await stored(member)).etag).toBe(before);
  });

  it('when dates out of order are saved, then all three come back as chosen with the one out of order marked, and a half-typed objective stays through a refused and a saved date', async () => {
    const { member } = await pair('Bryn Davies');
    const before = (await stored(member)).etag;
    const typed = { objectiveText: 'Run the lunchtime reading club', objectiveMeasure: '', standards: '', keyAreas: 'communication' };
    const refused = await act(member, 'appraisal.setDates', { reportId: '', ...typed, 'date-planning': '2027-03-10', 'date-mid-year': '2027-01-06', 'date-end-of-year': '2027-07-07' });
    expect(datePickers(refused).map((d) => d.value)).toEqual(['2027-03-10', '2027-01-06', '2027-07-07']);
    expect(markAfter(refused, 'date-mid-year')).toContain('The meetings must come in order');
    expect(markAfter(refused, 'date-planning')).toBeUndefined();
    expect(textInputValue(refused, 'objectiveText')).toBe('Run the lunchtime reading club');
    expect((await stored(member)).etag).toBe(before);

    const saved = await act(member, 'appraisal.setDates', { reportId: '', ...typed, 'date-planning': '2027-01-06', 'date-mid-year': '2027-03-10', 'date-end-of-year': '2027-07-07' });
    expect(cardText(saved)).toContain('Saved.');
    expect(datePickers(saved).map((d) => d.value)).toEqual(['2027-01-06', '2027-03-10', '2027-07-07']);
    expect(textInputValue(saved, 'objectiveText')).toBe('Run the lunchtime reading club');
    expect(choiceInputs(saved).find((c) => c.id === 'keyAreas')!.value).toBe('communication');
  });

  it('when the card is drawn, then each date picker offers only the dates the rules accept, and an overdue meeting keeps its own date in range so the other buttons still send', async () => {
    const { member } = await pair('Cerys Lewis');
    const card = await act(member, 'appraisal.show');
    expect(datePickers(card).map((d) => [d.id, d.min, d.max])).toEqual([
      ['date-planning', '2026-12-14', '2027-08-31'],
      ['date-mid-year', '2026-12-14', '2027-08-31'],
      ['date-end-of-year', '2026-12-14', '2027-08-31'],
    ]);
    // A date before the range is refused by the rules too, so the calendar never offers one that would be.
    expect(cardText(await act(member, 'appraisal.setDates', { 'date-planning': '2026-12-11' }))).toContain('That date has passed');
    await act(member, 'appraisal.setDates', { 'date-planning': '2026-12-15' });
    clock = londonInstant('2026-12-17', 10);
    const later = await act(member, 'appraisal.show');
    const pickers = datePickers(later);
    expect(pickers.map((d) => [d.id, d.value, d.min])).toEqual([
      ['date-planning', '2026-12-15', '2026-12-15'],
      ['date-mid-year', '', '2026-12-17'],
      ['date-end-of-year', '', '2026-12-17'],
    ]);
    for (const p of pickers.filter((d) => d.value)) expect(p.value >= p.min && p.value <= p.max).toBe(true);
  });

  it('when an objective is edited, then until an outcome is recorded against it its wording can change (the agreed wording kept in view), and after that it is locked with no edit or remove, each button naming its objective', async () => {
    const { member, boss } = await pair('Dafydd Owen');
    for (const text of ['Lead the reading club', 'Run the breakfast club']) await act(member, 'appraisal.addObjective', { objectiveText: text, objectiveMeasure: 'Seen weekly', standards: 'pedagogy', keyAreas: '' });
    const card = await act(member, 'appraisal.show');
    expect(actionsOf(card, 'appraisal.editObjective').map((a) => a.title)).toEqual(['Edit: Lead the reading club', 'Edit: Run the breakfast club']);
    expect(actionsOf(card, 'appraisal.removeObjective').map((a) => a.title)).toEqual(['Remove: Lead the reading club', 'Remove: Run the breakfast club']);

    // The edit card opens with the objective as stored, and carries what the appraisal card held.
    const edit = await act(member, 'appraisal.editObjective', { ...actionsOf(card, 'appraisal.editObjective')[0]!.data, objectiveText: 'A third, half typed', 'date-planning': '2026-12-14' });
    expect(cardText(edit)).toContain('Edit the objective: Lead the reading club');
    expect(textInputValue(edit, 'editText')).toBe('Lead the reading club');
    expect(textInputValue(edit, 'editMeasure')).toBe('Seen weekly');
    const save = actionsOf(edit, 'appraisal.saveObjective')[0]!;
    expect(save.title).toBe('Save changes');
    const emptied = await act(member, save.verb, { ...save.data, editText: ' ', editMeasure: 'Seen every week', editStandards: 'leadership', editKeyAreas: '' });
    expect(markAfter(emptied, 'editText')).toBe('Write the objective (up to 300 characters).');
    expect(textInputValue(emptied, 'editMeasure')).toBe('Seen every week');
    expect(choiceInputs(emptied).find((c) => c.id === 'editStandards')!.value).toBe('leadership');
    const saved = await act(member, save.verb, { ...save.data, editText: 'Lead the reading club every week', editMeasure: 'Seen every week', editStandards: 'leadership', editKeyAreas: '' });
    expect(cardText(saved)).toContain('Saved.');
    expect(cardText(saved)).toContain('Lead the reading club every week');
    expect(cardText(saved)).not.toContain('Agreed wording');
    expect(textInputValue(saved, 'objectiveText')).toBe('A third, half typed');
    expect(datePickers(saved)[0]!.value).toBe('2026-12-14');

    // The planning meeting agrees them: no more removing, but editing keeps what was agreed.
    await act(member, 'appraisal.setDates', { 'date-planning': '2026-12-14', 'date-mid-year': '2027-03-10' });
    await act(boss, 'appraisal.record', { reportId: member.aadObjectId, meeting: 'planning', date: '2026-12-14', comments: '', priorities: '' });
    const agreed = await act(member, 'appraisal.show');
    expect(actionsOf(agreed, 'appraisal.removeObjective')).toEqual([]);
    expect(actionsOf(agreed, 'appraisal.editObjective')).toHaveLength(2);
    let before = (await stored(member)).etag;
    expect(cardText(await act(member, 'appraisal.removeObjective', { objectiveId: 'o1' }))).toContain('none can be added or removed now, but you can edit one');
    expect((await stored(member)).etag).toBe(before);
    const reworded = await act(member, 'appraisal.saveObjective', { objectiveId: 'o1', editText: 'Lead the reading club and the library', editMeasure: 'Seen every week', editStandards: 'leadership', editKeyAreas: '' });
    expect(cardText(reworded)).toContain('Lead the reading club and the library');
    expect(cardText(reworded)).toContain('Changed since the planning meeting. Agreed wording: Lead the reading club every week (success measure: Seen every week)');
    expect(cardText(await act(boss, 'appraisal.openReview', { reportId: member.aadObjectId }))).toContain('Agreed wording: Lead the reading club every week');

    // An outcome recorded against them locks them, and the card says so in words.
    clock = londonInstant('2027-03-10', 14);
    await act(boss, 'appraisal.record', { reportId: member.aadObjectId, meeting: 'mid-year', date: '2027-03-10', 'outcome-o1': 'met', 'outcome-o2': 'partly-met', comments: '', priorities: '' });
    const locked = await act(member, 'appraisal.show');
    expect(actionsOf(locked, 'appraisal.editObjective')).toEqual([]);
    expect(actionsOf(locked, 'appraisal.removeObjective')).toEqual([]);
    expect(cardText(locked)).toContain('Outcome recorded: Met. This objective can no longer be changed.');
    expect(cardText(locked)).toContain('Outcome recorded: Partly met. This objective can no longer be changed.');
    expect(cardText(locked)).toContain('Agreed wording: Lead the reading club every week');
    before = (await stored(member)).etag;
    for (const [verb, data] of [
      ['appraisal.editObjective', { objectiveId: 'o2' }],
      ['appraisal.saveObjective', { objectiveId: 'o2', editText: 'Changed after the review', editMeasure: 'x' }],
      ['appraisal.removeObjective', { objectiveId: 'o2' }],
    ] as const) {
      expect([verb, cardText(await act(member, verb, data))]).toEqual([verb, expect.stringContaining('An outcome is recorded against that objective')]);
    }
    expect((await stored(member)).etag).toBe(before);
    expect((await stored(member)).value.appraisal!.objectives.map((o) => o.text)).toEqual(['Lead the reading club and the library', 'Run the breakfast club']);
  });

  it('when a line manager opens a report’s appraisal with no objectives, then it says who adds them instead of inviting the manager to, and offers a way back to my team', async () => {
    const { member, boss } = await pair('Elin Hughes');
    const view = await act(boss, 'appraisal.openReview', { reportId: member.aadObjectId });
    const text = cardText(view);
    expect(text).toContain('Appraisal: Elin Hughes');
    expect(text).not.toContain('Add up to five');
    expect(text).toContain("Your team member adds them with the command 'my appraisal'");
    expect(actionsOf(view, 'appraisal.addObjective')).toEqual([]);
    const back = actionsOf(view, 'team.show')[0]!;
    expect(back.title).toBe('Back to my team');
    expect(blockingInputs(view, back)).toEqual([]);
    expect(cardText(await act(boss, back.verb, back.data))).toContain('Elin Hughes');
    // The manager's own dates, refused, come back as chosen with the mark at the picker.
    const refused = await act(boss, 'appraisal.setDates', { reportId: member.aadObjectId, 'date-planning': '2027-03-10', 'date-mid-year': '2027-01-06', 'date-end-of-year': '' });
    expect(datePickers(refused).map((d) => d.value)).toEqual(['2027-03-10', '2027-01-06', '']);
    expect(markAfter(refused, 'date-mid-year')).toContain('The meetings must come in order');
  });

  it('when a Welsh reader sees meeting dates, then no weekday stands unmutated after "ar" or "i": the date reads "ar 6 Ionawr 2027"', async () => {
    const { member, boss } = await pair('Ffion Jones', 'cy');
    const card = cardText(await act(member, 'appraisal.setDates', { 'date-planning': '2027-01-06' }));
    expect(card).toContain('Y cylch hwn: 1 Medi 2026 i 31 Awst 2027');
    expect(card).toContain('Ar 6 Ionawr 2027');
    expect(card).not.toMatch(/\b(ar|i) Dydd/i);
    const team = cardText(await act(boss, 'team.show'));
    expect(team).toContain('Arfarniad: Cyfarfod cynllunio ar 6 Ionawr 2027');
    expect(team).not.toMatch(/Dydd/);
    const review = cardText(await act(boss, 'appraisal.openReview', { reportId: member.aadObjectId }));
    expect(review).not.toMatch(/Dydd/);
  });

  it('when development priorities were noted during induction, then they show on the person’s own appraisal beside the others, and not on the manager’s view', async () => {
    const { member, boss } = await pair('Gethin Rees');
    await act(member, 'induction.begin', { startDate: '2026-12-01', mode: 'new' });
    await act(member, 'induction.priority', { priority: 'Team Teach training', stage: 'first-day' });
    const mine = cardText(await act(member, 'appraisal.show'));
    expect(mine).toContain('Development priorities to build on');
    expect(mine).toMatch(/Noted during your induction\n• Team Teach training/);
    expect(cardText(await act(boss, 'appraisal.openReview', { reportId: member.aadObjectId }))).not.toContain('Team Teach training');
  });
});
