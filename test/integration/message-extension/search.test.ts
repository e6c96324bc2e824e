import { BotHarness } from '../../support/bot-harness';
import { searchInvoke, selectItemInvoke } from '../../support/extension-activities';
import { InMemoryPlcSharing } from '../../support/in-memory-plc-sharing';
import { teamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

interface Attachment {
  contentType: string;
  content: Record<string, unknown>;
  preview?: { contentType: string; content: { title: string; text?: string; tap?: { type: string; value: unknown } } };
}
interface ExtensionBody {
  composeExtension: { type: 'result'; attachmentLayout: string; attachments: Attachment[] } | { type: 'message'; text: string };
}

/** The answer to an extension invoke: HTTP 200 with a composeExtension body. */
function extension(answer: { status: number; body: unknown }): ExtensionBody['composeExtension'] {
  expect(answer.status).toBe(200);
  return (answer.body as ExtensionBody).composeExtension;
}

function results(answer: { status: number; body: unknown }): Attachment[] {
  const body = extension(answer);
  if (body.type !== 'result') throw new Error(`expected results, got the message "${body.text}"`);
  return body.attachments;
}

const titles = (attachments: Attachment[]) => attachments.map((a) => a.preview?.content.title);

describe('"PLC resources": search as you type over my PLCs and the curated library', () => {
  const plcs = new InMemoryPlcSharing();
  const harness = new BotHarness();
  const tenantId = '11111111-2222-3333-4444-555555555555';
  const member = teamsUser({ name: 'Nia Rowlands', tenantId });
  const welshMember = teamsUser({ name: 'Gwenllian Hughes', tenantId, locale: 'cy-GB' });
  const outsider = teamsUser({ name: 'Rhys Morgan', tenantId });
  const busyMember = teamsUser({ name: 'Owain Price', tenantId });

  beforeAll(async () => {
    plcs.addPlc({ id: 'plc-cardiff-ta', name: 'TAs Caerdydd', members: [member.aadObjectId, welshMember.aadObjectId] });
    plcs.addPlc({ id: 'plc-other', name: 'Business managers', members: [outsider.aadObjectId] });
    plcs.addResource({ id: 'res-1', plcId: 'plc-cardiff-ta', title: 'Canllaw i ddiogelu dysgwyr ar-lein', note: 'Da ar gyfer sesiwn HMS', url: 'https://hwb.gov.wales/diogelu', keyAreas: ['safeguarding'], languages: ['cy'], sharedByName: 'Nia Rowlands', sharedAt: '2026-11-02T09:00:00.000Z', useful: 4 });
    plcs.addResource({ id: 'res-2', plcId: 'plc-cardiff-ta', title: 'Phonics games for [small] groups', url: 'https://example.org/phonics', keyAreas: ['literacy-numeracy'], languages: ['en'], sharedByName: 'Gwenllian Hughes', sharedAt: '2026-11-20T09:00:00.000Z', useful: 1 });
    plcs.addResource({ id: 'res-3', plcId: 'plc-other', title: 'Diogelu budget planning', url: 'https://example.org/budget', keyAreas: [], languages: ['en'], sharedByName: 'Rhys Morgan', sharedAt: '2026-11-21T09:00:00.000Z', useful: 9 });
    plcs.addPlc({ id: 'plc-busy', name: 'Cymuned fawr', members: [busyMember.aadObjectId] });
    const words = ['dysgu', 'darllen', 'rhifedd', 'phonics', 'reading', 'lles', 'games', 'pontio', 'maths', 'iaith'];
    for (let i = 0; i < 10_000; i += 1) {
      plcs.addResource({ id: `busy-${i}`, plcId: 'plc-busy', title: `${words[i % 10]} ${words[(i * 7) % 10]} ${i}`, note: `${words[(i * 3) % 10]} pack ${i}`, url: `https://example.org/r/${i}`, keyAreas: ['development'], languages: ['cy', 'en'], sharedByName: 'Owain Price', sharedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), useful: i % 13 });
    }
    await harness.start({ plcSharing: plcs });
  });
  afterAll(() => harness.stop());

  test('when a member first opens the search, then their PLCs’ resources come first, most useful first, then the curated library', async () => {
    const list = results(await harness.post(searchInvoke(member, harness.serviceUrl, undefined)));
    expect(titles(list).slice(0, 2)).toEqual(['Canllaw i ddiogelu dysgwyr ar-lein', 'Phonics games for [small] groups']);
    expect(list.length).toBeGreaterThan(2);
    expect(list[2]?.preview?.content.text).toBe("From Cefnogi's library");
  });

  test('when a member searches "diogelu", then a shared resource saying "ddiogelu" and the library’s safeguarding guidance are found, and another PLC’s never', async () => {
    const list = results(await harness.post(searchInvoke(member, harness.serviceUrl, 'diogelu')));
    expect(titles(list)).toContain('Canllaw i ddiogelu dysgwyr ar-lein');
    expect(titles(list)).toContain('Keeping Learners Safe: statutory safeguarding guidance');
    expect(titles(list)).not.toContain('Diogelu budget planning');
  });

  test('when a member searches in English for a key area, then a Welsh-titled resource tagged with it is found', async () => {
    const list = results(await harness.post(searchInvoke(member, harness.serviceUrl, 'safeguarding')));
    expect(titles(list)).toContain('Canllaw i ddiogelu dysgwyr ar-lein');
  });

  test('when a Welsh speaker searches "nysgu", then library results come in Welsh', async () => {
    const list = results(await harness.post(searchInvoke(welshMember, harness.serviceUrl, 'nysgu')));
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((a) => a.preview?.content.text === 'O lyfrgell Cefnogi' || a.preview?.content.text?.startsWith('Rhannwyd gan'))).toBe(true);
    expect(JSON.stringify(list[0]?.content)).toContain('Agor yr adnodd');
  });

  test('when results come back, then each has a preview that picks it and a 1.5 card under 28 KB with typed text made inert', async () => {
    const list = results(await harness.post(searchInvoke(member, harness.serviceUrl, '')));
    for (const attachment of list) {
      expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(attachment.preview?.contentType).toBe('application/vnd.microsoft.card.thumbnail');
      expect(attachment.preview?.content.tap?.type).toBe('invoke');
      expect(cardProblems(attachment.content)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(attachment), 'utf16le')).toBeLessThan(28 * 1024);
    }
    const phonics = list.find((a) => a.preview?.content.title?.startsWith('Phonics'));
    expect(JSON.stringify(phonics?.content)).toContain('Phonics games for \\\\[small\\\\] groups');
  });

  test('when Teams asks for the next page, then the list goes on where it stopped', async () => {
    const first = titles(results(await harness.post(searchInvoke(member, harness.serviceUrl, '', { count: 3 }))));
    const second = titles(results(await harness.post(searchInvoke(member, harness.serviceUrl, '', { skip: 3, count: 3 }))));
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(3);
    expect(second.some((t) => first.includes(t))).toBe(false);
  });

  test('when a person’s PLCs hold 10,000 resources, then a keystroke still answers with a page of the best matches', async () => {
    const times: number[] = [];
    let list: Attachment[] = [];
    for (const typed of ['d', 'nysgu', 'reading gam', '']) {
      const started = performance.now();
      list = results(await harness.post(searchInvoke(busyMember, harness.serviceUrl, typed)));
      times.push(performance.now() - started);
      expect(list).toHaveLength(25);
    }
    const mutated = titles(results(await harness.post(searchInvoke(busyMember, harness.serviceUrl, 'nysgu'))));
    expect(mutated.every((t) => t?.includes('dysgu'))).toBe(true);
    if (process.env.CEFNOGI_FIGURES === '1') console.log(`PLC resources search over HTTP, 10,000 shared + library: ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);
  });

  test('when nothing matches, then the person is told so with what they typed', async () => {
    expect(extension(await harness.post(searchInvoke(member, harness.serviceUrl, 'qwxzz')))).toEqual({ type: 'message', text: 'No resources match "qwxzz". Try another word, in Welsh or English.' });
  });

  test('when the search parameters are not text or far too long, then a clear message comes back in the person’s language', async () => {
    expect(extension(await harness.post(searchInvoke(member, harness.serviceUrl, { $where: 1 })))).toEqual({ type: 'message', text: 'That search could not be read. Type a few words from a title, a note or a key area.' });
    const welsh = extension(await harness.post(searchInvoke(welshMember, harness.serviceUrl, 'x'.repeat(5000))));
    expect(welsh).toEqual({ type: 'message', text: expect.stringContaining('Doedd dim modd darllen y chwiliad') });
  });

  test('when a shared resource is picked, then its PLC’s own card goes into the chat', async () => {
    const list = results(await harness.post(searchInvoke(member, harness.serviceUrl, 'phonics')));
    const picked = extension(await harness.post(selectItemInvoke(member, harness.serviceUrl, list[0]?.preview?.content.tap?.value)));
    if (picked.type !== 'result') throw new Error('expected a card');
    expect(picked.attachments[0]?.content['metadata']).toEqual({ webUrl: 'https://plc.example/res-2' });
  });

  test('when a library resource is picked, then its card goes into the chat', async () => {
    const picked = extension(await harness.post(selectItemInvoke(member, harness.serviceUrl, { source: 'library', id: 'keeping-learners-safe' })));
    if (picked.type !== 'result') throw new Error('expected a card');
    expect(JSON.stringify(picked.attachments[0]?.content)).toContain('Keeping Learners Safe');
    expect(cardProblems(picked.attachments[0]!.content)).toEqual([]);
  });

  test('when someone picks a resource of a PLC they are not in, or a tampered item, then they get a clear message and no card', async () => {
    expect(extension(await harness.post(selectItemInvoke(member, harness.serviceUrl, { source: 'plc', id: 'res-3' })))).toEqual({ type: 'message', text: 'That resource is no longer there, or you are no longer in its PLC.' });
    expect(extension(await harness.post(selectItemInvoke(member, harness.serviceUrl, { source: 'elsewhere', id: 'x' })))).toEqual({ type: 'message', text: expect.stringContaining('could not be read') });
  });
});

describe('"PLC resources" before PLCs exist', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  test('when there are no PLCs, then the search still finds the curated library', async () => {
    const list = results(await harness.post(searchInvoke(teamsUser(), harness.serviceUrl, 'diogelu')));
    expect(titles(list)).toContain('Keeping Learners Safe: statutory safeguarding guidance');
  });
});
