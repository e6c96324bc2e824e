import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardText } from '../../support/cards-in';
import { membershipsCollection } from '../../../bot/membership/membership-record';
import { createSchoolRegister } from '../../../bot/register/school-register';
import { schoolKey } from '../../../bot/school/school-settings';
import { totalRoundTrips } from '../../../bot/storage/round-trip-meter';
import { act, deliver, form, person, say, seed, SCHOOLS, storedBroadcasts, TENANT } from './broadcast-fixture';

let clock = new Date('2026-12-14T13:00:00Z'); // a Monday, 13:00 in Wales
const orgAdmin = person('Olwen Organisation');
const staff = ['Gwen', 'Huw', 'Iolo', 'Jac'].map((name, i) => person(`${name} Castell`, i % 2 === 0 ? 'cy-GB' : 'en-GB'));

describe('broadcasts that wait: a chosen time, a restart between Send and delivery, a large audience', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${orgAdmin.aadObjectId}` });

  beforeAll(async () => {
    await harness.start({ persist: true, now: () => clock });
    await seed(harness, () => clock, staff.map((user, i) => ({ user, schoolNumber: SCHOOLS.castell, welsh: i % 2 === 0 })));
    await say(harness, orgAdmin, 'help');
  });
  afterAll(() => harness.stop());

  it('when a broadcast is sent for tomorrow at 09:30 and the bot restarts before then, then nobody gets it early and everyone gets it once at that time', async () => {
    const preview = await act(harness, orgAdmin, 'broadcast.preview', form({ sendDate: '2026-12-15', sendTime: '09:30' }));
    expect(cardText(preview)).toContain('It goes on Tuesday, 15 December 2026 at 09:30 (UK time).');
    await act(harness, orgAdmin, 'broadcast.send', actionsOf(preview, 'broadcast.send')[0]!.data);
    expect((await deliver(harness)).size).toBe(0);
    await harness.restart();
    clock = new Date('2026-12-15T09:29:00Z');
    expect((await deliver(harness)).size).toBe(0);
    clock = new Date('2026-12-15T09:30:00Z');
    const got = await deliver(harness);
    expect([...got.keys()].sort()).toEqual(staff.map((u) => u.aadObjectId).sort());
    expect([...got.values()].every((cards) => cards.length === 1)).toBe(true);
    expect(cardText(got.get(staff[0]!.aadObjectId)![0]!)).toContain('Polisi ymddygiad newydd');
    expect((await deliver(harness)).size).toBe(0);
  });

  it('when a broadcast that is not urgent is previewed on a Friday evening, then the preview says it goes at 08:00 on Monday, not at once; marked urgent, it goes at once', async () => {
    clock = new Date('2026-12-18T19:00:00Z'); // a Friday, 19:00 in Wales
    const evening = await act(harness, orgAdmin, 'broadcast.preview', form({ titleEn: 'Snow closure', titleCy: 'Cau oherwydd eira' }));
    expect(cardText(evening)).toContain('It goes on Monday, 21 December 2026 at 08:00 (UK time).');
    const urgent = await act(harness, orgAdmin, 'broadcast.preview', form({ titleEn: 'Snow closure', titleCy: 'Cau oherwydd eira', urgent: 'true' }));
    expect(cardText(urgent)).toContain('It goes as soon as you press Send.');
    clock = new Date('2026-12-14T13:00:00Z');
  });

  it('when the audience is over 1,000 people, then Send asks once more and only the second press sends', async () => {
    const store = harness.bot!.store;
    const castell = (await createSchoolRegister(store).catalogue(TENANT)).find((s) => s.number === SCHOOLS.castell)!;
    const memberships = store.collection(membershipsCollection);
    for (let i = 0; i < 1000; i += 1) {
      const aadObjectId = `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
      await memberships.create({ id: `${TENANT}:${aadObjectId}`, pk: schoolKey(TENANT, castell.id), kind: 'membership', tenantId: TENANT, schoolId: castell.id, aadObjectId, status: 'confirmed', source: 'import', requestedAt: clock.toISOString() });
    }
    const started = Date.now();
    const before = totalRoundTrips();
    const preview = await act(harness, orgAdmin, 'broadcast.preview', form({ titleEn: 'Inset day', titleCy: 'Diwrnod HMS' }));
    const requests = totalRoundTrips() - before;
    if (process.env.CEFNOGI_FIGURES === '1') console.log(`broadcast preview, one school of 1,004 confirmed members: ${requests} store requests, ${Date.now() - started} ms`);
    expect(cardText(preview)).toContain('Cefnogi knows 1004 people in this audience: 4 can be reached now. 1000 cannot be reached yet: they have not installed Cefnogi.');
    expect(cardText(preview)).toContain('This goes to 1004 people. Press Send once more to be sure.');
    const ask = await act(harness, orgAdmin, 'broadcast.send', actionsOf(preview, 'broadcast.send')[0]!.data);
    const sure = actionsOf(ask, 'broadcast.send')[0]!;
    expect(sure.title).toBe('Yes, send to 1004 people');
    expect((await storedBroadcasts(harness)).filter((b) => b.en.title === 'Inset day').map((b) => b.status)).toEqual(['draft']);
    expect(cardText(await act(harness, orgAdmin, 'broadcast.send', sure.data))).toContain('"Inset day" is going to 1004 people.');
    expect((await storedBroadcasts(harness)).filter((b) => b.en.title === 'Inset day').map((b) => b.status)).toEqual(['sent']);
  });
});
