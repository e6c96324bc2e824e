import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { searchInvoke, selectItemInvoke, shareFetchInvoke, shareSubmitInvoke } from '../../support/extension-activities';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { inTeamChannel, linkedTeam, storedPlc, storedResources, TeamChannel } from './plc-fixture';
import type { Plc } from '../../../bot/plc/plc-record';

/*
 * The message extension joined to the real PLCs: no stand-in, the PLC made by real turns in a
 * channel of a linked team, and every invoke answered by the bot over HTTP on the embedded store.
 */

const TENANT = '11111111-2222-3333-4444-555555555555';
const nia = teamsUser({ aadObjectId: 'cccccccc-0000-4000-8000-000000000001', name: 'Nia Evans', tenantId: TENANT });
const gwen = teamsUser({ aadObjectId: 'cccccccc-0000-4000-8000-000000000002', name: 'Gwenllian Hughes', tenantId: TENANT, locale: 'cy-GB' });
const outsider = teamsUser({ aadObjectId: 'cccccccc-0000-4000-8000-000000000003', name: 'Rhys Morgan', tenantId: TENANT });
const LINK = 'https://hwb.gov.wales/resources/diogelu-ar-lein';

interface Attachment {
  contentType: string;
  content: Card;
  preview?: { content: { title: string; text?: string; tap?: { type: string; value: unknown } } };
}
type Answer = { status: number; body: unknown };
type Task = { type: 'continue'; value: { title: string; card: { content: Card } } } | { type: 'message'; value: string };
type Extension = { type: 'result'; attachments: Attachment[] } | { type: 'message'; text: string };

function task(answer: Answer): Task {
  expect(answer.status).toBe(200);
  return (answer.body as { task: Task }).task;
}

function form(answer: Answer): Card {
  const t = task(answer);
  if (t.type !== 'continue') throw new Error(`expected the form, got the message "${t.value}"`);
  expect(cardProblems(t.value.card.content)).toEqual([]);
  return t.value.card.content;
}

function said(answer: Answer): string {
  const t = task(answer);
  if (t.type !== 'message') throw new Error('expected a message, got the form again');
  return t.value;
}

function extension(answer: Answer): Extension {
  expect(answer.status).toBe(200);
  return (answer.body as { composeExtension: Extension }).composeExtension;
}

function results(answer: Answer): Attachment[] {
  const body = extension(answer);
  if (body.type !== 'result') throw new Error(`expected results, got the message "${body.text}"`);
  return body.attachments;
}

