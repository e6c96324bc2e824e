import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardText, invokeCard, type Card } from '../../support/cards-in';
import { appointSchoolAdmin, registerSchools, school } from '../../support/school-register-fixture';
import { SelfAssessmentTaker } from '../../support/self-assessment-taker';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';

const TENANT = '11111111-2222-3333-4444-5555555555f7';
/** Monday 14 December 2026, 13:00: a school day. */
let clock = new Date('2026-12-14T13:00:00Z');
const STAFF = 12;

/**
 * The figures an administrator sees follow what people do in their own turns: nothing here
 * writes a figure record or a snapshot; people act over HTTP, the nightly job runs on the
 * bot's scheduler at night on a test clock, and the administrator reads the card.
 */
describe('the figures card follows what people do, night by night, over HTTP', () => {
  const harness = new BotHarness();
  const taker = new SelfAssessmentTaker(harness);
  const admin = teamsUser({ name: 'Ceri Admin', tenantId: TENANT });
  const manager = teamsUser({ name: 'Eirian Price', tenantId: TENANT });
  const staff = Array.from({ length: STAFF }, (_, i) => teamsUser({ name: `Staff ${i + 1}`, locale: i % 2 === 0 ? 'cy-GB' : 'en-GB', tenantId: TENANT }));
  let castell = '';
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> => invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));

  /** The administrator's card at the measure titled `title`, walked to with the card's own buttons. */
  async function measure(title: string): Promise<string> {
    let card = await act(admin, 'figures.show', { scope: `school:${castell}`, measure: 0, page: 0 });
    for (;;) {
      const text = cardText(card);
      if (text.includes(`${title} (`)) return text;
      const next = actionsOf(card, 'figures.show').find((a) => a.title === 'Next measure');
      if (!next) throw new Error(`no measure "${title}" on the card:\n${text}`);
      card = await act(admin, next.verb, next.data);
    }
  }

  /** The night: the scheduler runs the tenant's figures job at 01:31, then the school day resumes. */
  async function night(date: string): Promise<void> {
    clock = new Date(`${date}T01:31:00Z`);
    await harness.bot!.proactive.scheduler.tick(clock);
    clock = new Date(`${date}T13:00:00Z`);
  }

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    castell = (await registerSchools(harness.bot!.store, TENANT, [school('Ysgol y Castell')], clock)).get('Ysgol y Castell')!.id;
    await appointSchoolAdmin(harness.bot!.store, TENANT, castell, admin.aadObjectId);
    await harness.post(message(manager, harness.serviceUrl, 'help'));
    for (const person of staff) {
      await harness.post(message(person, harness.serviceUrl, 'help'));
      await act(person, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: manager.aadObjectId });
      await act(manager, 'team.accept', { reportId: person.aadObjectId });
      await act(person, 'schools.request', { schoolId: castell });
    }
    await act(admin, 'members.confirm', { schoolId: castell, people: staff.map((p) => p.aadObjectId).join(',') });
    await night('2026-12-15');
  });
  afterAll(() => harness.stop());

  it('when twelve people are confirmed, then the first night counts them all as not started, not taken and not held', async () => {
    expect(await measure('Induction')).toContain('Not started: 12');
    expect(await measure('Self-assessment')).toContain('Not taken: 12');
    expect(await measure('Appraisal planning meeting')).toContain('Not held: 12');
  });

  it('when five people begin induction and five take the self-assessment, then the card is unchanged that day and shows both the next morning', async () => {
    for (const person of staff.slice(0, 5)) await act(person, 'induction.begin', { startDate: '2026-12-14', mode: 'new' });
    for (const person of staff.slice(5, 10)) {
      const results = await taker.takeWhole(person, await taker.act(person, 'selfAssessment.begin'), () => '3');
      expect(actionsOf(results, 'selfAssessment.answer')).toEqual([]);
    }
    // Figures change once a day: the same day, the same numbers.
    expect(await measure('Induction')).toContain('Not started: 12');
    expect(await measure('Self-assessment')).toContain('Not taken: 12');

    await night('2026-12-16');
    const induction = await measure('Induction');
    expect(induction).toContain('Started: 5');
    expect(induction).toContain('Not started: 7');
    const selfAssessment = await measure('Self-assessment');
    expect(selfAssessment).toContain('Taken: 5');
    expect(selfAssessment).toContain('Not taken: 7');
  });

  it('when a line manager records a report\'s planning meeting, then the next night the card counts it held', async () => {
    const report = staff[10]!;
    await act(report, 'appraisal.addObjective', { objectiveText: 'Lead phonics sessions', objectiveMeasure: 'The group reads on its own', standards: 'pedagogy', keyAreas: '' });
    await act(report, 'appraisal.setDates', { reportId: '', 'date-planning': '2026-12-16' });
    const form = await act(manager, 'appraisal.openReview', { reportId: report.aadObjectId, meeting: 'planning' });
    const record = actionsOf(form, 'appraisal.record')[0];
    expect(record).toBeDefined();
    await act(manager, 'appraisal.record', { ...record!.data, comments: 'A good start to the year.', priorities: 'Phonics' });
    expect(await measure('Appraisal planning meeting')).toContain('Not held: 12');

    await night('2026-12-17');
    const planning = await measure('Appraisal planning meeting');
    expect(planning).toContain('Held: fewer than 5');
    expect(planning).not.toContain('Not held: 12');
  });

  it('when someone finishes induction and their manager signs it off, then the next night the card counts a completed induction', async () => {
    const person = staff[0]!;
    let card = await act(person, 'induction.start');
    for (;;) {
      for (const tick of actionsOf(card, 'induction.tick')) card = await act(person, tick.verb, tick.data);
      const next = actionsOf(card, 'induction.stage').find((a) => a.title.endsWith('→'));
      if (!next) break;
      card = await act(person, next.verb, next.data);
    }
    let team = await act(manager, 'team.show');
    for (let signOff = actionsOf(team, 'induction.signOff')[0]; signOff; signOff = actionsOf(team, 'induction.signOff')[0]) {
      team = await act(manager, signOff.verb, signOff.data);
    }
    expect(cardText(await act(person, 'induction.start'))).toMatch(/Sefydlu wedi'i gwblhau|Induction complete/);

    await night('2026-12-18');
    const induction = await measure('Induction');
    expect(induction).toContain('Completed: fewer than 5');
    expect(induction).not.toContain('Started: 5');
  });
});
