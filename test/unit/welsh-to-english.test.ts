import { englishCardOf } from '../../bot/i18n/welsh-to-english';
import { inTurnJournal, TurnJournal } from '../../bot/i18n/turn-journal';
import { fill, strings } from '../../bot/i18n/strings';
import { writeDate } from '../../bot/i18n/date-writer';
import { inSentence } from '../../bot/appraisal/appraisal-format';
import { bilingualSchema } from '../../bot/content/content-schemas';
import { renderHelpCard } from '../../cards/help-card';
import { renderNoticeCard } from '../../cards/notice-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { cardText } from '../support/cards-in';

const formats = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  cy: new Intl.DateTimeFormat('cy-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** Draws inside a turn whose reader reads both languages, and gives back what it drew with the journal. */
async function drawn<T>(draw: () => T): Promise<{ value: T; journal: TurnJournal }> {
  const journal = new TurnJournal(() => true);
  const value = await inTurnJournal(journal, async () => draw());
  return { value, journal };
}

describe('the English twin of a card drawn in Welsh', () => {
  it('when a Welsh string is read in a "Welsh and English" turn, then the English at the same place is written down', async () => {
    const { journal } = await drawn(() => strings('cy').help.title);
    expect(journal.englishOf(strings('cy').help.title)).toBe(strings('en').help.title);
  });

  it('when a template is filled in Welsh with a content name and a date, then its English is filled with their English', async () => {
    const role = bilingualSchema.parse({ cy: 'Cynorthwyydd addysgu', en: 'Teaching assistant' });
    const { value, journal } = await drawn(() => fill('{role} ers {date}', { role: role.cy, date: writeDate(formats, new Date('2026-10-06T12:00:00Z'), 'cy') }));
    expect(value).toBe('Cynorthwyydd addysgu ers 6 Hydref 2026');
    expect(journal.englishOf('Cynorthwyydd addysgu')).toBe('Teaching assistant');
    expect(journal.englishOf('6 Hydref 2026')).toBe('6 October 2026');
  });

  it('when "Cymraeg" is drawn as a Welsh level and as a language, then each is the English of what was drawn, not a guess', async () => {
    const level = bilingualSchema.parse({ cy: 'Rhugl', en: 'Fluent' });
    const { journal } = await drawn(() => `${level.cy}: ${strings('cy').profile.languageValue}`);
    expect(journal.englishOf(`${level.cy}`)).toBe('Fluent');
    expect(journal.englishOf(strings('cy').profile.languageValue)).toBe(strings('en').profile.languageValue);
  });

  it('when a drawn name is put in lower case inside a sentence, then its English twin is put in lower case too', async () => {
    const { value, journal } = await drawn(() => fill(strings('cy').appraisal.recordTitle, { meeting: inSentence(strings('cy').appraisal.meetings.planning), date: '' }));
    expect(journal.englishOf(value)).toContain(inSentence(strings('en').appraisal.meetings.planning));
  });

  it('when text was typed (a name, a note) and never drawn, then it stays exactly as it is', async () => {
    const { journal } = await drawn(() => strings('cy').help.title);
    expect(journal.englishOf('Siân Hughes')).toBe('Siân Hughes');
  });

  it('when a reader does not read both languages, then nothing is written down and the plain strings come back', async () => {
    const journal = new TurnJournal(() => false);
    await inTurnJournal(journal, async () => fill(strings('cy').profile.saved, {}));
    expect(journal.size).toBe(0);
    expect(strings('cy')).toBe(strings('cy'));
  });

  it('when the help card drawn in Welsh is turned into English, then its buttons keep their verbs and data and its texts are English', async () => {
    const { value: cy, journal } = await drawn(() => renderHelpCard('cy', {}));
    const en = englishCardOf(cy, journal);
    expect(cardText(en)).toContain('What I can do');
    expect(cardText(en)).not.toContain('Beth alla i ei wneud');
    const pick = (card: object) => JSON.stringify(card).match(/"verb":"[^"]+"|"data":\{[^}]*\}/g);
    expect(pick(en)).toEqual(pick(cy));
  });

  it('when a card is turned into English again and again, then it comes out the same (its cost printed with CEFNOGI_FIGURES=1)', async () => {
    const { value: cards, journal } = await drawn((): AdaptiveCardJson[] => [
      renderHelpCard('cy', {}),
      renderNoticeCard('cy', { title: strings('cy').profile.summaryTitle, text: strings('cy').profile.saved }),
    ]);
    const runs = 200;
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i += 1) for (const card of cards) englishCardOf(card, journal);
    const perCard = Number(process.hrtime.bigint() - start) / 1e6 / (runs * cards.length);
    if (process.env.CEFNOGI_FIGURES === '1') console.log(`englishCardOf: ${perCard.toFixed(2)} ms a card (help card and a notice, ${runs} runs each; ${journal.size} texts in the journal)`);
    expect(englishCardOf(cards[0]!, journal)).toEqual(englishCardOf(cards[0]!, journal));
    expect(cardText(englishCardOf(cards[1]!, journal))).toContain('Your profile is saved.');
  });
});
