import { loadContent } from '../../bot/content/load-content';
import type { Content } from '../../bot/content/content';
import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { choiceInputs } from '../support/card-inputs';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';
import { BAR_EMPTY, BAR_FILLED, progressBar } from '../../cards/tone-kit';

/** Monday 23 November 2026, 10:00 in Wales: a school day. */
const clock = new Date('2026-11-23T10:00:00Z');

describe('the self-assessment, taken over HTTP as Teams sends it', () => {
  const harness = new BotHarness();
  let content: Content;
  beforeAll(async () => {
    content = await loadContent();
    await harness.start({ persist: true, now: () => clock });
    await harness.post(message(manager, harness.serviceUrl, 'help'));
  });
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  const manager = teamsUser({ name: 'Eirian Price', locale: 'en-GB' });
  const keyOf = (u: TeamsUser) => `${u.tenantId}:${u.aadObjectId}`;
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> => {
    const card = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
    expect(cardProblems(card)).toEqual([]);
    return card;
  };
  const stored = async (user: TeamsUser) => (await harness.bot!.store.users.read(keyOf(user), keyOf(user)))!;

  async function staffMember(locale: string, roleId: string, name: string, withManager = true): Promise<TeamsUser> {
    const user = teamsUser({ locale, name, tenantId: manager.tenantId });
    await harness.post(message(user, harness.serviceUrl, 'help'));
    await act(user, 'profile.save', { roleId, welshLevelId: 'entry', ...(withManager ? { lineManager: manager.aadObjectId } : {}) });
    if (withManager) await act(manager, 'team.accept', { reportId: user.aadObjectId });
    return user;
  }

  /** Answers every statement of an area card with `choose(index)` and presses the forward button. */
  async function answerArea(user: TeamsUser, card: Card, choose: (index: number) => string): Promise<Card> {
    const next = actionsOf(card, 'selfAssessment.answer').find((a) => a.data.move === 'next')!;
    const inputs = Object.fromEntries(choiceInputs(card).map((input, i) => [input.id, choose(i)]));
    return act(user, next.verb, { ...next.data, ...inputs });
  }

  /** "Take it again", confirmed: the first area of the new attempt. */
  async function retake(user: TeamsUser): Promise<Card> {
    const confirm = await act(user, 'selfAssessment.retake');
    const start = actionsOf(confirm, 'selfAssessment.begin')[0]!;
    return act(user, start.verb, start.data);
  }

  /** Walks every area; returns the statements seen (as labels) and the results card. */
  async function takeWhole(user: TeamsUser, first: Card, choose: (area: string, index: number) => string): Promise<{ seen: string[]; areas: string[]; results: Card }> {
    const seen: string[] = [];
    const areas: string[] = [];
    let card = first;
    while (actionsOf(card, 'selfAssessment.answer').length > 0) {
      const area = String(actionsOf(card, 'selfAssessment.answer')[0]!.data.area);
      areas.push(area);
      seen.push(...choiceInputs(card).map((i) => i.label));
      card = await answerArea(user, card, (i) => choose(area, i));
    }
    return { seen, areas, results: card };
  }

  it('when a level-2 teaching assistant takes it in Welsh, then she answers her role’s statements area by area and gets bars, priorities and Welsh-first resources', async () => {
    const ta = await staffMember('cy-GB', 'teaching-assistant-2', 'Nia Roberts');
    harness.connector.clear();
    await harness.post(message(ta, harness.serviceUrl, 'hunanasesiad'));
    const intro = cardsIn(harness.connector.sent)[0]!;
    expect(cardText(intro)).toContain('Eich hunanasesiad');
    expect(cardText(intro)).toContain('breifat');
    const first = await act(ta, 'selfAssessment.begin');
    expect(cardText(first)).toContain('Maes 1 o 8');
    expect(choiceInputs(first)[0]!.choices.map((c) => c.title)).toEqual([...content.selfAssessment.scale.map((p) => p.label.cy), 'Hepgor hwn']);

    // Communication and child development low, the rest confident; one statement skipped.
    const low = new Set(['communication', 'development']);
    const { seen, areas, results } = await takeWhole(ta, first, (area, i) => (area === 'safeguarding' && i === 0 ? 'skip' : low.has(area) ? '1' : '3'));
    const track = content.selfAssessment.trackFor('teaching-assistant-2')!;
    expect(areas).toEqual(content.selfAssessment.areasFor(track.id));
    const expected = content.selfAssessment.statements.filter((st) => st.tracks.includes(track.id));
    expect(seen.sort()).toEqual(expected.map((st) => st.text.cy).sort());
    const notHers = content.selfAssessment.statements.filter((st) => !st.tracks.includes(track.id));
    for (const st of notHers) expect(seen).not.toContain(st.text.cy);

    const text = cardText(results);
    expect(text).toContain('Eich hunanasesiad');
    expect(text).toContain('Eich blaenoriaethau datblygu');
    expect(text).toContain(`Blaenoriaeth 1: ${content.selfAssessment.area('communication').name.cy}`);
    expect(text).toContain(`Blaenoriaeth 2: ${content.selfAssessment.area('development').name.cy}`);
    // A bar per rated area, drawn in squares.
    expect(barsIn(results)).toHaveLength(areas.length);
    // Each priority's resources in the order the card shows them: any available in Welsh before any in English only.
    const library = content.selfAssessment.resources;
    const perPriority = text.split(/\nBlaenoriaeth \d: /).slice(1);
    expect(perPriority.length).toBeGreaterThanOrEqual(2);
    for (const part of perPriority) {
      const shownInOrder = part
        .split('\n')
        .map((line) => library.find((r) => line === `[${r.title.cy}](${r.link.url})`))
        .filter((r) => r !== undefined);
      const welshFlags = shownInOrder.map((r) => r.languages.includes('cy'));
      expect(welshFlags).toEqual([...welshFlags].sort((a, b) => Number(b) - Number(a)));
    }
    const state = (await stored(ta)).value.selfAssessment!;
    expect(state.current).toBeUndefined();
    expect(state.results).toHaveLength(1);
    expect(state.results[0]!.priorities.slice(0, 2)).toEqual(['communication', 'development']);
    expect(actionsOf(results, 'selfAssessment.share')).toHaveLength(1);
  });

  it('when a business manager takes it in English, then only the statements for wider support staff are asked', async () => {
    const bm = await staffMember('en-GB', 'business-management-1', 'Gareth Hughes', false);
    const first = await act(bm, 'selfAssessment.start');
    expect(cardText(first)).toContain('Your self-assessment');
    const { seen, areas, results } = await takeWhole(bm, await act(bm, 'selfAssessment.begin'), () => '2');
    const track = content.selfAssessment.trackFor('business-management-1')!;
    expect(track.id).not.toBe(content.selfAssessment.trackFor('teaching-assistant-2')!.id);
    expect(areas).toEqual(content.selfAssessment.areasFor(track.id));
    expect(areas).not.toContain('transitions');
    expect(seen.sort()).toEqual(content.selfAssessment.statements.filter((st) => st.tracks.includes(track.id)).map((st) => st.text.en).sort());
    const text = cardText(results);
    expect(text).toContain('Your development priorities');
    expect(text).toContain('Your own literacy and numeracy');
  });

  it('when someone stops part way and the bot restarts, then they resume at the next area with their answers kept, and back shows what they chose', async () => {
    const ta = await staffMember('en-GB', 'teaching-assistant-1', 'Sam Davies', false);
    let card = await act(ta, 'selfAssessment.begin');
    card = await answerArea(ta, card, () => '4');
    card = await answerArea(ta, card, () => '2');
    expect(cardText(card)).toContain('Area 3 of');
    await harness.restart();
    harness.connector.clear();
    await harness.post(message(ta, harness.serviceUrl, 'self-assessment'));
    const resumed = cardsIn(harness.connector.sent)[0]!;
    expect(cardText(resumed)).toContain('Area 3 of');
    expect(cardText(resumed)).toContain('2 of 8 areas done');
    const back = actionsOf(resumed, 'selfAssessment.answer').find((a) => a.data.move === 'back')!;
    const previous = await act(ta, back.verb, back.data);
    expect(cardText(previous)).toContain('Area 2 of');
    expect(choiceInputs(previous).every((i) => i.value === '2')).toBe(true);
  });

  it('when a statement is left blank, then moving on is refused, the blank is marked, and the answers given are kept', async () => {
    const ta = await staffMember('en-GB', 'teaching-assistant-3', 'Alys Morgan', false);
    const card = await act(ta, 'selfAssessment.begin');
    const next = actionsOf(card, 'selfAssessment.answer').find((a) => a.data.move === 'next')!;
    const [firstInput, ...rest] = choiceInputs(card);
    const refused = await act(ta, next.verb, { ...next.data, [firstInput!.id]: '3', ...Object.fromEntries(rest.map((i) => [i.id, ''])) });
    expect(cardText(refused)).toContain(`Please answer or skip every statement before moving on (${rest.length} left)`);
    expect(cardText(refused)).toContain('Area 1 of');
    expect(choiceInputs(refused)[0]!.value).toBe('3');
    expect((await stored(ta)).value.selfAssessment!.current!.doneAreas).toEqual([]);
  });

  it.each([
    ['a statement that does not exist', (inputs: Record<string, string>) => ({ ...inputs, 'a:made-up-statement': '3' }), 'does not match your statements'],
    ['a value outside the scale', (inputs: Record<string, string>) => ({ ...inputs, [Object.keys(inputs)[0]!]: '7' }), 'not a point on the scale'],
  ])('when the card sends %s, then a clear card says so and nothing is written', async (_case, tamper, message_) => {
    const ta = await staffMember('en-GB', 'teaching-assistant-2', 'Huw Jenkins', false);
    const card = await act(ta, 'selfAssessment.begin');
    const before = await stored(ta);
    const next = actionsOf(card, 'selfAssessment.answer').find((a) => a.data.move === 'next')!;
    const inputs = Object.fromEntries(choiceInputs(card).map((i) => [i.id, '2']));
    const refused = await act(ta, next.verb, { ...next.data, ...tamper(inputs) });
    expect(cardText(refused)).toContain(message_);
    expect((await stored(ta)).etag).toBe(before.etag);
  });

  it("when someone sends answers for another person's assessment id, then nothing is written to either and they are shown their own", async () => {
    const owner = await staffMember('en-GB', 'teaching-assistant-2', 'Owain Lloyd', false);
    const ownerCard = await act(owner, 'selfAssessment.begin');
    const other = await staffMember('en-GB', 'teaching-assistant-2', 'Mali Evans', false);
    await act(other, 'selfAssessment.begin');
    const [ownerBefore, otherBefore] = [await stored(owner), await stored(other)];
    const next = actionsOf(ownerCard, 'selfAssessment.answer').find((a) => a.data.move === 'next')!;
    const inputs = Object.fromEntries(choiceInputs(ownerCard).map((i) => [i.id, '4']));
    const refused = await act(other, next.verb, { ...next.data, ...inputs });
    expect(cardText(refused)).toContain('no longer open');
    expect((await stored(owner)).etag).toBe(ownerBefore.etag);
    expect((await stored(other)).etag).toBe(otherBefore.etag);
  });

  it('when the person retakes it, then the new results compare each area with the previous attempt', async () => {
    const ta = await staffMember('en-GB', 'teaching-assistant-2', 'Cerys Thomas', false);
    await takeWhole(ta, await act(ta, 'selfAssessment.begin'), () => '2');
    const { results } = await takeWhole(ta, await retake(ta), (area) => (area === 'communication' ? '4' : area === 'safeguarding' ? '1' : '2'));
    const text = cardText(results);
    expect(text).toContain('Compared with 23 November 2026');
    expect(text).toContain('▲ up from Developing');
    expect(text).toContain('▼ down from Developing');
    expect(text).toContain('= same as last time');
    expect((await stored(ta)).value.selfAssessment!.results).toHaveLength(2);
  });

  it('when she shares her summary, then only her accepted line manager sees bands and priorities (never answers), and after she withdraws nobody does', async () => {
    const ta = await staffMember('cy-GB', 'teaching-assistant-2', 'Ffion Jones');
    const { results } = await takeWhole(ta, await act(ta, 'selfAssessment.begin'), (area) => (area === 'transitions' ? '1' : '3'));
    const share = actionsOf(results, 'selfAssessment.share')[0]!;
    const shared = await act(ta, share.verb, share.data);
    expect(cardText(shared)).toContain("Wedi'i rannu");
    expect(actionsOf(shared, 'selfAssessment.unshare')).toHaveLength(1);

    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    const toManager = cardsIn(harness.connector.sent.filter((s) => s.conversationId === `a:personal-${manager.aadObjectId}`)).filter((c) =>
      cardText(c).includes('self-assessment summary'),
    );
    expect(toManager).toHaveLength(1);
    // The message itself carries no results: they are drawn only when the manager opens it.
    const notice = toManager[0]!;
    expect(cardProblems(notice)).toEqual([]);
    expect(cardText(notice)).toContain('Ffion Jones shared their self-assessment summary with you');
    for (const area of content.selfAssessment.areasFor('ta-2')) expect(cardText(notice)).not.toContain(content.selfAssessment.area(area).name.en);
    expect((notice.refresh as { userIds: string[] }).userIds).toEqual([`8:orgid:${manager.aadObjectId}`]);
    const opened = await act(manager, actionsOf(notice, 'selfAssessment.shared')[0]!.verb, actionsOf(notice, 'selfAssessment.shared')[0]!.data);
    const summaryText = cardText(opened);
    expect(summaryText).toContain(`Priority 1: ${content.selfAssessment.area('transitions').name.en}`);
    // Bands and priorities only: no statements, none of her own literacy and numeracy, no exact scores.
    const herStatements = content.selfAssessment.statements.filter((st) => st.tracks.includes(content.selfAssessment.trackFor('teaching-assistant-2')!.id));
    for (const st of herStatements) expect(summaryText).not.toContain(st.text.en);
    expect(summaryText).not.toContain(content.selfAssessment.area('own-skills').name.en);
    const bars = barsIn(opened);
    expect(bars.length).toBe(content.selfAssessment.areasFor('ta-2').length - 1);
    const bandBars = [0, 25, 50, 75, 100].map((score) => progressBar(score, 100));
    for (const bar of bars) expect(bandBars).toContain(bar);

    const view = (who: TeamsUser) => act(who, 'selfAssessment.shared', { reportId: ta.aadObjectId });
    const summaryButtons = async () => actionsOf(await act(manager, 'team.show'), 'selfAssessment.shared').filter((a) => a.data.reportId === ta.aadObjectId);
    expect(await summaryButtons()).toHaveLength(1);
    expect(cardText(await view(manager))).toContain('shared their self-assessment summary');
    const stranger = teamsUser({ tenantId: manager.tenantId, locale: 'en-GB' });
    expect(cardText(await view(stranger))).toContain('no longer shared');

    // A retake leaves the earlier summary shared until she shares the new one.
    const retaken = await takeWhole(ta, await retake(ta), () => '3');
    expect(cardText(retaken.results)).toContain('Rhannu hwn yn ei le');
    expect(cardText(await view(manager))).toContain(`Priority 1: ${content.selfAssessment.area('transitions').name.en}`);

    const withdrawn = await act(ta, 'selfAssessment.unshare');
    expect(cardText(withdrawn)).toContain('Rydych wedi stopio rhannu');
    expect(await summaryButtons()).toHaveLength(0);
    expect(cardText(await view(manager))).toContain('no longer shared');
  });

  it('when someone without an accepted line manager tries to share, then they are told why and nothing is sent', async () => {
    const ta = await staffMember('en-GB', 'teaching-assistant-2', 'Rhys Owen', false);
    const { results } = await takeWhole(ta, await act(ta, 'selfAssessment.begin'), () => '3');
    const share = actionsOf(results, 'selfAssessment.share')[0]!;
    expect(cardText(await act(ta, share.verb, share.data))).toContain('Name your line manager in your profile first');
    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    expect(harness.connector.sent).toHaveLength(0);
    expect((await stored(ta)).value.selfAssessment!.shared).toBeUndefined();
  });

  it('when she exports for her Passport, then she gets plain structured text with her bands and priorities, as a message and on a card', async () => {
    const ta = await staffMember('en-GB', 'teaching-assistant-2', 'Beca Rees', false);
    const { results } = await takeWhole(ta, await act(ta, 'selfAssessment.begin'), (area) => (area === 'multi-agency' ? '1' : '4'));
    const exportAction = actionsOf(results, 'selfAssessment.export')[0]!;
    harness.connector.clear();
    const card = await act(ta, exportAction.verb, exportAction.data);
    const plain = harness.connector.sent.map((s) => s.activity.text).find((t) => typeof t === 'string' && t.includes('Professional Learning Passport'))!;
    expect(plain).toContain('My development priorities');
    expect(plain).toContain(`1. ${content.selfAssessment.area('multi-agency').name.en}`);
    expect(plain).toContain('Strengths I could share with others');
    expect(plain).not.toMatch(/[<>*_#]/);
    expect(cardText(card)).toContain('For your Professional Learning Passport');
  });

  it('when an area is answered, then the turn costs two storage round trips (the person\'s document read and written once), and showing results one', async () => {
    const ta = await staffMember('en-GB', 'teaching-assistant-2', 'Dafydd Wyn', false);
    let card = await act(ta, 'selfAssessment.begin');
    const timings: number[] = [];
    while (actionsOf(card, 'selfAssessment.answer').length > 0) {
      const next = actionsOf(card, 'selfAssessment.answer').find((a) => a.data.move === 'next')!;
      const inputs = Object.fromEntries(choiceInputs(card).map((input) => [input.id, '3']));
      const activity = cardAction(ta, harness.serviceUrl, next.verb, { ...next.data, ...inputs });
      const started = process.hrtime.bigint();
      const answer = await harness.post(activity);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      card = invokeCard(answer);
      expect(harness.bot!.stats.lastTurnRoundTrips).toBe(2);
    }
    await act(ta, 'selfAssessment.results');
    expect(harness.bot!.stats.lastTurnRoundTrips).toBe(1);
    timings.sort((a, b) => a - b);
    figures('answer-an-area turn over HTTP, ms', { areas: timings.length, median: timings[Math.floor(timings.length / 2)], max: timings.at(-1) });
  });

  it('when her role changes to another track part way, then the old attempt is closed with a word why and she starts on the new statements', async () => {
    const ta = await staffMember('en-GB', 'teaching-assistant-2', 'Lowri Bevan', false);
    const card = await act(ta, 'selfAssessment.begin');
    await answerArea(ta, card, () => '3');
    await act(ta, 'profile.save', { roleId: 'business-management-1', welshLevelId: 'entry' });
    const told = await act(ta, 'selfAssessment.start');
    expect(cardText(told)).toContain('Your role has changed since you started');
    expect((await stored(ta)).value.selfAssessment!.current).toBeUndefined();
    const fresh = await act(ta, 'selfAssessment.begin');
    const wider = content.selfAssessment.trackFor('business-management-1')!.id;
    expect(choiceInputs(fresh).map((i) => i.label)).toEqual(content.selfAssessment.statementsFor(wider, 'communication').map((st) => st.text.en));
  });

  it('when she names a different line manager after sharing, then her results no longer say it is shared and the old manager sees nothing', async () => {
    const ta = await staffMember('en-GB', 'teaching-assistant-2', 'Manon Price');
    const { results } = await takeWhole(ta, await act(ta, 'selfAssessment.begin'), () => '2');
    const share = actionsOf(results, 'selfAssessment.share')[0]!;
    expect(cardText(await act(ta, share.verb, share.data))).toContain('Shared.');
    const other = teamsUser({ tenantId: manager.tenantId });
    await act(ta, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: other.aadObjectId });
    const now = await act(ta, 'selfAssessment.results');
    expect(cardText(now)).not.toContain('Shared with your line manager');
    expect(actionsOf(now, 'selfAssessment.share')).toHaveLength(1);
    expect(cardText(await act(manager, 'selfAssessment.shared', { reportId: ta.aadObjectId }))).toContain('no longer shared');
  });

  it('when she has shared her summary, then its priorities appear in her appraisal and in her manager\'s view of it, and go when she stops sharing', async () => {
    const ta = await staffMember('en-GB', 'teaching-assistant-2', 'Elin Watkins');
    const { results } = await takeWhole(ta, await act(ta, 'selfAssessment.begin'), (area) => (area === 'multi-agency' ? '1' : '4'));
    const priority = `• ${content.selfAssessment.area('multi-agency').name.en}`;
    const appraisalText = async () => {
      harness.connector.clear();
      await harness.post(message(ta, harness.serviceUrl, 'my appraisal'));
      return cardText(cardsIn(harness.connector.sent)[0]!);
    };
    expect(await appraisalText()).not.toContain(priority);
    const share = actionsOf(results, 'selfAssessment.share')[0]!;
    await act(ta, share.verb, share.data);
    expect(await appraisalText()).toContain(priority);
    expect(cardText(await act(manager, 'appraisal.openReview', { reportId: ta.aadObjectId }))).toContain(priority);
    await act(ta, 'selfAssessment.unshare');
    expect(await appraisalText()).not.toContain(priority);
  });
});


/** The bars of a results card, as drawn in filled and empty squares. */
function barsIn(card: Card): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string' && new RegExp(`^[${BAR_FILLED}${BAR_EMPTY}]+$`).test(o.text)) found.push(o.text);
    Object.values(o).forEach(walk);
  };
  walk(card.body);
  return found;
}

/** Prints measured figures when asked (CEFNOGI_FIGURES=1), for the README and reports. */
function figures(what: string, values: Record<string, unknown>): void {
  if (process.env.CEFNOGI_FIGURES) process.stdout.write(`[figures] ${what}: ${JSON.stringify(values)}\n`);
}
