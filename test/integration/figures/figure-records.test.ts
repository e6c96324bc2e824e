import { figureFactsSchema } from '../../../bot/figures/figure-person';
import { figureEntryKey, figuresSchoolCollection, FIGURES_SCHOOL_ID } from '../../../bot/figures/figures-school';
import { figuresPartition, figuresSnapshotCollection, figuresSnapshotId } from '../../../bot/figures/figures-snapshot';
import { schoolKey } from '../../../bot/school/school-settings';
import { userKey } from '../../../bot/users/user-record';
import { BotHarness } from '../../support/bot-harness';
import { cardText, invokeCard } from '../../support/cards-in';
import { appointSchoolAdmin, registerSchools, school } from '../../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';

const TENANT = '11111111-2222-3333-4444-5555555555f2';
let clock = new Date('2026-12-14T13:00:00Z');

describe('figure records follow what people do, over HTTP', () => {
  const harness = new BotHarness();
  const admin = teamsUser({ name: 'Ceri Admin', tenantId: TENANT });
  const nia = teamsUser({ name: 'Nia Roberts', locale: 'cy-GB', tenantId: TENANT });
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}) => invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  let castell = '';
  const schoolDoc = async () => harness.bot!.store.collection(figuresSchoolCollection).read(FIGURES_SCHOOL_ID, schoolKey(TENANT, castell));
  /** The person's entry in their school's one figure document, read as the nightly job reads it. */
  const recordOf = async (u: TeamsUser) => {
    const entry = (await schoolDoc())?.value.people[figureEntryKey(userKey(u))];
    return entry ? figureFactsSchema.parse(entry) : undefined;
  };

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    const entries = await registerSchools(harness.bot!.store, TENANT, [school('Ysgol y Castell')]);
    castell = entries.get('Ysgol y Castell')!.id;
    await appointSchoolAdmin(harness.bot!.store, TENANT, castell, admin.aadObjectId);
  });
  afterAll(() => harness.stop());

  it('when a person is confirmed, saves a profile and leaves, then their figure record appears, changes and goes, and that night the figures count them', async () => {
    await harness.post(message(nia, harness.serviceUrl, 'help'));
    await act(nia, 'schools.request', { schoolId: castell });
    expect(await recordOf(nia)).toBeUndefined();

    await act(admin, 'members.confirm', { schoolId: castell, people: nia.aadObjectId });
    expect(await recordOf(nia)).toMatchObject({ ewcGiven: false, inductionStarted: false });
    expect((await schoolDoc())?.value).toMatchObject({ kind: 'figures-school', schoolId: castell });
    // The document names nobody: an opaque key, no object id, no name.
    expect(JSON.stringify((await schoolDoc())?.value)).not.toContain(nia.aadObjectId.toLowerCase());
    expect((await recordOf(nia))?.familyId).toBeUndefined();

    const saved = await act(nia, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'fluent', ewcNumber: '123 456' });
    expect(cardText(saved)).toContain("Mae eich proffil wedi'i gadw");
    expect(await recordOf(nia)).toMatchObject({ welshLevelId: 'fluent', ewcGiven: true, familyId: expect.any(String) });

    // The tenant's nightly job was asked for with the first record: the night brings the figures.
    clock = new Date('2026-12-15T01:31:00Z');
    await harness.bot!.proactive.scheduler.tick(clock);
    const snapshot = (await harness.bot!.store.collection(figuresSnapshotCollection).read(figuresSnapshotId('2026-12-15', 'national'), figuresPartition(TENANT)))?.value;
    expect(snapshot?.measures.length).toBeGreaterThan(0);

    clock = new Date('2026-12-15T13:00:00Z');
    const left = await act(nia, 'schools.leave', { schoolId: castell });
    expect(cardText(left)).toContain('Rydych chi wedi gadael Ysgol y Castell');
    expect(await recordOf(nia)).toBeUndefined();
  });
});
