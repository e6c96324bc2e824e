import { CardFactory, MessageFactory } from 'botbuilder';
import { bothLanguages } from '../../../cards/both-languages';
import { renderNoticeCard } from '../../../cards/notice-card';
import type { AdaptiveCardJson } from '../../../cards/card-kit';
import { cardText } from '../../support/cards-in';
import { cardProblems } from '../../support/validate-card';

const notice = (language: 'cy' | 'en', title: string, text: string) =>
  renderNoticeCard(language, { title, text, actions: [{ title: language === 'cy' ? 'Llyfrgell' : 'Library', verb: 'help.show', data: { page: 1 } }] });

describe('a card in Welsh and English together', () => {
  it('when a Welsh and an English card are joined, then the Welsh comes first, the English beneath after a separator, and the card is valid at 1.5', () => {
    const card = bothLanguages(notice('cy', 'Croeso', 'Dyma gymuned ddysgu'), notice('en', 'Welcome', 'This is a learning community'));
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text.indexOf('Croeso')).toBeLessThan(text.indexOf('Welcome'));
    const body = card.body as { separator?: boolean }[];
    expect(body).toHaveLength(2);
    expect(body[1]!.separator).toBe(true);
  });

  it('when both cards have the same button, then it appears once, titled in both languages; a button of one card only is kept', () => {
    const cy = notice('cy', 'Croeso', 'Testun');
    const en = notice('en', 'Welcome', 'Text');
    (en.actions as unknown[]).push({ type: 'Action.OpenUrl', title: 'Read more', url: 'https://hwb.gov.wales/' });
    const card = bothLanguages(cy, en);
    expect(card.actions).toEqual([
      expect.objectContaining({ verb: 'help.show', title: 'Llyfrgell / Library' }),
      expect.objectContaining({ type: 'Action.OpenUrl', title: 'Read more' }),
    ]);
  });

  it('when both cards have an input with the same id, then it is asked once, in the Welsh part', () => {
    const form = (label: string): AdaptiveCardJson => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 'name', label }] });
    const card = bothLanguages(form('Enw'), form('Name'));
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Enw');
    expect(cardText(card)).not.toContain('Name');
  });

  it('when each card is at most 38 KB, then the joined card sent as a message stays under the 80 KB Teams advises', () => {
    const long = (language: 'cy' | 'en') => renderNoticeCard(language, { title: 'ŵ'.repeat(200), text: 'ŵ'.repeat(2000), list: Array.from({ length: 15 }, () => 'ŵ'.repeat(300)) });
    const size = (card: AdaptiveCardJson) => Buffer.byteLength(JSON.stringify(MessageFactory.attachment(CardFactory.adaptiveCard(card))), 'utf16le');
    expect(size(long('cy'))).toBeLessThan(38 * 1024);
    expect(size(bothLanguages(long('cy'), long('en')))).toBeLessThan(80 * 1024);
  });
});
