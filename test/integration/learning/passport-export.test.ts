import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import en from '../../../bot/i18n/en.json';
import cy from '../../../bot/i18n/cy.json';
import { BotHarness } from '../../support/bot-harness';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { textInputValue } from '../../support/card-actions';
import { press } from '../../support/press-button';
import { cardAction, inGroupChat, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { learningLog } from '../../../bot/learning/learning-log';
import { cardProblems } from '../../support/validate-card';

const clock = new Date('2027-03-15T10:00:00Z');
const huw = teamsUser({ name: 'Huw Jenkins', locale: 'en-GB' });
const elin = teamsUser({ name: 'Elin Rees', locale: 'cy-GB', tenantId: huw.tenantId });
const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const entry = (title: string, date: string) => ({
  learningTitle: title, learningDate: date, learningHours: '2', learningKind: 'course', learningAreas: 'safeguarding', learningStandards: 'pedagogy',
  learned: 'How to record a concern.', changed: 'I write it down the same day.', difference: '=cmd|calc learners are safer.',
});

describe('the export for the Professional Learning Passport, over HTTP', () => {
  const harness = new BotHarness();
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Card> => invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const pressOn = async (user: TeamsUser, card: Card, verb: string, typed: Record<string, unknown> = {}): Promise<Card> => {
    const answer = await act(user, verb, press(card, verb, typed).data);
    expect(cardProblems(answer)).toEqual([]);
    return answer;
  };
  const exportCard = async (user: TeamsUser): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, user === huw ? 'my learning' : 'fy nysgu'));
    return pressOn(user, cardsIn(harness.connector.sent)[0]!, 'learning.export');
  };

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    for (const [title, date] of [['Safeguarding update', '2026-10-05'], ['First aid', '2027-01-20'], ['Old course', '2025-05-01']] as const) await act(huw, 'learning.save', entry(title, date));
    await act(elin, 'learning.save', { ...entry('Cwrs diogelu', '2026-11-11'), learningHours: '1.5' });
  });
  afterAll(() => harness.stop());

  it('when someone asks for a date range as text, then the entries in it come oldest first, ready to paste, with their three answers', async () => {
    const card = await exportCard(huw);
    const shown = await pressOn(huw, card, 'learning.exportText', { exportFrom: '2026-09-01', exportTo: '2027-03-15' });
    const text = textInputValue(shown, 'exportText')!;
    expect(text.indexOf('Safeguarding update')).toBeLessThan(text.indexOf('First aid'));
    expect(text).not.toContain('Old course');
    expect(text).toContain('Safeguarding update – Monday, 5 October 2026 – 2 hours – Course');
    expect(text).toContain(`${en.learning.learnedLabel} How to record a concern.`);
    expect(cardText(shown)).toContain('2 entries from');
    const welsh = textInputValue(await pressOn(elin, await exportCard(elin), 'learning.exportText', { exportFrom: '2026-09-01', exportTo: '2027-03-15' }), 'exportText')!;
    expect(welsh).toContain('Cwrs diogelu – 11 Tachwedd 2026 – 1.5 awr – Cwrs');
    expect(welsh).toContain(cy.learning.differenceLabel);
  });

  it('when the range holds more than the card can show, then the text holds whole entries and says to shorten the range or take the CSV', async () => {
    const long = teamsUser({ name: 'Llinos Ward', locale: 'en-GB', tenantId: huw.tenantId });
    const owner = `${long.tenantId}:${long.aadObjectId}`;
    const answer = 'x'.repeat(1000);
    for (let i = 1; i <= 12; i += 1) {
      await learningLog(harness.bot!.store).add(owner, { title: `Long entry ${i}`, date: '2027-01-10', hours: 1, learningKind: 'reading', keyAreas: [], standards: [], learned: answer, changed: answer, difference: answer }, clock);
    }
    const shown = await pressOn(long, await exportCard(long), 'learning.exportText', { exportFrom: '2027-01-01', exportTo: '2027-01-31' });
    expect(cardText(shown)).toContain('The text holds the first 6 of 12 entries');
    expect(textInputValue(shown, 'exportText')!.length).toBeLessThanOrEqual(20000);
  });

  it('when the log is asked for in a group chat, then nothing private is shown there: the card points to the one-to-one chat', async () => {
    harness.connector.clear();
    await harness.post(inGroupChat(message(huw, harness.serviceUrl, 'my learning'), huw));
    const text = cardsIn(harness.connector.sent).map(cardText).join('\n');
    expect(text).not.toContain('Safeguarding update');
    expect(text).toContain(en.common.privateTitle);
  });

  it('when the range is not one (the end before the start, or no date), then the card comes back as typed with the problem at the field', async () => {
    const card = await exportCard(huw);
    const back = await pressOn(huw, card, 'learning.exportText', { exportFrom: '2027-02-01', exportTo: '2026-09-01' });
    expect(cardText(back)).toContain(en.learningExport.problems['date-order']);
    expect(JSON.stringify(back)).toContain('"value":"2027-02-01"');
    expect(cardText(await pressOn(huw, card, 'learning.exportText', { exportFrom: '', exportTo: '2026-09-01' }))).toContain(en.learningExport.problems['date-invalid']);
    expect(harness.connector.sent.filter((s) => JSON.stringify(s.activity).includes(CONSENT))).toHaveLength(0);
  });

  it('when someone downloads the range as CSV, then the file is offered by Teams file consent and holds their entries only, with nothing a spreadsheet would run', async () => {
    const card = await exportCard(huw);
    harness.connector.clear();
    const done = await pressOn(huw, card, 'learning.exportCsv', { exportFrom: '2026-09-01', exportTo: '2027-03-15' });
    expect(cardText(done)).toContain(en.learningExport.fileOffered);
    const consent = harness.connector.sent.flatMap((s) => ((s.activity.attachments ?? []) as { contentType: string; name: string; content: { acceptContext: { offerId: string } } }[]).filter((a) => a.contentType === CONSENT));
    expect(consent).toHaveLength(1);
    expect(consent[0]!.name).toBe('cefnogi-learning-2026-09-01-to-2027-03-15.csv');
    const { text: _t, textFormat: _f, ...envelope } = message(huw, harness.serviceUrl, '');
    const session = 'learning-csv';
    await harness.post({
      ...envelope, type: 'invoke', name: 'fileConsent/invoke', replyToId: randomUUID(),
      value: { type: 'fileUpload', action: 'accept', context: { offerId: consent[0]!.content.acceptContext.offerId }, uploadInfo: { contentUrl: `https://hwb-my.sharepoint.com/personal/me/Documents/${session}.csv`, name: `${session}.csv`, uploadUrl: harness.connector.uploadUrl(session), uniqueId: `1150D938-8870-4044-9F2C-${session}`, fileType: 'csv', etag: '1' } },
    });
    const upload = harness.connector.uploads.find((u) => u.session === session)!;
    const rows = parse(upload.bytes, { bom: true }) as string[][];
    expect(rows[0]).toEqual(en.learningExport.headings);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Safeguarding update', 'First aid']);
    expect(rows[1]![8]).toBe("'=cmd|calc learners are safer.");
  });
});
