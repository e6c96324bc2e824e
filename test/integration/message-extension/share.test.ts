import { BotHarness } from '../../support/bot-harness';
import { shareFetchInvoke, shareSubmitInvoke } from '../../support/extension-activities';
import { InMemoryPlcSharing } from '../../support/in-memory-plc-sharing';
import { teamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

type Card = Record<string, unknown>;
interface TaskBody {
  task: { type: 'continue'; value: { title: string; card: { contentType: string; content: Card } } } | { type: 'message'; value: string };
}

/** Wednesday 25 November 2026, 15:00 in Wales. */
const clock = new Date('2026-11-25T15:00:00Z');

function task(answer: { status: number; body: unknown }): TaskBody['task'] {
  expect(answer.status).toBe(200);
  return (answer.body as TaskBody).task;
}

/** The form a dialog answer holds, checked at schema 1.5. */
function form(answer: { status: number; body: unknown }): Card {
  const t = task(answer);
  if (t.type !== 'continue') throw new Error(`expected the form, got the message "${t.value}"`);
  expect(t.value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(cardProblems(t.value.card.content)).toEqual([]);
  return t.value.card.content;
}

function said(answer: { status: number; body: unknown }): string {
  const t = task(answer);
  if (t.type !== 'message') throw new Error('expected a message, got the form again');
  return t.value;
}

/** Every input of a card by id, with its value as shown. */
function inputs(card: Card): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out[o.id] = o.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return out;
}

/** The message under a field: the text of the attention container that follows its input. */
function problemAt(card: Card, id: string): string | undefined {
  const body = card.body as Card[];
  const at = body.findIndex((e) => e.id === id);
  const next = body[at + 1];
  if (!next || next.type !== 'Container' || next.style !== 'attention') return undefined;
  return ((next.items as Card[])[0]?.text as string | undefined) ?? undefined;
}

const complete = { action: 'share', title: 'Outdoor maths trails', url: 'https://example.org/maths-trails', note: 'Worked well with Year 3', keyAreas: 'literacy-numeracy,development', languages: 'en', plcId: 'plc-ta' };

describe('"Share to a PLC": the form from a message, and sharing from it', () => {
  const plcs = new InMemoryPlcSharing();
  const harness = new BotHarness();
  const tenantId = '11111111-2222-3333-4444-555555555555';
  const member = teamsUser({ name: 'Nia Rowlands', tenantId });
  const welshMember = teamsUser({ name: 'Gwenllian Hughes', tenantId, locale: 'cy-GB' });
  const lonely = teamsUser({ name: 'Rhys Morgan', tenantId });

  beforeAll(async () => {
    plcs.addPlc({ id: 'plc-ta', name: 'TAs Caerdydd', members: [member.aadObjectId, welshMember.aadObjectId] });
    await harness.start({ now: () => clock, plcSharing: plcs });
  });
  afterAll(() => harness.stop());

  test('when opened on a message with a link, then the form holds the link, a title from its first line, the text as a note, and my one PLC chosen', async () => {
    const html = '<p>Great phonics games: <a href="https://example.org/phonics?a=1&amp;b=2">phonics</a></p><p>Try the second one &amp; tell me</p>';
    const card = form(await harness.post(shareFetchInvoke(member, harness.serviceUrl, html)));
    expect(inputs(card)).toEqual({
      title: 'Great phonics games',
      url: 'https://example.org/phonics?a=1&b=2',
      note: 'Great phonics games: phonics\nTry the second one & tell me',
      keyAreas: '',
      languages: '',
      plcId: 'plc-ta',
    });
    expect(JSON.stringify(card)).toContain('Share to a PLC');
  });

  test('when opened from the compose box, then the form starts empty', async () => {
    const card = form(await harness.post(shareFetchInvoke(member, harness.serviceUrl)));
    expect(inputs(card)).toMatchObject({ title: '', url: '', note: '' });
  });

  test('when the form is sent complete, then the resource is shared to my PLC and the dialog says so', async () => {
    const answer = await harness.post(shareSubmitInvoke(member, harness.serviceUrl, complete));
    expect(said(answer)).toBe('Shared to TAs Caerdydd. Its members will see it in their channel.');
    expect(plcs.shareCalls.at(-1)).toEqual({
      actorName: 'Nia Rowlands',
      plcId: 'plc-ta',
      input: { title: 'Outdoor maths trails', url: 'https://example.org/maths-trails', note: 'Worked well with Year 3', keyAreas: ['literacy-numeracy', 'development'], languages: ['en'] },
    });
  });

  test('when the same link is shared again, then I am told who shared it first and when', async () => {
    const answer = await harness.post(shareSubmitInvoke(welshMember, harness.serviceUrl, { ...complete, title: 'Llwybrau mathemateg' }));
    expect(said(answer)).toBe("Mae'r ddolen honno eisoes yn TAs Caerdydd: fe'i rhannwyd gan Nia Rowlands ar 25 Tachwedd 2026. Ni rannwyd dim byd newydd.");
  });

  test('when the link is not https and no key area or language is chosen, then the same form comes back with what I typed and each problem at its field, and nothing is shared', async () => {
    const before = plcs.resources.length;
    const sent = { ...complete, url: 'http://example.org/insecure', keyAreas: '', languages: '', title: '  Cyfathrebu â rhieni  ' };
    const card = form(await harness.post(shareSubmitInvoke(member, harness.serviceUrl, sent)));
    expect(inputs(card)).toMatchObject({ title: '  Cyfathrebu â rhieni  ', url: 'http://example.org/insecure', note: 'Worked well with Year 3', plcId: 'plc-ta' });
    expect(problemAt(card, 'url')).toBe('Give a link that starts with https:// (at most 2,000 characters).');
    expect(problemAt(card, 'keyAreas')).toBe('Choose at least one key area.');
    expect(problemAt(card, 'languages')).toBe('Choose the language or languages the resource is in.');
    expect(problemAt(card, 'title')).toBeUndefined();
    expect(plcs.resources.length).toBe(before);
  });

  test('when a tampered form names a PLC I am not in, or a key area that does not exist, then those fields are marked and nothing is shared', async () => {
    const calls = plcs.shareCalls.length;
    const card = form(await harness.post(shareSubmitInvoke(member, harness.serviceUrl, { ...complete, plcId: 'plc-someone-elses', keyAreas: 'safeguarding,world-domination' })));
    expect(problemAt(card, 'plcId')).toBe('Choose one of your PLCs.');
    expect(problemAt(card, 'keyAreas')).toBe('Choose at least one key area.');
    expect(plcs.shareCalls.length).toBe(calls);
  });

  test('when the form sent cannot be read at all, then a clear message closes the dialog and nothing is shared', async () => {
    const calls = plcs.shareCalls.length;
    expect(said(await harness.post(shareSubmitInvoke(member, harness.serviceUrl, { action: 'share', title: { $ne: 1 } })))).toBe('This form could not be read: open Share to a PLC again. Nothing was shared.');
    expect(plcs.shareCalls.length).toBe(calls);
  });

  test('when the PLC closes between opening the form and sending it, then its refusal is said in my language', async () => {
    plcs.refuseNext = { kind: 'refused', reason: 'closed' };
    const answer = await harness.post(shareSubmitInvoke(welshMember, harness.serviceUrl, { ...complete, url: 'https://example.org/another' }));
    expect(said(answer)).toBe("Mae'r gymuned ddysgu honno wedi cau, felly ni ellir rhannu iddi bellach. Ni rannwyd dim.");
  });

  test('when the PLC refuses the input itself, then the form comes back with its reason at the top and what I typed', async () => {
    plcs.refuseNext = { kind: 'refused', reason: 'bad-input', message: 'That link is on a blocked list.' };
    const card = form(await harness.post(shareSubmitInvoke(member, harness.serviceUrl, { ...complete, url: 'https://example.org/blocked' })));
    expect(JSON.stringify(card)).toContain('That link is on a blocked list.');
    expect(inputs(card)).toMatchObject({ url: 'https://example.org/blocked', title: 'Outdoor maths trails' });
  });

  test('when I press Cancel, then the dialog closes and nothing is shared', async () => {
    const calls = plcs.shareCalls.length;
    const answer = await harness.post(shareSubmitInvoke(member, harness.serviceUrl, { action: 'cancel' }));
    expect(answer).toEqual({ status: 200, body: {} });
    expect(plcs.shareCalls.length).toBe(calls);
  });

  test('when a Welsh speaker opens the form, then it is in Welsh', async () => {
    const card = form(await harness.post(shareFetchInvoke(welshMember, harness.serviceUrl, '<p>https://example.org/x</p>')));
    const text = JSON.stringify(card);
    expect(text).toContain('Rhannu â chymuned ddysgu');
    expect(text).toContain('Pa gymuned ddysgu');
    expect(inputs(card)).toMatchObject({ url: 'https://example.org/x', title: '' });
  });

  test('when someone in no PLC opens "Share to a PLC", then they are told there is nowhere to share to yet', async () => {
    expect(said(await harness.post(shareFetchInvoke(lonely, harness.serviceUrl, '<p>hi</p>')))).toBe('You are not in a PLC yet, so there is nowhere to share to. Nothing was shared.');
  });
});
