import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import * as exportRoutes from '../../bot/export/register-export';
import { offerFile } from '../../bot/export/offer-file';
import { MAX_FILE_BYTES } from '../../bot/export/file-offer';
import { toCsv } from '../../bot/export/to-csv';
import { userKey } from '../../bot/users/user-record';
import { offerStoreOf } from '../../bot/export/offer-repository';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText } from '../support/cards-in';
import type { SentActivity } from '../support/recording-connector';
import { message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** What the test exports: a table with cells a spreadsheet would otherwise run. */
const FILE = toCsv(
  [
    ['Nia Roberts', '=HYPERLINK("https://example.org/steal","Click")', '2026-12-14'],
    ['Tomos Hughes', '+44 29 2000 0000', ''],
    ['Siân Ŵyn', '@SUM(A1:A2)', '-1'],
  ],
  ['Name', 'Note', 'Date'],
);

/** A file of exactly the largest size an offer holds, every byte value in it. */
const FULL = Buffer.from(Array.from({ length: MAX_FILE_BYTES }, (_, i) => (i * 7919) % 256));

/** Prints measured figures when asked (CEFNOGI_FIGURES=1), for the README and reports. */
function figures(what: string, values: Record<string, number>): void {
  if (process.env.CEFNOGI_FIGURES) process.stdout.write(`[figures] ${what}: ${JSON.stringify(values)}\n`);
}

/*
 * A test-only trigger: nothing in Cefnogi exports yet, so while the bot starts, the
 * export capability's registration also adds two phrases that offer the file above (or
 * one over the limit). The rest of the bot is the real one, over HTTP.
 */
const registerExport = exportRoutes.registerExport;
jest.spyOn(exportRoutes, 'registerExport').mockImplementation((app, deps) => {
  registerExport(app, deps);
  app.message(/^cefnogi-test-export( large| full)?$/, async (context) => {
    const size = context.activity.text?.split(' ')[1];
    await offerFile(context, deps, {
      name: 'cefnogi-test.csv',
      contentType: 'text/csv',
      bytes: size === 'large' ? Buffer.alloc(MAX_FILE_BYTES + 1, 0x41) : size === 'full' ? FULL : FILE,
      description: { en: 'The people in your test export', cy: "Y bobl yn eich allforio prawf" },
    });
  });
});

type Activity = Record<string, unknown>;

function fileConsent(user: TeamsUser, serviceUrl: string, value: unknown): Activity {
  const { text: _text, textFormat: _format, ...envelope } = message(user, serviceUrl, '');
  return { ...envelope, type: 'invoke', name: 'fileConsent/invoke', replyToId: randomUUID(), value };
}

function inGroupChat(activity: Activity, user: TeamsUser): Activity {
  return { ...activity, conversation: { id: '19:staffroom@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: user.tenantId } };
}

/** The consent attachments the bot sent. */
function consentCards(sent: SentActivity[]): { name: string; content: { description: string; sizeInBytes: number; acceptContext: { offerId: string }; declineContext: { offerId: string } } }[] {
  return sent.flatMap((s) => ((s.activity.attachments ?? []) as { contentType: string }[]).filter((a) => a.contentType === CONSENT)) as never;
}

function fileInfoCards(sent: SentActivity[]): { contentUrl: string; name: string; content: { uniqueId: string; fileType: string } }[] {
  return sent.flatMap((s) => ((s.activity.attachments ?? []) as { contentType: string }[]).filter((a) => a.contentType === FILE_INFO)) as never;
}

const texts = (sent: SentActivity[]) => cardsIn(sent).map(cardText).join('\n');

describe('sending a file by Teams file consent, over HTTP as Teams sends it', () => {
  const harness = new BotHarness();
  const offers = () => offerStoreOf(harness.bot!.store).fileOffers;

  /** Asks for the test file in the personal chat and answers the offer id from the consent card. */
  async function offered(user: TeamsUser): Promise<string> {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, 'cefnogi-test-export'));
    const cards = consentCards(harness.connector.sent);
    expect(cards).toHaveLength(1);
    return cards[0]!.content.acceptContext.offerId;
  }

  function accept(user: TeamsUser, offerId: string, session: string, uploadUrl = harness.connector.uploadUrl(session)) {
    return harness.post(
      fileConsent(user, harness.serviceUrl, {
        type: 'fileUpload',
        action: 'accept',
        context: { offerId },
        uploadInfo: {
          contentUrl: `https://hwb-my.sharepoint.com/personal/me/Documents/Applications/Cefnogi/${session}.csv`,
          name: `${session}.csv`,
          uploadUrl,
          uniqueId: `1150D938-8870-4044-9F2C-${session}`,
          fileType: 'csv',
          etag: '1',
        },
      }),
    );
  }

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('when a file is offered in the personal chat and the person accepts, then the exact bytes are put to the upload URL, the file card follows and the offer is gone', async () => {
    const user = teamsUser();
    const offerId = await offered(user);
    const [consent] = consentCards(harness.connector.sent);
    expect(consent).toEqual({
      contentType: CONSENT,
      name: 'cefnogi-test.csv',
      content: { description: 'The people in your test export', sizeInBytes: FILE.length, acceptContext: { offerId }, declineContext: { offerId } },
    });
    expect((await offers().read(offerId, userKey(user)))?.value.status).toBe('offered');

    harness.connector.clear();
    const answer = await accept(user, offerId, 'first');
    expect(answer.status).toBe(200);
    expect(harness.connector.uploads).toHaveLength(1);
    const upload = harness.connector.uploads[0]!;
    expect(upload.session).toBe('first');
    expect(upload.bytes.equals(FILE)).toBe(true);
    expect(upload.headers['content-range']).toBe(`bytes 0-${FILE.length - 1}/${FILE.length}`);
    expect(upload.headers.authorization).toBeUndefined();
    expect(fileInfoCards(harness.connector.sent)).toEqual([
      {
        contentType: FILE_INFO,
        contentUrl: 'https://hwb-my.sharepoint.com/personal/me/Documents/Applications/Cefnogi/first.csv',
        name: 'first.csv',
        content: { uniqueId: '1150D938-8870-4044-9F2C-first', fileType: 'csv' },
      },
    ]);
    expect(harness.connector.sent.map((s) => s.activity.text).join()).toContain('saved in your OneDrive');
    expect(await offers().read(offerId, userKey(user))).toBeUndefined();

    // Pressing accept on the same card again uploads nothing and says why.
    harness.connector.clear();
    expect((await accept(user, offerId, 'again')).status).toBe(200);
    expect(harness.connector.uploads).toHaveLength(1);
    expect(texts(harness.connector.sent)).toContain('no longer waiting');
  });

  it('when the uploaded CSV is opened, then every field was quoted and no cell can run as a formula', async () => {
    const user = teamsUser();
    await accept(user, await offered(user), 'opened');
    const text = harness.connector.uploads.at(-1)!.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF"Name","Note","Date"\r\n')).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows.slice(1)).toEqual([
      ['Nia Roberts', `'=HYPERLINK("https://example.org/steal","Click")`, '2026-12-14'],
      ['Tomos Hughes', "'+44 29 2000 0000", ''],
      ['Siân Ŵyn', "'@SUM(A1:A2)", "'-1"],
    ]);
  });

  it('when a Welsh-speaking person declines the file, then the offer is deleted, nothing is uploaded and they are told in Welsh', async () => {
    const user = teamsUser({ locale: 'cy-GB', name: 'Nia Roberts' });
    const offerId = await offered(user);
    expect(consentCards(harness.connector.sent)[0]!.content.description).toBe('Y bobl yn eich allforio prawf');
    const uploadsBefore = harness.connector.uploads.length;
    harness.connector.clear();

    const answer = await harness.post(fileConsent(user, harness.serviceUrl, { type: 'fileUpload', action: 'decline', context: { offerId } }));
    expect(answer.status).toBe(200);
    expect(harness.connector.uploads).toHaveLength(uploadsBefore);
    expect(await offers().read(offerId, userKey(user))).toBeUndefined();
    const cards = cardsIn(harness.connector.sent);
    expect(cards.map(cardText).join('\n')).toContain('Ni anfonwyd y ffeil');
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
  });

  it("when another person accepts someone's offer, then nothing is uploaded and the offer still waits for its owner", async () => {
    const owner = teamsUser();
    const other = teamsUser({ name: 'Rhys Jones' });
    const offerId = await offered(owner);
    const uploadsBefore = harness.connector.uploads.length;
    harness.connector.clear();

    expect((await accept(other, offerId, 'stolen')).status).toBe(200);
    expect(harness.connector.uploads).toHaveLength(uploadsBefore);
    expect(fileInfoCards(harness.connector.sent)).toEqual([]);
    expect(texts(harness.connector.sent)).toContain('no longer waiting');
    expect((await offers().read(offerId, userKey(owner)))?.value.status).toBe('offered');

    // Declining it as someone else does not remove it either; the owner still gets the file.
    await harness.post(fileConsent(other, harness.serviceUrl, { action: 'decline', context: { offerId } }));
    expect((await offers().read(offerId, userKey(owner)))?.value.status).toBe('offered');
    await accept(owner, offerId, 'owner');
    expect(harness.connector.uploads.at(-1)?.session).toBe('owner');
    expect(harness.connector.uploads).toHaveLength(uploadsBefore + 1);
  });

  it('when a file is asked for in a group chat, then a card says to open the one-to-one chat and nothing is stored', async () => {
    const user = teamsUser();
    harness.connector.clear();
    const answer = await harness.post(inGroupChat(message(user, harness.serviceUrl, 'cefnogi-test-export'), user));
    expect(answer.status).toBe(200);
    expect(consentCards(harness.connector.sent)).toEqual([]);
    const cards = cardsIn(harness.connector.sent);
    expect(cards.map(cardText).join('\n')).toContain('one-to-one chat');
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    expect(await offers().findInPartition(userKey(user), {})).toEqual([]);
  });

  it('when the upload fails, then the person is told kindly and accepting again sends the file', async () => {
    const user = teamsUser();
    const offerId = await offered(user);
    harness.connector.clear();
    harness.connector.uploadMode = 'fail';
    try {
      expect((await accept(user, offerId, 'broken')).status).toBe(200);
    } finally {
      harness.connector.uploadMode = 'answer';
    }
    expect(fileInfoCards(harness.connector.sent)).toEqual([]);
    expect(texts(harness.connector.sent)).toContain('could not save cefnogi-test.csv to your OneDrive');
    expect((await offers().read(offerId, userKey(user)))?.value.status).toBe('offered');

    harness.connector.clear();
    await accept(user, offerId, 'mended');
    expect(harness.connector.uploads.at(-1)?.bytes.equals(FILE)).toBe(true);
    expect(fileInfoCards(harness.connector.sent)).toHaveLength(1);
  });

  it('when a file consent is tampered with, then nothing is uploaded, the offer is untouched, and Teams still gets 200', async () => {
    const user = teamsUser();
    const offerId = await offered(user);
    const uploadsBefore = harness.connector.uploads.length;
    const tampered: unknown[] = [
      { action: 'accept', context: { offerId: 'not-an-id' }, uploadInfo: { name: 'x.csv', uploadUrl: harness.connector.uploadUrl('x'), contentUrl: 'https://x.example/x', uniqueId: 'x', fileType: 'csv' } },
      { action: 'accept', context: { offerId } },
      { action: 'open', context: { offerId } },
      'accept',
    ];
    for (const value of tampered) {
      harness.connector.clear();
      expect((await harness.post(fileConsent(user, harness.serviceUrl, value))).status).toBe(200);
      expect(texts(harness.connector.sent)).toContain("can't be used");
    }
    // An upload address that is neither https nor, locally, the connector's own is refused.
    for (const uploadUrl of ['http://127.0.0.1:9/upload/elsewhere', 'ftp://files.example.org/upload', 'https://user:secret@hwb-my.sharepoint.com/upload']) {
      harness.connector.clear();
      expect((await accept(user, offerId, 'refused', uploadUrl)).status).toBe(200);
      expect(texts(harness.connector.sent)).toContain("can't be used");
    }
    expect(harness.connector.uploads).toHaveLength(uploadsBefore);
    expect((await offers().read(offerId, userKey(user)))?.value.status).toBe('offered');
  });

  it('when a file of the largest size is offered and accepted, then it arrives whole and each turn costs few storage requests', async () => {
    const user = teamsUser();
    await harness.post(message(user, harness.serviceUrl, 'help'));
    harness.connector.clear();
    let started = performance.now();
    await harness.post(message(user, harness.serviceUrl, 'cefnogi-test-export full'));
    const offerMs = performance.now() - started;
    const offerRoundTrips = harness.bot!.stats.lastTurnRoundTrips;
    const [consent] = consentCards(harness.connector.sent);
    expect(consent?.content.sizeInBytes).toBe(MAX_FILE_BYTES);
    // The user's document (read), their waiting offers (a query: two requests), the new offer (create).
    expect(offerRoundTrips).toBe(4);

    started = performance.now();
    await accept(user, consent!.content.acceptContext.offerId, 'full');
    const acceptMs = performance.now() - started;
    expect(harness.connector.uploads.at(-1)?.bytes.equals(FULL)).toBe(true);
    // The user's document, the offer (read, claim, delete).
    expect(harness.bot!.stats.lastTurnRoundTrips).toBe(4);
    figures('file export, 1 MiB, one offer turn and one accept turn', { offerMs: Math.round(offerMs), acceptMs: Math.round(acceptMs), offerRoundTrips, acceptRoundTrips: harness.bot!.stats.lastTurnRoundTrips });
  });

  it('when a file is over the limit, then the person is told to ask for less and nothing is stored', async () => {
    const user = teamsUser();
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, 'cefnogi-test-export large'));
    expect(consentCards(harness.connector.sent)).toEqual([]);
    expect(texts(harness.connector.sent)).toContain('too big to send');
    expect(await offers().findInPartition(userKey(user), {})).toEqual([]);
  });
});

describe('a file offer across a restart', () => {
  const harness = new BotHarness();

  beforeAll(() => harness.start({ persist: true }));
  afterAll(() => harness.stop());

  it('when the bot restarts between the offer and the accept, then the accept still puts the file', async () => {
    const user = teamsUser();
    await harness.post(message(user, harness.serviceUrl, 'cefnogi-test-export'));
    const offerId = consentCards(harness.connector.sent)[0]!.content.acceptContext.offerId;
    await harness.restart();
    harness.connector.clear();

    await harness.post(
      fileConsent(user, harness.serviceUrl, {
        type: 'fileUpload',
        action: 'accept',
        context: { offerId },
        uploadInfo: { contentUrl: 'https://hwb-my.sharepoint.com/x.csv', name: 'x.csv', uploadUrl: harness.connector.uploadUrl('after-restart'), uniqueId: 'X1', fileType: 'csv' },
      }),
    );
    expect(harness.connector.uploads.map((u) => u.session)).toEqual(['after-restart']);
    expect(harness.connector.uploads[0]!.bytes.equals(FILE)).toBe(true);
    expect(fileInfoCards(harness.connector.sent)).toHaveLength(1);
  });
});
