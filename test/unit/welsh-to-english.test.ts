import { englishCardOf, englishOf } from '../../bot/i18n/welsh-to-english';
import { renderHelpCard } from '../../cards/help-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { cardText } from '../support/cards-in';
import { strings } from '../../bot/i18n/strings';

describe('the English twin of a card drawn in Welsh', () => {
  it('when a Welsh string of the string files is shown, then its English is used', () => {
    expect(englishOf('Beth alla i ei wneud')).toBe('What I can do');
  });

  it('when a Welsh string has placeholders filled in, then the English is filled with the same values', () => {
    expect(englishOf('Cadw “Canllaw ffoneg” yn fy nysgu')).toBe('Save “Canllaw ffoneg” to my learning');
  });

  it('when "Cymraeg" stands alone, then it reads as Welsh, its most common English', () => {
    expect(englishOf('Cymraeg')).toBe('Welsh');
  });

  it('when text is not in the string files (typed text, names), then it stays as it is', () => {
    expect(englishOf('Siân Hughes')).toBe('Siân Hughes');
  });

  it('when the help card drawn in Welsh is turned into English, then its buttons keep their verbs and data and its texts are English', () => {
    const cy = renderHelpCard('cy', {});
    const en = englishCardOf(cy);
    expect(cardText(en)).toContain('What I can do');
    expect(cardText(en)).not.toContain('Beth alla i ei wneud');
    const pick = (card: object) => JSON.stringify(card).match(/"verb":"[^"]+"|"data":\{[^}]*\}/g);
    expect(pick(en)).toEqual(pick(cy));
  });

  it('when a card is turned into English again and again, then it comes out the same (its cost printed with CEFNOGI_FIGURES=1)', () => {
    const cards = [renderHelpCard('cy', {}), renderNoticeCard('cy', { title: strings('cy').profile.summaryTitle, text: strings('cy').profile.saved })];
    const runs = 200;
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i += 1) for (const card of cards) englishCardOf(card);
    const perCard = Number(process.hrtime.bigint() - start) / 1e6 / (runs * cards.length);
    if (process.env.CEFNOGI_FIGURES === '1') console.log(`englishCardOf: ${perCard.toFixed(2)} ms a card (help card and a notice, ${runs} runs each)`);
    expect(englishCardOf(cards[0]!)).toEqual(englishCardOf(cards[0]!));
    expect(cardText(englishCardOf(cards[1]!))).toContain('Your profile is saved.');
  });
});
