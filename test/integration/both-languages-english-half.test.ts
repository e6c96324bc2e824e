import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { press } from '../support/press-button';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';
import { welshOnlyTexts } from '../support/welsh-only-texts';

/** Tuesday 6 October 2026, ten in the morning in Wales. */
let clock = new Date('2026-10-06T09:00:00Z');

/** What the person typed: English that the sweep must not count as Welsh. */
const TYPED = {
  learningTitle: 'Makaton level 1',
  learningDate: '2026-09-21',
  learningHours: '3.5',
  learningKind: 'course',
  learningAreas: 'communication',
  learningStandards: 'pedagogy',
  learned: 'Signs for everyday routines.',
  changed: 'I sign at snack time.',
  difference: 'Two pupils ask for help with signs now.',
  learningObjective: 'none',
};

/** The English half of a card in both languages: the part after the separator. */
function englishHalf(card: Card): Card {
  const body = (card.body ?? []) as Card[];
  expect(body).toHaveLength(2);
  return { type: 'AdaptiveCard', body: body[1]!.items as unknown[] };
}

describe('the English half of a "Welsh and English" reader’s cards is really English', () => {
  const harness = new BotHarness();
  const reader = teamsUser({ name: 'Siân Hughes', locale: 'en-GB' });
  /** Her line manager reads both languages too. */
  const manager = teamsUser({ name: 'Eirian Price', locale: 'cy-GB', tenantId: reader.tenantId });
  const say = async (text: string): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(reader, harness.serviceUrl, text));
    const [card] = cardsIn(harness.connector.sent);
    return card!;
  };
  const act = async (verb: string, data: Record<string, unknown>, who = reader): Promise<Card> => invokeCard(await harness.post(cardAction(who, harness.serviceUrl, verb, data)));
  const managerSays = async (text: string): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(manager, harness.serviceUrl, text));
    return cardsIn(harness.connector.sent)[0]!;
  };
  /** Every card this reader was shown, by what they did. */
  const seen = new Map<string, Card>();

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await managerSays('Cymraeg a Saesneg');
    await say('Welsh and English');
    seen.set('profile saved', await act('profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: manager.aadObjectId }));
    seen.set('manager accepts', await act('team.accept', { reportId: reader.aadObjectId }, manager));
    await act('appraisal.addObjective', { objectiveText: 'Lead phonics sessions', objectiveMeasure: 'The group reads on its own', standards: 'pedagogy', keyAreas: 'literacy-numeracy' });
    seen.set('profile', await say('profile'));
    seen.set('help', await say('help'));
    seen.set('induction', await say('induction'));
    seen.set('induction stage', await act('induction.begin', { startDate: '2026-10-06', mode: 'new' }));
    seen.set('appraisal', await say('my appraisal'));
    seen.set('appraisal dated', await act('appraisal.setDates', { reportId: '', 'date-planning': '2026-10-20', 'date-mid-year': '2027-02-10', 'date-end-of-year': '2027-07-07' }));
    // The day after the planning meeting: it is overdue, since a date written out.
    clock = new Date('2026-10-21T09:00:00Z');
    seen.set('appraisal to record', await say('my appraisal'));
    seen.set('manager: my team', await managerSays('my team'));
    seen.set('manager: review', await act('appraisal.openReview', { reportId: reader.aadObjectId }, manager));
    seen.set('manager: record form', await act('appraisal.openReview', { reportId: reader.aadObjectId, meeting: 'planning' }, manager));
    clock = new Date('2026-10-06T09:00:00Z');
    const form = await say('log learning');
    seen.set('log learning', form);
    seen.set('refused submit', await act('learning.save', press(form, 'learning.save', { ...TYPED, learningHours: 'three' }).data));
    seen.set('learning saved', await act('learning.save', press(form, 'learning.save', TYPED).data));
    seen.set('my learning', await say('my learning'));
    seen.set('my pathway', await say('my pathway'));
    for (const more of ['welsh learning', 'hlta', 'registration', 'self assessment', 'my schools', 'roles', 'my data', 'saved resources']) seen.set(more, await say(more));
  });
  afterAll(() => harness.stop());

  it('when the reader opens their profile, then the English half names their role and Welsh level in English', () => {
    for (const view of ['profile', 'profile saved']) {
      const english = cardText(englishHalf(seen.get(view)!));
      expect([view, english]).toEqual([view, expect.stringContaining('Teaching assistant – level 2')]);
      expect([view, english]).toEqual([view, expect.stringContaining('Entry (Mynediad)')]);
      expect([view, english]).not.toEqual([view, expect.stringContaining('Wedi')]);
      expect([view, english]).not.toEqual([view, expect.stringContaining('Cynorthwyydd addysgu')]);
    }
  });

  it('when the reader starts induction and sets appraisal dates, then the English half writes the dates in English', () => {
    expect(cardText(seen.get('induction stage')!)).toContain('29 Medi 2026');
    expect(cardText(englishHalf(seen.get('induction stage')!))).toContain('29 September 2026');
    expect(cardText(englishHalf(seen.get('induction stage')!))).not.toMatch(/Medi|Hydref/);
    const appraisal = cardText(englishHalf(seen.get('appraisal dated')!));
    expect(appraisal).toContain('20 October 2026');
    expect(appraisal).not.toContain('Hydref');
    const toRecord = cardText(englishHalf(seen.get('appraisal to record')!));
    expect(toRecord).toContain('Overdue since Tuesday, 20 October 2026');
    expect(toRecord).not.toMatch(/cyfarfod|Hydref/);
  });

  it('when a submit is refused, then the problem is marked in Welsh and in English and what was typed is still there', () => {
    const card = seen.get('refused submit')!;
    expect(cardText(card)).toContain('Makaton level 1');
    expect(cardText(englishHalf(card))).toMatch(/not saved/i);
    // "Not linked" chosen beside an objective of this cycle: saved, and listed by its key area in English.
    expect(cardText(englishHalf(seen.get('learning saved')!))).toContain('Saved to your learning: Makaton level 1.');
    expect(cardText(englishHalf(seen.get('my learning')!))).toContain('Effective communication and engagement with children');
  });

  it('when the reader goes through profile, help, induction, appraisal, my learning, my pathway and a refused submit, then no Welsh-only text is left in any English half (nor in those of their line manager’s team and review cards, Welsh learning, HLTA, registration, self-assessment, my schools, roles, my data and saved resources)', () => {
    const welsh = welshOnlyTexts(8);
    expect(welsh.length).toBeGreaterThan(500);
    const left: string[] = [];
    for (const [view, card] of seen) {
      expect([view, cardProblems(card)]).toEqual([view, []]);
      const english = cardText(englishHalf(card));
      for (const text of welsh) if (english.includes(text)) left.push(`${view}: ${text}`);
    }
    expect(left).toEqual([]);
  });
});
