import { loadContent } from '../../bot/content/load-content';
import type { Content } from '../../bot/content/content';
import { BotHarness } from '../support/bot-harness';
import { actionsOf, executeActions } from '../support/card-actions';
import { choiceInputs } from '../support/card-inputs';
import { cardsIn, cardText, type Card } from '../support/cards-in';
import { allLinks, areaRows, SelfAssessmentTaker, toggles, visibleLinks } from '../support/self-assessment-taker';
import { message, type TeamsUser } from '../support/teams-activities';

/** Monday 23 November 2026, 10:00 in Wales: a school day. */
const clock = new Date('2026-11-23T10:00:00Z');

describe('the self-assessment cards, read and pressed as a person would', () => {
  const harness = new BotHarness();
  const taker = new SelfAssessmentTaker(harness);
  let content: Content;
  beforeAll(async () => {
    content = await loadContent();
    await harness.start({ persist: true, now: () => clock });
  });
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  const keyOf = (u: TeamsUser) => `${u.tenantId}:${u.aadObjectId}`;
  const stored = async (user: TeamsUser) => (await harness.bot!.store.users.read(keyOf(user), keyOf(user)))!;
  const areaName = (id: Parameters<Content['selfAssessment']['area']>[0]) => content.selfAssessment.area(id).name.en;
  const typed = async (user: TeamsUser, text: string): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    return cardsIn(harness.connector.sent)[0]!;
  };

  /** Three priorities that share resources: the professional standards serve all three. */
  async function threePriorities(): Promise<{ user: TeamsUser; results: Card }> {
    const user = await taker.staffMember('en-GB', 'teaching-assistant-2', 'Siân Hughes');
    const low = new Set(['communication', 'development', 'multi-agency']);
    const results = await taker.takeWhole(user, await taker.act(user, 'selfAssessment.begin'), (area) => (low.has(area) ? '1' : '3'));
    return { user, results };
  }

  it('when the results list resources for three priorities, then each resource is listed once, three at most per priority at first sight, the rest behind a button', async () => {
    const { results } = await threePriorities();
    const every = allLinks(results);
    const standards = content.selfAssessment.resources.find((r) => r.id === 'professional-standards-assisting-teaching')!;
    expect(every.filter((l) => l.startsWith(`[${standards.title.en}](`))).toHaveLength(1);
    expect(new Set(every).size).toBe(every.length);
    // Each priority's heading is followed by at most three visible links.
    const text = cardText(results).split('\n');
    const headings = ['communication', 'development', 'multi-agency'].map((a, i) => text.indexOf(`Priority ${i + 1}: ${areaName(a as 'communication')}`));
    expect(headings.every((h) => h >= 0)).toBe(true);
    for (const block of priorityBlocks(results)) expect(visibleLinks(block).length).toBeLessThanOrEqual(3);
    const visible = visibleLinks(results);
    expect(every.length).toBeGreaterThan(visible.length);
    // The hidden ones are shown by a button, and the button that hides them again starts hidden.
    const [show, hide] = toggles(results);
    expect(show!.title).toBe(`More resources for priority 1 (${every.length - visible.length})`);
    expect(hide!.title).toBe('Fewer resources for priority 1');
    expect(show!.targets).toEqual(hide!.targets);
    const ids = new Set<string>();
    JSON.stringify(results, (k, v: unknown) => (k === 'id' && typeof v === 'string' && ids.add(v), v));
    for (const target of show!.targets) expect(ids).toContain(target);
  });

  it('when the results card carries several buttons, then each says what it acts on and no two share a title', async () => {
    const { results } = await threePriorities();
    const titles = [...executeActions(results).map((a) => a.title), ...toggles(results).map((t) => t.title)];
    expect(toggles(results).length).toBeGreaterThan(0);
    expect(new Set(titles).size).toBe(titles.length);
    // Named by the priority's number (the heading above says its area), short enough to show whole with its count.
    for (const t of toggles(results)) expect(t.title).toMatch(/priority 1\b/);
    for (const t of toggles(results)) expect([...t.title].length).toBeLessThanOrEqual(40);
  });

  it('when a priority is an area whose name begins with a capital, then its heading does not put it mid-sentence', async () => {
    for (const [locale, broken] of [['en-GB', 'For The importance'], ['cy-GB', 'Ar gyfer Pwysigrwydd']] as const) {
      const user = await taker.staffMember(locale, 'teaching-assistant-2', 'Iolo Griffiths');
      const results = await taker.takeWhole(user, await taker.act(user, 'selfAssessment.begin'), (area) => (area === 'literacy-numeracy' ? '1' : '3'));
      const language = locale === 'cy-GB' ? 'cy' : 'en';
      const name = content.selfAssessment.area('literacy-numeracy').name[language];
      expect(cardText(results)).not.toContain(broken);
      expect(cardText(results)).toContain(`${language === 'cy' ? 'Blaenoriaeth' : 'Priority'} 1: ${name}`);
    }
  });

  it('when a retake keeps an area in the same band, then it reads "same" even if the score moved, and a band that moved says from where', async () => {
    const user = await taker.staffMember('en-GB', 'teaching-assistant-2', 'Gwen Parry');
    await taker.takeWhole(user, await taker.act(user, 'selfAssessment.begin'), () => '3');
    // Started straight away (as the confirmation's button does), so only the comparison is under test.
    const results = await taker.takeWhole(user, await taker.act(user, 'selfAssessment.begin'), (area, i) =>
      area === 'communication' ? (i === 0 ? '4' : '3') : area === 'development' ? '4' : area === 'safeguarding' ? '2' : '3',
    );
    const rows = Object.fromEntries(areaRows(results).map((r) => [r.name, r]));
    expect(rows[areaName('communication')]).toEqual({ name: areaName('communication'), band: 'Confident', change: '= same as last time' });
    expect(rows[areaName('development')]!.band).toBe('Could help others');
    expect(rows[areaName('development')]!.change).toBe('▲ up from Confident');
    expect(rows[areaName('safeguarding')]!.band).toBe('Developing');
    expect(rows[areaName('safeguarding')]!.change).toBe('▼ down from Confident');
    // Stored scores did move within the band: the words follow the band, not the score.
    const [before, after] = (await stored(user)).value.selfAssessment!.results;
    const score = (r: typeof before, area: string) => r!.areas.find((a) => a.area === area)!.score!;
    expect(score(after, 'communication')).toBeGreaterThan(score(before, 'communication'));
  });

  it('when "Take it again" is pressed, then it asks first, changes nothing, and offers to start or go back to the results', async () => {
    const user = await taker.staffMember('en-GB', 'teaching-assistant-2', 'Dewi Lewis');
    await taker.takeWhole(user, await taker.act(user, 'selfAssessment.begin'), () => '3');
    const before = await stored(user);
    const confirm = await taker.act(user, 'selfAssessment.retake');
    expect(cardText(confirm)).toContain('Take the self-assessment again?');
    expect(cardText(confirm)).toContain('Your last results, from 23 November 2026, are kept');
    expect((await stored(user)).etag).toBe(before.etag);
    expect(actionsOf(confirm, 'selfAssessment.begin').map((a) => a.title)).toEqual(['Start a new self-assessment']);
    const back = actionsOf(confirm, 'selfAssessment.results')[0]!;
    expect(back.title).toBe('Back to my results');
    const results = await taker.act(user, back.verb, back.data);
    expect(cardText(results)).toContain('Your development priorities');
    expect((await stored(user)).value.selfAssessment!.current).toBeUndefined();
  });

  it('when a retake is under way, then the last results stay reachable from the area card and from typing self-assessment, and nothing chosen is lost', async () => {
    const user = await taker.staffMember('en-GB', 'teaching-assistant-2', 'Carys Bowen');
    await taker.takeWhole(user, await taker.act(user, 'selfAssessment.begin'), (area) => (area === 'transitions' ? '1' : '3'));
    const second = await taker.answerArea(user, await taker.retake(user), () => '4');
    expect(cardText(second)).toContain('Area 2 of');
    expect(cardText(second)).toContain('Your last results, from 23 November 2026, are kept.');

    // Pressed with one answer chosen on area 2: it is kept, and the last results open.
    const firstId = choiceInputs(second)[0]!.id;
    const last = await taker.answerArea(user, second, (i) => (i === 0 ? '2' : ''), 'results');
    expect(cardText(last)).toContain(`Priority 1: ${areaName('transitions')}`);
    expect(cardText(last)).toContain('You have a new self-assessment under way (1 of 8 areas done)');
    expect(actionsOf(last, 'selfAssessment.retake')).toHaveLength(0);
    const carryOn = actionsOf(last, 'selfAssessment.start')[0]!;
    expect(carryOn.title).toBe('Carry on with my new self-assessment');
    expect((await stored(user)).value.selfAssessment!.current!.answers[firstId.slice(2)]).toBe(2);

    // Typing the command shows where they are, with the way to the last results.
    const typedCard = await typed(user, 'self-assessment');
    expect(cardText(typedCard)).toContain('Area 2 of');
    const seeLast = actionsOf(typedCard, 'selfAssessment.answer').find((a) => a.data.move === 'results')!;
    expect(seeLast.title).toBe('See my last results');
    expect(cardText(await taker.act(user, 'selfAssessment.results'))).toContain(`Priority 1: ${areaName('transitions')}`);

    const resumed = await taker.act(user, carryOn.verb, carryOn.data);
    expect(cardText(resumed)).toContain('Area 2 of');
    expect(choiceInputs(resumed)[0]!.value).toBe('2');
  });

  it('when the first self-assessment is under way, then no area card offers last results that do not exist', async () => {
    const user = await taker.staffMember('en-GB', 'teaching-assistant-2', 'Tomos Jenkins');
    const first = await taker.act(user, 'selfAssessment.begin');
    expect(actionsOf(first, 'selfAssessment.answer').find((a) => a.data.move === 'results')).toBeUndefined();
    expect(cardText(first)).not.toContain('are kept');
  });

  it('when someone with no line manager presses share, then the card says why and offers the profile to name one', async () => {
    const user = await taker.staffMember('en-GB', 'teaching-assistant-2', 'Rhodri Ellis');
    const results = await taker.takeWhole(user, await taker.act(user, 'selfAssessment.begin'), () => '3');
    const share = actionsOf(results, 'selfAssessment.share')[0]!;
    const told = await taker.act(user, share.verb, share.data);
    expect(cardText(told)).toContain('Name your line manager in your profile first');
    const toProfile = actionsOf(told, 'profile.edit');
    expect(toProfile.map((a) => a.title)).toEqual(['Name my line manager']);
    const form = await taker.act(user, toProfile[0]!.verb, toProfile[0]!.data);
    expect(JSON.stringify(form)).toContain('lineManager');
  });

  it('when an area card is read, then the four points of the scale are a legend, one point a line with what it means', async () => {
    for (const language of ['en', 'cy'] as const) {
      const user = await taker.staffMember(language === 'cy' ? 'cy-GB' : 'en-GB', 'teaching-assistant-2', 'Elen Rowlands');
      const card = await taker.act(user, 'selfAssessment.begin');
      const facts = JSON.stringify(card.body).match(/"type":"FactSet","spacing":"Small","facts":(\[[^\]]*\])/);
      expect(facts).not.toBeNull();
      expect(JSON.parse(facts![1]!)).toEqual(content.selfAssessment.scale.map((p) => ({ title: p.label[language], value: p.hint[language] })));
    }
  });
});

/** Each priority's part of a results card (its heading first), as a card of its own. */
function priorityBlocks(card: Card): Card[] {
  const found: Card[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const first = (o.items as { text?: unknown }[] | undefined)?.[0]?.text;
    if (o.type === 'Container' && typeof first === 'string' && first.startsWith('Priority ')) found.push({ body: o.items as unknown[] });
    else Object.values(o).forEach(walk);
  };
  walk(card.body);
  expect(found.length).toBeGreaterThan(0);
  return found;
}
