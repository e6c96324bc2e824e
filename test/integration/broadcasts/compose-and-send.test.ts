import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardText, type Card } from '../../support/cards-in';
import { textInputValue } from '../../support/card-actions';
import { cardProblems } from '../../support/validate-card';
import { broadcastBulkKey } from '../../../bot/broadcasts/broadcast-record';
import { act, deliver, form, person, say, seed, SCHOOLS, storedBroadcasts, storedReads, TENANT } from './broadcast-fixture';

const clock = new Date('2026-12-14T13:00:00Z'); // a Monday, 13:00 in Wales
const orgAdmin = person('Olwen Organisation');
const llew = person('Llew Caerdydd');
const pennaeth = person('Pennaeth Castell', 'cy-GB');
const anwen = person('Anwen Castell', 'cy-GB');
const bryn = person('Bryn Castell');
const ceri = person('Ceri Castell');
const dylan = person('Dylan Afon');
const elin = person('Elin Môr', 'cy-GB');
const stranger = person('Dieithryn', 'en-GB', '99999999-2222-3333-4444-555555555555');

describe('broadcasts: compose, preview, send once, read in either language, confirm once (over HTTP)', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${orgAdmin.aadObjectId}`, ALLOWED_TENANT_IDS: `${TENANT},${stranger.tenantId}` });
  let sentId = '';

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await seed(harness, () => clock, [
      { user: anwen, schoolNumber: SCHOOLS.castell, roleId: 'teaching-assistant-2', welsh: true },
      { user: bryn, schoolNumber: SCHOOLS.castell, roleId: 'administration-2' },
      { user: ceri, schoolNumber: SCHOOLS.castell, known: false },
      { user: dylan, schoolNumber: SCHOOLS.afon, roleId: 'teaching-assistant-3' },
      { user: elin, schoolNumber: SCHOOLS.mor, roleId: 'teaching-assistant-1', welsh: true },
    ]);
    for (const u of [orgAdmin, llew, pennaeth, stranger]) await say(harness, u, 'help');
    await act(harness, orgAdmin, 'roles.appoint', { person: llew.aadObjectId, role: 'la-admin', laId: 'cardiff' });
    await act(harness, orgAdmin, 'roles.appoint', { person: pennaeth.aadObjectId, school: SCHOOLS.castell });
  });
  afterAll(() => harness.stop());

  it('when an administrator types broadcast, or darlledu in Welsh, then the compose card opens in their language and validates', async () => {
    const en = await say(harness, orgAdmin, 'broadcast');
    expect(cardProblems(en)).toEqual([]);
    expect(cardText(en)).toContain('Broadcast a policy update');
    expect(actionsOf(en, 'broadcast.preview')).toHaveLength(1);
    const cy = await say(harness, pennaeth, 'darlledu');
    expect(cardProblems(cy)).toEqual([]);
    expect(cardText(cy)).toContain('Darlledu diweddariad polisi');
  });

  it.each([
    ['the Welsh version is missing', { bodyCy: '' }, 'bodyCy', 'Write this in both languages.'],
    ['a link in the message is not https', { bodyEn: 'See [the policy](http://staff.example.cymru/policy).' }, 'bodyEn', 'Every link must start with https://.'],
    ['the link for more is not https', { link: 'javascript:alert(1)' }, 'link', 'This must be a web address starting with https://.'],
    ['the time to send has passed', { sendDate: '2026-12-14', sendTime: '09:00' }, 'sendDate', 'Choose a time that has not passed yet.'],
    ['a message is over 4,000 characters', { bodyEn: 'x'.repeat(4001) }, 'bodyEn', 'This is too long: keep it under 4000 characters.'],
    ['a scheduled time is on a Saturday and not urgent', { sendDate: '2026-12-19', sendTime: '10:00' }, 'sendDate', 'A broadcast that is not urgent goes on a school day between 08:00 and 18:00.'],
  ])('when %s, then the same card comes back with everything typed and the problem at the field, and nothing is stored', async (_case, over, field, problem) => {
    const typed = form(over);
    const card = await act(harness, llew, 'broadcast.preview', typed);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(problem);
    expect(cardText(card)).toContain('Some things need changing');
    if (field !== 'sendDate') expect(textInputValue(card, field)).toBe(typed[field]?.slice(0, 4000));
    expect(textInputValue(card, 'titleEn')).toBe(typed.titleEn);
    expect(actionsOf(card, 'broadcast.send')).toHaveLength(0);
    expect(await storedBroadcasts(harness)).toHaveLength(0);
  });

  it('when a Welsh-speaking administrator leaves out the English, then the problem is in Welsh', async () => {
    const card = await act(harness, pennaeth, 'broadcast.preview', form({ titleEn: '' }));
    expect(cardText(card)).toContain('Ysgrifennwch hwn yn y ddwy iaith.');
    expect(await storedBroadcasts(harness)).toHaveLength(0);
  });

  it('when an administrator names a school or authority outside their scope, then the audience field says so and nothing is stored', async () => {
    const other = await act(harness, llew, 'broadcast.preview', form({ schools: `${SCHOOLS.castell}, ${SCHOOLS.mor}` }));
    expect(cardText(other)).toContain('You do not administer these: Ysgol y Môr.');
    const la = await act(harness, pennaeth, 'broadcast.preview', form({ audienceKind: 'la', laId: 'cardiff' }));
    expect(cardText(la)).toContain('Nid chi sy\'n gweinyddu\'r rhain');
    const unknown = await act(harness, llew, 'broadcast.preview', form({ schools: '1234567' }));
    expect(cardText(unknown)).toContain('Cefnogi does not know these school numbers: 1234567.');
    expect(await storedBroadcasts(harness)).toHaveLength(0);
  });

  it('when a school administrator previews their school, then both versions show as recipients will see them, with who is known and reachable; narrowing by job family and level counts fewer', async () => {
    const card = await act(harness, pennaeth, 'broadcast.preview', form({ readBy: '2026-12-18' }));
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain("Mae Cefnogi yn adnabod 3 o bobl yn y gynulleidfa hon: gellir cyrraedd 2 nawr. Ni ellir cyrraedd 1 person eto: nid yw'r person hwnnw wedi gosod Cefnogi.");
    expect(text).not.toContain('nid ydynt');
    expect(text).toContain('Polisi ymddygiad newydd');
    expect(text).toContain('New behaviour policy');
    expect(text).toContain('Please read by Friday, 18 December 2026.');
    expect(text).toContain('Darllenwch erbyn 18 Rhagfyr 2026');
    expect(actionsOf(card, 'broadcast.send')).toHaveLength(1);
    const narrowed = await act(harness, pennaeth, 'broadcast.preview', form({ families: 'teaching-learning' }));
    expect(cardText(narrowed)).toContain('adnabod 1 person yn y gynulleidfa');
    const nobody = await act(harness, pennaeth, 'broadcast.preview', form({ families: 'teaching-learning', levels: '5' }));
    expect(cardText(nobody)).toContain("Does neb sydd wedi'i gadarnhau");
    // Two previews made two drafts; the refused one none.
    expect((await storedBroadcasts(harness)).map((b) => b.status)).toEqual(['draft', 'draft']);
  });

  it('when an LA administrator sends to their authority, then each reachable person gets one card in their language, and Send pressed again sends nothing more', async () => {
    const preview = await act(harness, llew, 'broadcast.preview', form({ audienceKind: 'la', laId: 'cardiff', schools: '' }));
    // One person not reached yet is spoken of as one person, not as "they".
    expect(cardText(preview)).toContain('Cefnogi knows 4 people in this audience: 3 can be reached now. 1 person cannot be reached yet: that person has not installed Cefnogi.');
    expect(cardText(preview)).not.toContain('they have not installed');
    const send = actionsOf(preview, 'broadcast.send')[0]!;
    sentId = String(send.data.id);
    const done = await act(harness, llew, 'broadcast.send', send.data);
    expect(cardText(done)).toContain('"New behaviour policy" is going to 4 people.');
    const got = await deliver(harness);
    expect([...got.keys()].sort()).toEqual([anwen, bryn, dylan].map((u) => u.aadObjectId).sort());
    expect(cardText(got.get(anwen.aadObjectId)![0]!)).toContain('Polisi ymddygiad newydd');
    expect(cardText(got.get(bryn.aadObjectId)![0]!)).toContain('New behaviour policy');
    expect(cardText(got.get(bryn.aadObjectId)![0]!)).toContain('From Llew Caerdydd');
    for (const cards of got.values()) {
      expect(cards).toHaveLength(1);
      expect(cardProblems(cards[0]!)).toEqual([]);
    }

    const again = await act(harness, llew, 'broadcast.send', send.data);
    expect(cardText(again)).toContain('already been sent');
    expect((await deliver(harness)).size).toBe(0);
    expect(await harness.bot!.proactive.bulkOutbox.get(broadcastBulkKey(TENANT, sentId))).toMatchObject({ recipients: 4, figures: { sent: 3, unreachable: 1 } });
    expect((await storedBroadcasts(harness)).filter((b) => b.status === 'sent')).toHaveLength(1);
  });

  it('when a recipient reads the other language and presses I have read this twice, then the card changes in place and one confirmation is kept with its time', async () => {
    const english = await act(harness, anwen, 'broadcast.show', { id: sentId, language: 'en' });
    expect(cardText(english)).toContain('New behaviour policy');
    expect(actionsOf(english, 'broadcast.show')[0]!.title).toBe('Darllen yn Gymraeg');
    const first = await act(harness, anwen, 'broadcast.read', { id: sentId, language: 'cy' });
    expect(cardText(first)).toContain('Fe wnaethoch gadarnhau eich bod wedi darllen hwn ar 14 Rhagfyr 2026 am 13:00.');
    expect(actionsOf(first, 'broadcast.read')).toHaveLength(0);
    const second = await act(harness, anwen, 'broadcast.read', { id: sentId, language: 'en' });
    expect(cardText(second)).toContain('You confirmed you read this on Monday, 14 December 2026 at 13:00.');
    expect(await storedReads(harness, sentId)).toHaveLength(1);
  });

  it('when the verbs are crafted by someone without a role, someone it was not sent to, or another tenant, then a clear card comes back and nothing is written or sent', async () => {
    const before = (await storedBroadcasts(harness)).length;
    expect(cardText(await act(harness, dylan, 'broadcast.preview', form()))).toContain('administrator');
    expect(cardText(await act(harness, dylan, 'broadcast.send', { id: sentId }))).toContain('administrator');
    expect(cardText(await act(harness, elin, 'broadcast.read', { id: sentId, language: 'cy' }))).toContain("Ni anfonwyd y darllediad hwn atoch chi");
    expect(cardText(await act(harness, stranger, 'broadcast.show', { id: sentId, language: 'en' }))).toContain('Cefnogi cannot find that broadcast');
    expect(cardText(await act(harness, pennaeth, 'broadcast.send', { id: sentId }))).toContain("Ni all Cefnogi ddod o hyd i'r darllediad hwnnw");
    expect(await storedBroadcasts(harness)).toHaveLength(before);
    expect(await storedReads(harness, sentId)).toHaveLength(1);
    expect((await deliver(harness)).size).toBe(0);
  });

  it("when broadcasts is typed, then an author sees their own with figures and a tenant administrator sees every one", async () => {
    const own = cardText(await say(harness, llew, 'broadcasts'));
    expect(own).toContain('New behaviour policy: Sent Monday, 14 December 2026 to 4 people: 1 confirmed read');
    expect(own).not.toContain('Draft');
    const all: Card = await say(harness, orgAdmin, 'broadcasts');
    expect(cardText(all)).toContain('Every broadcast in the organisation');
    expect(cardText(all).match(/Draft, not sent/g)).toHaveLength(2);
    const cy = cardText(await say(harness, pennaeth, 'darllediadau'));
    expect(cy).toContain('Drafft, heb ei anfon');
  });
});
