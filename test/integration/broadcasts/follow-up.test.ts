import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardsIn, cardText } from '../../support/cards-in';
import { inputValues } from '../../support/press-button';
import { offerStoreOf } from '../../../bot/export/offer-repository';
import { userKey } from '../../../bot/users/user-record';
import { message } from '../../support/teams-activities';
import { act, deliver, form, person, say, seed, SCHOOLS, storedReads, TENANT } from './broadcast-fixture';

const clock = new Date('2026-12-14T13:00:00Z'); // a Monday, 13:00 in Wales
const orgAdmin = person('Olwen Organisation');
const llew = person('Llew Caerdydd');
const fflur = person('Fflur Castell', 'cy-GB');
const gethin = person('Gethin Castell');
const heledd = person('Heledd Castell');
const dylan = person('Dylan Afon');

describe('after Send: figures, send again to those not reached, the CSV, withdraw (over HTTP)', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${orgAdmin.aadObjectId}` });
  let id = '';

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await seed(harness, () => clock, [
      { user: fflur, schoolNumber: SCHOOLS.castell, welsh: true },
      { user: gethin, schoolNumber: SCHOOLS.castell },
      { user: heledd, schoolNumber: SCHOOLS.castell, known: false },
      { user: dylan, schoolNumber: SCHOOLS.afon },
    ]);
    for (const u of [orgAdmin, llew]) await say(harness, u, 'help');
    await act(harness, orgAdmin, 'roles.appoint', { person: llew.aadObjectId, role: 'la-admin', laId: 'cardiff' });
    const preview = await act(harness, llew, 'broadcast.preview', form({ urgent: 'true' }));
    const send = actionsOf(preview, 'broadcast.send')[0]!;
    id = String(send.data.id);
    await act(harness, llew, 'broadcast.send', send.data);
    await deliver(harness);
    await act(harness, fflur, 'broadcast.read', { id, language: 'cy' });
  });
  afterAll(() => harness.stop());

  it('when the author has pressed Send, then a status card arrives in their chat and the next run updates it in place with the figures, and stops once sending is done', async () => {
    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    // (The notice of their appointment goes to them too.)
    const toAuthor = harness.connector.sent.filter((s) => s.conversationId === `a:personal-${llew.aadObjectId}` && cardText(cardsIn([s])[0] ?? {}).includes('Broadcast:'));
    expect(toAuthor.map((s) => s.method)).toEqual(['POST']);
    expect(cardText(cardsIn(toAuthor)[0]!)).toContain('Broadcast: New behaviour policy');
    harness.connector.clear();
    const later = new Date(clock.getTime() + 10_000);
    await harness.bot!.proactive.scheduler.tick(later);
    await harness.bot!.proactive.sender.drain(later);
    const updates = harness.connector.sent.filter((s) => s.conversationId === `a:personal-${llew.aadObjectId}`);
    expect(updates.map((s) => s.method)).toEqual(['PUT']);
    expect(cardText(cardsIn(updates)[0]!)).toContain('Queued 0, sent 2, failed 0, not reachable 1; 1 confirmed they have read it.');
    expect(cardText(cardsIn(updates)[0]!)).toContain('Delivered ■■■■■■■□□□ 2 of 3');
    harness.connector.clear();
    await harness.bot!.proactive.scheduler.tick(new Date(clock.getTime() + 20_000));
    await harness.bot!.proactive.sender.drain(new Date(clock.getTime() + 20_000));
    expect(harness.connector.sent).toHaveLength(0);
  });

  it('when the author opens its figures from the list, then queued, sent, failed, not reachable and confirmed read show in words with a progress bar', async () => {
    const list = await say(harness, llew, 'broadcasts');
    const open = actionsOf(list, 'broadcast.status')[0]!;
    expect(open.title).toBe('Figures: New behaviour policy');
    const card = await act(harness, llew, 'broadcast.status', open.data);
    expect(cardText(card)).toContain('Queued 0, sent 2, failed 0, not reachable 1; 1 confirmed they have read it.');
    expect(cardText(card)).toContain('Delivered ■■■■■■■□□□ 2 of 3');
  });

  it('when someone not reached installs Cefnogi and the author sends again, then only they get it, once, and can confirm reading it', async () => {
    await harness.post(message(heledd, harness.serviceUrl, 'help'));
    const card = await act(harness, llew, 'broadcast.resend', { id });
    expect(cardText(card)).toContain('Cefnogi is sending it again to those it did not reach before');
    const got = await deliver(harness);
    expect([...got.keys()]).toEqual([heledd.aadObjectId]);
    expect(cardText(got.get(heledd.aadObjectId)![0]!)).toContain('New behaviour policy');
    expect(cardText(await act(harness, heledd, 'broadcast.read', { id, language: 'en' }))).toContain('You confirmed you read this');
    expect(await storedReads(harness, id)).toHaveLength(2);
  });

  it('when the author exports the recipients, then a CSV with each person, their delivery, language and time read is offered in their chat', async () => {
    harness.connector.clear();
    const card = await act(harness, llew, 'broadcast.export', { id });
    expect(cardText(card)).toContain('The list of recipients is on its way');
    expect(harness.connector.sent.some((s) => ((s.activity.attachments ?? []) as { contentType: string }[]).some((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent'))).toBe(true);
    const offers = await offerStoreOf(harness.bot!.store).fileOffers.findInPartition(userKey(llew), {});
    const csv = Buffer.from(offers[0]!.value.bytes, 'base64').toString('utf8');
    expect(csv).toContain('"Name","Delivery","Language","Confirmed read","Version read"');
    expect(csv).toContain('"Fflur Castell","sent","Welsh","Monday, 14 December 2026 13:00","1"');
    expect(csv).toContain('"Gethin Castell","sent","English","",""');
    expect(csv).toContain('"Heledd Castell","sent","English","Monday, 14 December 2026 13:00","1"');
  });

  it('when someone without a role crafts withdraw or export, then they are refused and nothing changes', async () => {
    expect(cardText(await act(harness, dylan, 'broadcast.withdraw', { id }))).toContain('administrator');
    // Not even with the confirmation's own data, as if they had pressed its Yes.
    expect(cardText(await act(harness, dylan, 'broadcast.withdraw', { id, sure: true }))).toContain('administrator');
    expect(cardText(await act(harness, dylan, 'broadcast.export', { id }))).toContain('administrator');
    expect((await deliver(harness)).size).toBe(0);
  });

  it('when the author corrects it, then nothing changes until they save, and then every delivered card is updated in place, marked as edited, with who confirmed which version kept', async () => {
    const open = await act(harness, llew, 'broadcast.compose', { id });
    expect(cardText(open)).toContain('Correct a sent broadcast');
    expect(cardText(open)).toContain('You are correcting a sent broadcast');
    // Only what a correction can change is offered: who it went to and when stay as sent.
    expect(Object.keys(inputValues(open)).sort()).toEqual(['bodyCy', 'bodyEn', 'link', 'titleCy', 'titleEn']);
    const refused = await act(harness, llew, 'broadcast.preview', form({ id, bodyEn: '' }));
    expect(cardText(refused)).toContain('Correct a sent broadcast');
    expect(Object.keys(inputValues(refused)).sort()).toEqual(['bodyCy', 'bodyEn', 'link', 'titleCy', 'titleEn']);
    const corrected = form({ id, bodyEn: 'Please read the **corrected policy** on [the staff site](https://staff.example.cymru/policy).', bodyCy: "Darllenwch y **polisi wedi'i gywiro** ar [wefan y staff](https://staff.example.cymru/polisi)." });
    const preview = await act(harness, llew, 'broadcast.preview', corrected);
    expect(cardText(preview)).toContain('corrected policy');
    expect(actionsOf(preview, 'broadcast.send')).toHaveLength(0);
    const save = actionsOf(preview, 'broadcast.edit')[0]!;
    expect(save.title).toBe('Save the correction');
    expect((await deliver(harness)).size).toBe(0);
    expect(cardText(await act(harness, gethin, 'broadcast.show', { id, language: 'en' }))).not.toContain('corrected policy');

    expect(cardText(await act(harness, llew, 'broadcast.edit', save.data))).toContain('Corrected. Every card it reached is being updated in place');
    const updated = await deliver(harness);
    expect([...updated.keys()].sort()).toEqual([fflur, gethin, heledd].map((u) => u.aadObjectId).sort());
    expect(cardText(updated.get(gethin.aadObjectId)![0]!)).toContain('corrected policy');
    expect(cardText(updated.get(gethin.aadObjectId)![0]!)).toContain('Edited on Monday, 14 December 2026 at 13:00.');
    expect(cardText(updated.get(fflur.aadObjectId)![0]!)).toContain("polisi wedi'i gywiro");
    expect(cardText(updated.get(fflur.aadObjectId)![0]!)).toContain('Golygwyd ar 14 Rhagfyr 2026 am 13:00.');
    expect((await storedReads(harness, id)).map((r) => r.version)).toEqual([1, 1]);
    expect(cardText(await act(harness, fflur, 'broadcast.read', { id, language: 'cy' }))).toContain('Fe wnaethoch gadarnhau');
    expect(await storedReads(harness, id)).toHaveLength(2);
    const again = await act(harness, llew, 'broadcast.edit', save.data);
    expect(cardText(again)).toContain('Preview the correction first.');
  });

  it('when the author presses Withdraw, then they are asked once more, and saying No keeps it on everyone\'s screen', async () => {
    const asked = await act(harness, llew, 'broadcast.withdraw', { id });
    expect(cardText(asked)).toContain('Everyone it reached (3 people) will see a short notice in its place');
    const [yes] = actionsOf(asked, 'broadcast.withdraw');
    expect(yes!.title).toBe('Yes, withdraw it');
    expect(yes!.data).toEqual({ id, sure: true });
    const keep = actionsOf(asked, 'broadcast.status')[0]!;
    expect(keep.title).toBe('No, keep it');
    harness.connector.clear();
    await harness.bot!.proactive.bulkSender.pump();
    await harness.bot!.proactive.bulkSender.idle();
    expect(harness.connector.sent.filter((sent) => sent.method === 'PUT')).toEqual([]);
    expect(cardText(await act(harness, llew, 'broadcast.status', keep.data))).not.toContain('Withdrawn');
    // The same in Welsh, and the correction form's heading.
    await say(harness, llew, 'Cymraeg');
    const gofyn = await act(harness, llew, 'broadcast.withdraw', { id });
    expect(cardText(gofyn)).toContain('Bydd pawb a gafodd y darllediad (3 o bobl) yn gweld hysbysiad byr yn ei le');
    expect(actionsOf(gofyn, 'broadcast.withdraw')[0]!.title).toBe("Ie, ei dynnu'n ôl");
    expect(cardText(await act(harness, llew, 'broadcast.compose', { id }))).toContain('Cywiro darllediad a anfonwyd');
    await say(harness, llew, 'English');
  });

  it('when the author withdraws it, then every delivered card is replaced in place by a notice saying by whom and when, in the language it went in', async () => {
    const card = await act(harness, llew, 'broadcast.withdraw', { id, sure: true });
    expect(cardText(card)).toContain('Withdrawn. Every card it reached is being replaced');
    expect(actionsOf(card, 'broadcast.withdraw')).toHaveLength(0);
    harness.connector.clear();
    await harness.bot!.proactive.bulkSender.pump();
    await harness.bot!.proactive.bulkSender.idle();
    const updates = harness.connector.sent.filter((s) => s.method === 'PUT');
    expect(updates.map((u) => u.conversationId.replace(/^a:personal-/, '')).sort()).toEqual([fflur, gethin, heledd].map((u) => u.aadObjectId).sort());
    const byPerson = new Map(updates.map((u) => [u.conversationId.replace(/^a:personal-/, ''), cardText(cardsIn([u])[0]!)]));
    expect(byPerson.get(gethin.aadObjectId)).toContain('This message was withdrawn by Llew Caerdydd on Monday, 14 December 2026 at 13:00.');
    expect(byPerson.get(fflur.aadObjectId)).toContain('Tynnwyd y neges hon yn ôl gan Llew Caerdydd ar 14 Rhagfyr 2026 am 13:00.');
    expect(cardText(await act(harness, gethin, 'broadcast.show', { id, language: 'en' }))).toContain('This message was withdrawn');
    expect(cardText(await act(harness, llew, 'broadcast.withdraw', { id }))).toContain('already been withdrawn');
  });
});
