import { loadContent } from '../../bot/content/load-content';
import type { Content } from '../../bot/content/content';
import type { Language } from '../../bot/users/user-record';
import {
  renderHelpCard,
  renderNoticeCard,
  renderProfileCard,
  renderProfileFormCard,
  renderTeamWelcomeCard,
  renderWelcomeCard,
  type AdaptiveCardJson,
} from '../../cards';
import { allVerbs } from '../../cards/verbs';
import { cardProblems } from '../support/validate-card';

let content: Content;
beforeAll(async () => {
  content = await loadContent();
});

/** Every card with sample data, including the fullest and emptiest forms each can take. */
function samples(language: Language): [string, AdaptiveCardJson][] {
  return [
    ['welcome with a name', renderWelcomeCard(language, { name: 'Siân' })],
    ['welcome without a name', renderWelcomeCard(language, {})],
    ['team welcome', renderTeamWelcomeCard(language)],
    ['help', renderHelpCard(language)],
    ['help with a lead line', renderHelpCard(language, { lead: 'Lead line' })],
    ['notice', renderNoticeCard(language, { title: 'T', text: 'Body', reference: 'Ref 1', actions: [{ title: 'Help', verb: 'help.show', data: {} }] })],
    ['notice without actions', renderNoticeCard(language, { title: 'T', text: 'Body', tone: 'attention' })],
    ['empty profile form', renderProfileFormCard(language, { roleChoices: content.roleChoices(language), welshChoices: content.welshChoices(language) })],
    [
      'profile form with errors',
      renderProfileFormCard(language, {
        roleChoices: content.roleChoices(language),
        welshChoices: content.welshChoices(language),
        values: { roleId: 'teaching-assistant-1', school: 'Ysgol', ewcNumber: 'x' },
        errors: { school: 'Too long', ewcNumber: 'Digits only' },
      }),
    ],
    ['profile', renderProfileCard(language, { lead: 'Saved', role: 'TA', school: 'Ysgol', lineManagerChosen: true, welshLevel: 'Uwch', ewcNumber: '1' })],
    ['profile with nothing set', renderProfileCard(language, { lineManagerChosen: false })],
  ];
}

describe.each(['en', 'cy'] as const)('every card in %s', (language) => {
  it('when rendered with sample data, then no ${…} placeholder is left', () => {
    for (const [name, card] of samples(language)) {
      expect([name, JSON.stringify(card).match(/\$\{[^}]*\}/)?.[0]]).toEqual([name, undefined]);
    }
  });

  it('when parsed by the Adaptive Cards renderer at schema 1.5, then it reports no problems', () => {
    for (const [name, card] of samples(language)) {
      expect(card.version).toBe('1.5');
      expect([name, cardProblems(card)]).toEqual([name, []]);
    }
  });

  it('when its actions are read, then every verb is one of the verb table', () => {
    for (const [, card] of samples(language)) {
      const verbs = JSON.stringify(card).match(/"verb":"[^"]*"/g) ?? [];
      for (const v of verbs) expect(allVerbs).toContain(v.slice(8, -1));
    }
  });
});

describe('the card checker itself', () => {
  it('when a card has an unknown element, a bad property value or an Action.Execute without a verb, then it reports each', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Blink', text: 'x' }, { type: 'TextBlock', text: 'x', size: 'Gigantic' }],
      actions: [{ type: 'Action.Execute', title: 'Go' }],
    });
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems).toContain('Action.Execute without a verb');
  });

  it('when a card uses a 1.6 feature other than the Teams people picker, then it is reported', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Input.Text', id: 'a', label: 'A', labelPosition: 'inline' }],
    });
    expect(problems.join()).toMatch(/1\.6/);
  });

  it('when a template is given data that does not fit its schema, then rendering refuses', () => {
    expect(() => renderNoticeCard('en', { title: '', text: 'x' })).toThrow();
    expect(() => renderNoticeCard('en', { title: 'x', text: 'y', actions: [{ title: 'Bad', verb: 'nope' as 'help.show', data: {} }] })).toThrow();
  });
});
