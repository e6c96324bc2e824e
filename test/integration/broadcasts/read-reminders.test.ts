import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardText } from '../../support/cards-in';
import { createSchoolRegister } from '../../../bot/register/school-register';
import { schoolKey } from '../../../bot/school/school-settings';
import { updateDocument } from '../../../bot/storage/update-document';
import { act, deliver, form, person, say, seed, SCHOOLS, TENANT } from './broadcast-fixture';

let clock = new Date('2026-12-14T13:00:00Z'); // a Monday, 13:00 in Wales
const at = (iso: string) => void (clock = new Date(iso));
const orgAdmin = person('Olwen Organisation');
const fflur = person('Fflur Castell', 'cy-GB');
const gethin = person('Gethin Castell');

describe('reminders to those who have not confirmed reading, on a test clock', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${orgAdmin.aadObjectId}` });
  let id = '';
  const remindersAt = async (iso: string) => {
    at(iso);
    await harness.bot!.proactive.scheduler.tick(clock);
    return deliver(harness);
  };

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await seed(harness, () => clock, [
      { user: fflur, schoolNumber: SCHOOLS.castell, welsh: true },
      { user: gethin, schoolNumber: SCHOOLS.castell },
    ]);
    await say(harness, orgAdmin, 'help');
  });
  afterAll(() => harness.stop());

  it('when a broadcast asks for confirmation with a reminder after 2 school days and a read-by date, then only those who have not confirmed are reminded, on those days at 09:00, in their language', async () => {
    const preview = await act(harness, orgAdmin, 'broadcast.preview', form({ remindAfterDays: '2', readBy: '2026-12-18' }));
    const send = actionsOf(preview, 'broadcast.send')[0]!;
    id = String(send.data.id);
    await act(harness, orgAdmin, 'broadcast.send', send.data);
    expect((await deliver(harness)).size).toBe(2);
    await act(harness, gethin, 'broadcast.read', { id, language: 'en' });

    expect((await remindersAt('2026-12-15T09:00:00Z')).size).toBe(0);
    const wednesday = await remindersAt('2026-12-16T09:00:00Z');
    expect([...wednesday.keys()]).toEqual([fflur.aadObjectId]);
    const reminder = wednesday.get(fflur.aadObjectId)![0]!;
    expect(cardText(reminder)).toContain('Nodyn atgoffa: darllenwch hwn a chadarnhewch');
    expect(cardText(reminder)).toContain('Polisi ymddygiad newydd');
    expect(actionsOf(reminder, 'broadcast.read')).toHaveLength(1);
    // The job ran once: a later tick the same day sends nothing again.
    expect((await remindersAt('2026-12-16T09:05:00Z')).size).toBe(0);

    const friday = await remindersAt('2026-12-18T09:00:00Z');
    expect([...friday.keys()]).toEqual([fflur.aadObjectId]);
    expect(cardText(friday.get(fflur.aadObjectId)![0]!)).toContain("Heddiw yw'r diwrnod i fod wedi darllen hwn erbyn");
  });

  it('when a reminder day comes after everyone has confirmed, then nobody is reminded', async () => {
    const preview = await act(harness, orgAdmin, 'broadcast.preview', form({ titleEn: 'Inset day', titleCy: 'Diwrnod HMS', remindAfterDays: '1' }));
    const send = actionsOf(preview, 'broadcast.send')[0]!;
    await act(harness, orgAdmin, 'broadcast.send', send.data);
    await deliver(harness);
    for (const u of [fflur, gethin]) await act(harness, u, 'broadcast.read', { id: send.data.id, language: 'en' });
    expect((await remindersAt('2026-12-21T09:00:00Z')).size).toBe(0);
  });

  it("when the one chosen school is on holiday, then the reminder counts only its school days and comes after the holiday", async () => {
    const store = harness.bot!.store;
    const castell = (await createSchoolRegister(store).catalogue(TENANT)).find((s) => s.number === SCHOOLS.castell)!;
    const key = schoolKey(TENANT, castell.id);
    await updateDocument(store.schools, key, key, (school) => (school ? { ...school, holidays: [{ from: '2027-01-05', to: '2027-01-06' }] } : undefined));
    at('2027-01-04T13:00:00Z'); // a Monday
    const preview = await act(harness, orgAdmin, 'broadcast.preview', form({ titleEn: 'New term', titleCy: 'Tymor newydd', remindAfterDays: '2' }));
    await act(harness, orgAdmin, 'broadcast.send', actionsOf(preview, 'broadcast.send')[0]!.data);
    expect((await deliver(harness)).size).toBe(2);
    expect((await remindersAt('2027-01-06T09:00:00Z')).size).toBe(0);
    expect((await remindersAt('2027-01-07T09:00:00Z')).size).toBe(0);
    const friday = await remindersAt('2027-01-08T09:00:00Z');
    expect([...friday.keys()].sort()).toEqual([fflur, gethin].map((u) => u.aadObjectId).sort());
  });

  it('when the number of school days is not a whole number from 1 to 10, then the field says so and what was typed stays', async () => {
    const card = await act(harness, orgAdmin, 'broadcast.preview', form({ remindAfterDays: '0' }));
    expect(cardText(card)).toContain('Give a whole number of school days from 1 to 10.');
    expect(cardText(card)).toContain('New behaviour policy');
  });
});
