import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { cardAction, message, teamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { linkedTeam, storedPlc, storedResources, TeamChannel } from './plc-fixture';
import type { Plc, PlcResource } from '../../../bot/plc/plc-record';
import { inPlcLanguage, resourceCardIn } from '../../../bot/plc/plc-views';

const TENANT = '11111111-2222-3333-4444-666666666666';
const nia = teamsUser({ aadObjectId: 'cccccccc-0000-4000-8000-000000000001', name: 'Nia Evans', tenantId: TENANT });
const dafydd = teamsUser({ aadObjectId: 'cccccccc-0000-4000-8000-000000000002', name: 'Dafydd Jones', tenantId: TENANT });
const outsider = teamsUser({ aadObjectId: 'cccccccc-0000-4000-8000-000000000003', name: 'Not In Team', tenantId: TENANT });
const LINK = 'https://hwb.gov.wales/resources/reading-together';
/** A school day at ten in the morning. */
const TUESDAY = new Date('2026-10-06T09:00:00Z');

describe('"Save to my learning" on a PLC resource', () => {
  const harness = new BotHarness();
  let channel: TeamChannel;
  let plc: Plc;
  let resource: PlcResource;
  /** What the sender delivers now to `conversationId`, as cards. */
  const delivered = async (conversationId: string): Promise<Card[]> => {
    const from = harness.connector.sent.length;
    await harness.bot!.proactive.sender.drain(TUESDAY);
    return cardsIn(harness.connector.sent.slice(from).filter((s) => s.method === 'POST' && s.conversationId === conversationId));
  };
  beforeAll(async () => {
    await harness.start({ now: () => TUESDAY });
    await harness.post(message(nia, harness.serviceUrl, 'help')); // Nia has her one-to-one chat with Cefnogi; Dafydd has not
    const { teamId } = await linkedTeam(harness, TENANT, 'Ysgol Dysgu', [nia, dafydd]);
    channel = new TeamChannel(harness, '19:plc-learning@thread.tacv2', teamId);
    await channel.press(nia, 'plc.make', { plcName: 'Darllen', keyAreas: 'literacy-numeracy', plcLanguage: 'en' });
    plc = (await storedPlc(harness, TENANT, channel.channelId))!;
    await channel.say(nia, `share ${LINK} Reading with KS2 learners`);
    resource = (await storedResources(harness, plc.pk))[0]!;
  });
  afterAll(() => harness.stop());

  it('when a resource card comes to the channel, then it offers Save to my learning for that resource', async () => {
    const [card] = await delivered(channel.channelId);
    expect(cardProblems(card!)).toEqual([]);
    expect(actionsOf(card!, 'plc.toLearning')).toEqual([expect.objectContaining({ title: 'Save to my learning', data: { plcId: plc.pk, resourceId: resource.id } })]);
  });

  it('when the PLC speaks both languages, then its resource card offers Save to my learning once, titled in both', () => {
    const card = inPlcLanguage('both', (l) => resourceCardIn(l, plc.name, resource));
    expect(cardProblems(card)).toEqual([]);
    const buttons = actionsOf(card, 'plc.toLearning');
    expect(buttons.map((b) => b.title)).toEqual(['Cadw yn fy nysgu / Save to my learning']);
  });

  it('when a member presses it, then the channel card says the entry waits in their chat, and there a button opens the entry form with the title, the link and the key areas filled in', async () => {
    const answer = await channel.press(nia, 'plc.toLearning', { plcId: plc.pk, resourceId: resource.id });
    expect(cardText(answer)).toContain('is waiting in your chat with Cefnogi');
    expect(cardProblems(answer)).toEqual([]);

    const [notice] = await delivered(`a:personal-${nia.aadObjectId}`);
    expect(cardProblems(notice!)).toEqual([]);
    expect(cardText(notice!)).toContain('Save to my learning');
    const [start] = actionsOf(notice!, 'learning.new');
    expect(start?.title).toBe('Start the entry');

    const form = invokeCard(await harness.post(cardAction(nia, harness.serviceUrl, start!.verb, start!.data)));
    expect(cardProblems(form)).toEqual([]);
    const json = JSON.stringify(form);
    expect(json).toContain(`"value":"${resource.title}"`);
    expect(json).toContain(LINK);
    expect(json).toMatch(/"id":"learningAreas"[^}]*"value":"literacy-numeracy"/);
    expect(json).toMatch(/"id":"learningKind"[^}]*"value":"plc"/);
  });

  it('when the member presses it again the same day, then nothing more comes to their chat', async () => {
    await channel.press(nia, 'plc.toLearning', { plcId: plc.pk, resourceId: resource.id });
    expect(await delivered(`a:personal-${nia.aadObjectId}`)).toEqual([]);
  });

  it('when a member who never opened their chat with Cefnogi presses it, then the card asks them to open it first and nothing is queued', async () => {
    const answer = await channel.press(dafydd, 'plc.toLearning', { plcId: plc.pk, resourceId: resource.id });
    expect(cardText(answer)).toContain('Open your chat with Cefnogi first');
    expect(await delivered(`a:personal-${dafydd.aadObjectId}`)).toEqual([]);
  });

  it('when someone outside the PLC or a tampered resource id presses it, then they are refused and nothing is sent', async () => {
    expect(cardText(await channel.press(outsider, 'plc.toLearning', { plcId: plc.pk, resourceId: resource.id }))).toContain('Only members of this learning community');
    expect(cardText(await channel.press(nia, 'plc.toLearning', { plcId: plc.pk, resourceId: `r-${'0'.repeat(32)}` }))).toContain('no longer exists');
    const bad = await harness.post(cardAction(nia, harness.serviceUrl, 'plc.toLearning', { plcId: '../x', resourceId: 1 }));
    expect(bad.status).toBeLessThan(500);
    expect(await delivered(`a:personal-${nia.aadObjectId}`)).toEqual([]);
  });

  it('when a member saves a resource for later and types saved resources, then the list has it with a button that opens the entry form filled in', async () => {
    await channel.press(nia, 'plc.save', { plcId: plc.pk, resourceId: resource.id });
    harness.connector.clear();
    await harness.post(message(nia, harness.serviceUrl, 'saved resources'));
    const [list] = cardsIn(harness.connector.sent);
    expect(cardProblems(list!)).toEqual([]);
    expect(cardText(list!)).toContain('1 saved, newest first');
    const [learn] = actionsOf(list!, 'learning.new');
    expect(learn?.title).toContain('to my learning');
    expect(actionsOf(list!, 'learning.show')).toHaveLength(1);

    const form = invokeCard(await harness.post(cardAction(nia, harness.serviceUrl, learn!.verb, learn!.data)));
    const json = JSON.stringify(form);
    expect(json).toContain(`"value":"${resource.title}"`);
    expect(json).toContain(LINK);
    expect(json).toMatch(/"id":"learningAreas"[^}]*"value":"literacy-numeracy"/);
  });

  it("when someone who saved nothing types adnoddau wedi'u cadw, then the Welsh list says how to save one", async () => {
    const gwen = teamsUser({ aadObjectId: 'cccccccc-0000-4000-8000-000000000009', name: 'Gwen Puw', tenantId: TENANT, locale: 'cy-GB' });
    harness.connector.clear();
    await harness.post(message(gwen, harness.serviceUrl, "adnoddau wedi'u cadw"));
    const [list] = cardsIn(harness.connector.sent);
    expect(cardProblems(list!)).toEqual([]);
    expect(cardText(list!)).toContain('Nid ydych wedi cadw unrhyw adnoddau eto');
    expect(actionsOf(list!, 'learning.new')).toEqual([]);
  });
});