describe('the message extension with the real PLCs of a team channel', () => {
  const harness = new BotHarness();
  let channel: TeamChannel;
  let plc: Plc;
  /** An extension invoke as Teams sends it from the PLC's channel. */
  const fromChannel = (activity: Record<string, unknown>, user: TeamsUser) => inTeamChannel(activity, user, channel.channelId, channel.teamId);
  const postedInChannel = (from: number): Card[] => cardsIn(harness.connector.sent.slice(from).filter((s) => s.method === 'POST' && s.conversationId === channel.channelId));
  const share = { action: 'share', title: 'Canllaw dysgu a diogelu ar-lein', url: LINK, note: 'Good for the INSET session', keyAreas: 'safeguarding', languages: 'cy,en' };

  beforeAll(async () => {
    await harness.start();
    const { teamId } = await linkedTeam(harness, TENANT, 'Ysgol yr Estyniad', [nia, gwen]);
    channel = new TeamChannel(harness, '19:plc-extension@thread.tacv2', teamId);
    // Made as a person does: PLC typed in the channel, then the form's own button pressed.
    const [makeForm] = await channel.say(nia, 'PLC');
    const make = actionsOf(makeForm!, 'plc.make')[0]!;
    const done = await channel.press(nia, make.verb, { ...make.data, plcName: 'Diogelu gyda’n gilydd', keyAreas: 'safeguarding,communication', plcLanguage: 'both' });
    expect(cardText(done)).toContain('this channel is now the learning community “Diogelu gyda’n gilydd”');
    plc = (await storedPlc(harness, TENANT, channel.channelId))!;
  });
  afterAll(() => harness.stop());

  it('when a member opens "Share to a PLC", then the form offers the PLC made in their channel, chosen already; in Welsh for a Welsh speaker', async () => {
    const english = form(await harness.post(fromChannel(shareFetchInvoke(nia, harness.serviceUrl, `<p>Online safety guide <a href="${LINK}">here</a></p>`), nia)));
    expect(JSON.stringify(english)).toContain('Diogelu gyda’n gilydd');
    expect(JSON.stringify(english)).toContain(plc.pk);
    expect(JSON.stringify(english)).toContain(LINK);
    const welsh = form(await harness.post(fromChannel(shareFetchInvoke(gwen, harness.serviceUrl), gwen)));
    expect(JSON.stringify(welsh)).toContain('Rhannu â chymuned ddysgu');
    expect(JSON.stringify(welsh)).toContain('Diogelu gyda’n gilydd');
  });

  it('when a member shares from the form, then the dialog says so, the resource card is posted in the channel, and one resource is stored', async () => {
    const from = harness.connector.sent.length;
    expect(said(await harness.post(fromChannel(shareSubmitInvoke(nia, harness.serviceUrl, { ...share, plcId: plc.pk }), nia)))).toBe(
      'Shared to Diogelu gyda’n gilydd. Its members will see it in their channel.',
    );
    if (process.env.CEFNOGI_FIGURES === '1') console.log(`a share from the message extension into a one-channel PLC: ${harness.bot!.stats.lastTurnRoundTrips} store requests in the turn`);
    await harness.connector.waitFor(from + 1);
    const [card] = postedInChannel(from);
    expect(cardProblems(card!)).toEqual([]);
    const text = cardText(card!);
    expect(text).toContain('Canllaw dysgu a diogelu ar-lein');
    expect(text).toContain('Good for the INSET session');
    expect(text).toContain('Nia Evans');
    expect(JSON.stringify(card)).toContain(LINK);
    expect(await storedResources(harness, plc.pk)).toEqual([expect.objectContaining({ title: 'Canllaw dysgu a diogelu ar-lein', url: LINK, sharedByName: 'Nia Evans', languages: ['cy', 'en'] })]);
  });

  it('when the same link is shared again, written differently, then the Welsh speaker is told who shared it first and when, and nothing new is stored or posted', async () => {
    const from = harness.connector.sent.length;
    const again = { ...share, url: 'https://HWB.gov.wales/resources/diogelu-ar-lein/?utm_source=email', title: 'Diogelu eto', plcId: plc.pk };
    expect(said(await harness.post(fromChannel(shareSubmitInvoke(gwen, harness.serviceUrl, again), gwen)))).toMatch(
      /^Mae'r ddolen honno eisoes yn Diogelu gyda’n gilydd: fe'i rhannwyd gan Nia Evans ar \d{1,2} \S+ \d{4}\. Ni rannwyd dim byd newydd\.$/,
    );
    expect(await storedResources(harness, plc.pk)).toHaveLength(1);
    expect(postedInChannel(from)).toEqual([]);
  });

  it('when someone outside the team sends the form naming the PLC, then they are told they are in no PLC and nothing is stored or posted; opening the form tells them the same', async () => {
    const from = harness.connector.sent.length;
    const refused = said(await harness.post(fromChannel(shareSubmitInvoke(outsider, harness.serviceUrl, { ...share, url: 'https://example.org/other', plcId: plc.pk }), outsider)));
    expect(refused).toBe('You are not in a PLC yet, so there is nowhere to share to. Nothing was shared.');
    expect(said(await harness.post(fromChannel(shareFetchInvoke(outsider, harness.serviceUrl), outsider)))).toBe('You are not in a PLC yet, so there is nowhere to share to. Nothing was shared.');
    expect(await storedResources(harness, plc.pk)).toHaveLength(1);
    expect(postedInChannel(from)).toEqual([]);
  });

  it('when a member shares a note as long as the form allows, then the whole note is stored and on the channel card, not cut short', async () => {
    const note = `${'Darllenwch hwn cyn y sesiwn. '.repeat(34)}Diwedd, diolch`;
    expect(note).toHaveLength(1000);
    const from = harness.connector.sent.length;
    expect(said(await harness.post(fromChannel(shareSubmitInvoke(gwen, harness.serviceUrl, { ...share, title: 'Nodyn hir', url: 'https://hwb.gov.wales/resources/long-note', note, plcId: plc.pk }), gwen)))).toMatch(/^Wedi'i rannu â Diogelu/);
    const stored = (await storedResources(harness, plc.pk)).find((r) => r.url === 'https://hwb.gov.wales/resources/long-note');
    expect(stored?.note).toBe(note.trim());
    await harness.connector.waitFor(from + 1);
    expect(cardText(postedInChannel(from)[0]!)).toContain(note.trim());
  });

  it('when a member types share in a new post of the channel (its thread in the conversation id, as Teams sends it), then it is shared into the channel’s PLC', async () => {
    const from = harness.connector.sent.length;
    const typed = inTeamChannel(message(nia, harness.serviceUrl, 'share https://hwb.gov.wales/resources/in-a-thread A post of its own'), nia, channel.channelId, channel.teamId);
    const inThread = { ...typed, conversation: { ...(typed.conversation as object), id: `${channel.channelId};messageid=1764540000001` } };
    expect((await harness.post(inThread)).status).toBe(200);
    await harness.connector.waitFor(from + 1);
    expect(postedInChannel(from).map(cardText).join('\n')).toContain('A post of its own');
    expect((await storedResources(harness, plc.pk)).map((r) => r.url)).toContain('https://hwb.gov.wales/resources/in-a-thread');
  });

  it('when a PLC is made from a form in one post of a channel, then share typed in another post of that channel shares into it and its card starts a new post in the channel', async () => {
    const other = new TeamChannel(harness, '19:plc-threads@thread.tacv2', channel.teamId);
    /** The activity as Teams sends it from inside the thread of one post. */
    const inPost = (activity: Record<string, unknown>, post: number) => ({ ...activity, conversation: { ...(activity.conversation as object), id: `${other.channelId};messageid=${post}` } });
    const made = await harness.post(inPost(inTeamChannel(cardAction(nia, harness.serviceUrl, 'plc.make', { plcName: 'Edafedd', keyAreas: 'communication', plcLanguage: 'en' }), nia, other.channelId, other.teamId), 1764540000100));
    expect(cardText(invokeCard(made))).toContain('this channel is now the learning community “Edafedd”');
    const from = harness.connector.sent.length;
    await harness.post(inPost(inTeamChannel(message(nia, harness.serviceUrl, 'share https://hwb.gov.wales/resources/threads A note'), nia, other.channelId, other.teamId), 1764540000200));
    await harness.connector.waitFor(from + 1);
    const sent = harness.connector.sent.slice(from).filter((s) => s.method === 'POST');
    expect(sent.map((s) => s.conversationId)).toEqual([other.channelId]);
    expect(cardText(cardsIn(sent)[0]!)).toContain('Shared by Nia Evans');
  });

  it('when a member searches with a mutated Welsh word ("ddiogelu" in English, "nysgu" in Welsh), then the shared resource is found; someone outside never finds it', async () => {
    const english = results(await harness.post(fromChannel(searchInvoke(nia, harness.serviceUrl, 'ddiogelu'), nia)));
    expect(english[0]?.preview?.content.title).toBe('Canllaw dysgu a diogelu ar-lein');
    expect(english[0]?.preview?.content.text).toContain('Nia Evans');
    const welsh = results(await harness.post(fromChannel(searchInvoke(gwen, harness.serviceUrl, 'nysgu'), gwen)));
    expect(welsh.map((a) => a.preview?.content.title)).toContain('Canllaw dysgu a diogelu ar-lein');
    expect(welsh.find((a) => a.preview?.content.title === 'Canllaw dysgu a diogelu ar-lein')?.preview?.content.text).toMatch(/^Rhannwyd gan Nia Evans/);
    const outside = extension(await harness.post(fromChannel(searchInvoke(outsider, harness.serviceUrl, 'ddiogelu'), outsider)));
    if (outside.type === 'result') expect(outside.attachments.map((a) => a.preview?.content.title)).not.toContain('Canllaw dysgu a diogelu ar-lein');
  });

  it('when a member picks the result, then its card is inserted in their language; someone outside picking the same value gets no card', async () => {
    const [hit] = results(await harness.post(fromChannel(searchInvoke(gwen, harness.serviceUrl, 'ddiogelu'), gwen)));
    const tap = hit!.preview!.content.tap!.value;
    for (const [user, words] of [
      [gwen, 'Rhannwyd gan Nia Evans'],
      [nia, 'Shared by Nia Evans'],
    ] as const) {
      const [picked] = results(await harness.post(fromChannel(selectItemInvoke(user, harness.serviceUrl, tap), user)));
      expect(picked!.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardProblems(picked!.content)).toEqual([]);
      expect(cardText(picked!.content)).toContain('Canllaw dysgu a diogelu ar-lein');
      expect(cardText(picked!.content)).toContain(words);
      expect(JSON.stringify(picked!.content)).toContain(LINK);
    }
    expect(extension(await harness.post(fromChannel(selectItemInvoke(outsider, harness.serviceUrl, tap), outsider))).type).toBe('message');
  });
});
