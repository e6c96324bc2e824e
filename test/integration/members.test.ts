import { createAuditLog } from '../../bot/audit/audit-log';
import { membershipsCollection } from '../../bot/membership/membership-record';
import { schoolKey } from '../../bot/school/school-settings';
import { userKey } from '../../bot/users/user-record';
import { BotHarness } from '../support/bot-harness';
import { deliveredByPerson } from '../support/delivered-notices';
import { actionsOf, textInputValue } from '../support/card-actions';
import { choiceInputs } from '../support/card-inputs';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { appointSchoolAdmin, registerSchools, school } from '../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

/** Monday 14 December 2026, 13:00 in Wales: a school day, when notices may go. */
const clock = new Date('2026-12-14T13:00:00Z');
const TENANT = '11111111-2222-3333-4444-555555555555';
const person = (name: string, locale = 'en-GB') => teamsUser({ name, locale, tenantId: TENANT });
const adminCastell = person('Ceri Admin');
const adminBryn = person('Bryn Admin');

describe('members: a school confirms its staff, over HTTP as Teams sends it', () => {
  const harness = new BotHarness();
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const keyOf = (u: TeamsUser) => userKey(u);
  const roster = async (schoolId: string) =>
    (await harness.bot!.store.collection(membershipsCollection).findInPartition(schoolKey(TENANT, schoolId), { kind: 'membership' })).map((m) => m.value);
  const statusOf = async (schoolId: string, u: TeamsUser) => (await roster(schoolId)).find((m) => m.aadObjectId === u.aadObjectId)?.status;
  const audit = () => createAuditLog(harness.bot!.store).page(TENANT, {});
  let castell: string;
  let bryn: string;

  /** The notices delivered to each person since the last call, as text. */
  const delivered = () => deliveredByPerson(harness, clock);

  async function asksToJoin(user: TeamsUser, schoolId: string): Promise<void> {
    await harness.post(message(user, harness.serviceUrl, 'help'));
    expect(cardText(await act(user, 'schools.request', { schoolId }))).toContain(user.locale === 'cy-GB' ? "aros i'r ysgol" : 'awaiting confirmation');
  }

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    const store = harness.bot!.store;
    const entries = await registerSchools(store, TENANT, [school('Ysgol y Castell', { altName: 'Castle School' }), school('Ysgol y Bryn', { laId: 'powys' })]);
    castell = entries.get('Ysgol y Castell')!.id;
    bryn = entries.get('Ysgol y Bryn')!.id;
    await appointSchoolAdmin(store, TENANT, castell, adminCastell.aadObjectId);
    await appointSchoolAdmin(store, TENANT, bryn, adminBryn.aadObjectId);
  });
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  it('when staff ask to join and the school administrator confirms some and declines another in bulk, then each is confirmed or declined, told in their language, and every act is audited', async () => {
    const nia = person('Nia Roberts', 'cy-GB');
    const tomos = person('Tomos Hughes');
    const stranger = person('Someone Else');
    for (const u of [nia, tomos, stranger]) await asksToJoin(u, castell);
    await delivered();

    await harness.post(message(adminCastell, harness.serviceUrl, 'members'));
    const card = cardsIn(harness.connector.sent)[0]!;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Staff of Ysgol y Castell / Castle School (Ceredigion)');
    expect(cardText(card)).toContain('Waiting for confirmation (3)');
    const [pending] = choiceInputs(card).filter((c) => c.id === 'people');
    expect(pending).toBeDefined();
    // Everyone waiting is offered, nobody ticked: one press of Decline never turns them all away.
    expect(((pending!.choices ?? []) as { value: string }[]).map((c) => c.value).sort()).toEqual([nia, tomos, stranger].map((u) => u.aadObjectId).sort());
    expect(pending!.value ?? '').toBe('');
    expect(actionsOf(card, 'members.confirm')[0]!.data).toEqual({ schoolId: castell });
    // A way back to the school's own card.
    expect(actionsOf(card, 'school.show').map((a) => a.data)).toEqual([{ schoolId: castell }]);

    const confirmed = await act(adminCastell, 'members.confirm', { schoolId: castell, people: `${nia.aadObjectId},${tomos.aadObjectId}` });
    expect(cardText(confirmed)).toContain('Confirmed 2 of the people selected.');
    expect(cardText(confirmed)).toContain('Waiting for confirmation (1)');
    expect(cardText(confirmed)).toContain('Confirmed staff (2)');
    expect(cardText(confirmed)).toContain('Nia Roberts');
    const declined = await act(adminCastell, 'members.decline', { schoolId: castell, people: stranger.aadObjectId });
    expect(cardText(declined)).toContain('Declined 1 of the people selected.');
    expect(cardText(declined)).toContain('Nobody is waiting for confirmation.');

    expect(await statusOf(castell, nia)).toBe('confirmed');
    expect(await statusOf(castell, tomos)).toBe('confirmed');
    expect(await statusOf(castell, stranger)).toBeUndefined();
    const niaDoc = (await harness.bot!.store.users.read(keyOf(nia), keyOf(nia)))?.value;
    expect(niaDoc?.schools).toEqual([expect.objectContaining({ schoolId: castell, status: 'confirmed' })]);
    expect(cardText(await act(nia, 'schools.mine'))).toContain('Wedi cadarnhau');

    const told = await delivered();
    expect(told.get(nia.aadObjectId)).toEqual([expect.stringContaining('Mae Ysgol y Castell wedi eich cadarnhau')]);
    expect(told.get(tomos.aadObjectId)).toEqual([expect.stringContaining('Ysgol y Castell has confirmed you')]);
    expect(told.get(stranger.aadObjectId)).toEqual([expect.stringContaining('Ysgol y Castell did not confirm you')]);

    const entries = (await audit()).filter((a) => a.actor === adminCastell.aadObjectId);
    expect(entries.map((a) => [a.action, a.outcome, a.reason])).toEqual(
      expect.arrayContaining([
        ['members.confirm', 'done', 'confirmed=2'],
        ['members.decline', 'done', 'declined=1'],
      ]),
    );
    expect(entries.every((a) => a.role === 'school-admin' && a.target.id === castell)).toBe(true);
  });

  it("when another school's administrator (or a member of staff) tries to open, confirm, decline or import for this school, then they are refused, it is audited, and nothing is written", async () => {
    const waiting = person('Aled Waiting');
    await asksToJoin(waiting, castell);
    const before = await roster(castell);
    const refusedBefore = (await audit()).filter((a) => a.outcome === 'refused').length;
    const attempts: [TeamsUser, string, Record<string, unknown>][] = [
      [adminBryn, 'members.show', { schoolId: castell }],
      [adminBryn, 'members.confirm', { schoolId: castell, people: waiting.aadObjectId }],
      [adminBryn, 'members.decline', { schoolId: castell, people: waiting.aadObjectId }],
      [adminBryn, 'members.import', { schoolId: castell, staffList: waiting.aadObjectId }],
      [waiting, 'members.confirm', { schoolId: castell, people: waiting.aadObjectId }],
    ];
    for (const [who, verb, data] of attempts) expect(cardText(await act(who, verb, data))).toContain('You are not an administrator of that school, so nothing was changed.');
    expect(cardText(await act(adminBryn, 'members.show', { schoolId: 'wg-0000000' }))).toContain("That school is not in your organisation's register.");
    harness.connector.clear();
    await harness.post(message(waiting, harness.serviceUrl, 'members'));
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('Only Cefnogi administrators');

    expect(await roster(castell)).toEqual(before);
    const refusals = (await audit()).filter((a) => a.outcome === 'refused');
    expect(refusals.length - refusedBefore).toBe(attempts.length + 2);
    expect(refusals.filter((a) => a.actor === adminBryn.aadObjectId && a.target.id === castell).map((a) => a.action).sort()).toEqual(
      ['members.confirm', 'members.decline', 'members.import', 'members.open'],
    );
    // Their own school opens for them as usual.
    expect(cardText(await act(adminBryn, 'members.show', {}))).toContain('Staff of Ysgol y Bryn (Powys)');
  });

  it('when the administrator imports the staff list, then known people are confirmed and told, and the rest are reported grouped by reason', async () => {
    const bethan = person('Bethan Email');
    const ifan = person('Ifan Id');
    const gwen = person('Gwen Pending');
    harness.connector.emails.set(bethan.aadObjectId, 'bethan@ysgolybryn.example.wales');
    for (const u of [bethan, ifan]) await harness.post(message(u, harness.serviceUrl, 'help'));
    await asksToJoin(gwen, bryn);
    await delivered();

    const list = [
      'staff',
      'BETHAN@ysgolybryn.example.wales',
      ifan.aadObjectId.toUpperCase(),
      '',
      gwen.aadObjectId,
      'nobody@ysgolybryn.example.wales',
      teamsUser().aadObjectId,
      ifan.aadObjectId,
    ].join('\n');
    const card = await act(adminBryn, 'members.import', { schoolId: bryn, staffList: list });
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Ysgol y Bryn: 3 confirmed, 0 already confirmed, 4 not imported.');
    expect(text).toContain('not an email address or an object id: line 1');
    expect(text).toContain('nobody with this email has used Cefnogi yet: line 6');
    expect(text).toContain('this is not a person who has used Cefnogi: line 7');
    expect(text).toContain('this person is on an earlier line: line 8');
    expect(text).toContain('Confirmed staff (3)');
    for (const u of [bethan, ifan, gwen]) expect(await statusOf(bryn, u)).toBe('confirmed');
    const told = await delivered();
    for (const u of [bethan, ifan, gwen]) expect(told.get(u.aadObjectId)).toEqual([expect.stringContaining('Ysgol y Bryn has confirmed you')]);
    expect((await audit()).find((a) => a.action === 'members.import' && a.outcome === 'done')).toMatchObject({ actor: adminBryn.aadObjectId, role: 'school-admin', reason: 'confirmed=3;already=0;rejected=4' });

    const again = cardText(await act(adminBryn, 'members.import', { schoolId: bryn, staffList: ifan.aadObjectId }));
    expect(again).toContain('Ysgol y Bryn: 0 confirmed, 1 already confirmed, 0 not imported.');

    // Too long a list is refused whole, and what was pasted stays in the box.
    // Short enough to come back in the box (a longer paste is refused the same way but not shown again).
    const tooMany = Array.from({ length: 1001 }, (_, i) => `p${i}@b.cy`).join('\n');
    const refused = await act(adminBryn, 'members.import', { schoolId: bryn, staffList: tooMany });
    expect(cardText(refused)).toContain('That is 1001 lines: import at most 1,000 at a time. Nothing was imported.');
    expect(textInputValue(refused, 'staffList')).toBe(tooMany);
    expect(await roster(bryn)).toHaveLength(3);
  });

  it('when 20 people wait and 20 of 45 confirmed are shown with the longest names, then the card validates, pages the confirmed staff and stays under 80 KB', async () => {
    const memberships = harness.bot!.store.collection(membershipsCollection);
    const longest = (i: number) => `${'Ŵ'.repeat(96)}${String(i).padStart(4, '0')}`;
    for (let i = 0; i < 65; i += 1) {
      const aadObjectId = teamsUser().aadObjectId;
      await memberships.create({
        id: userKey({ tenantId: TENANT, aadObjectId }),
        pk: schoolKey(TENANT, castell),
        kind: 'membership',
        tenantId: TENANT,
        schoolId: castell,
        aadObjectId,
        name: longest(i),
        status: i < 20 ? 'pending' : 'confirmed',
        source: 'request',
        requestedAt: new Date(clock.getTime() + i).toISOString(),
      });
    }
    const answer = await harness.post(cardAction(adminCastell, harness.serviceUrl, 'members.show', { schoolId: castell }));
    const card = invokeCard(answer);
    expect(cardProblems(card)).toEqual([]);
    expect(choiceInputs(card).find((c) => c.id === 'people')?.choices).toHaveLength(20);
    expect(cardText(card)).toContain('Page 1 of 3');
    const size = Buffer.byteLength(JSON.stringify(answer.body), 'utf16le');
    if (process.env.CEFNOGI_FIGURES === '1') console.log(`members card, 20 pending + 20 confirmed at the longest names: ${(size / 1024).toFixed(1)} KB (UTF-16)`);
    expect(size).toBeLessThan(80 * 1024);
    const next = actionsOf(card, 'members.show').find((a) => a.title === 'Next page')!;
    const second = await act(adminCastell, next.verb, next.data);
    expect(cardText(second)).toContain('Page 2 of 3');
    expect(actionsOf(second, 'members.show').map((a) => a.title)).toEqual(['Previous page', 'Next page']);
  });
});
