import { loadContent } from '../../../bot/content/load-content';
import type { Content } from '../../../bot/content/content';
import { composeChoices } from '../../../bot/broadcasts/compose-view';
import { broadcastComposeCardDataSchema, renderBroadcastComposeCard } from '../../../cards/broadcast-compose-card';
import { cardProblems } from '../../support/validate-card';

/** Every input of a card, wherever it is nested. */
function inputs(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(inputs);
  if (!node || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  const own = typeof element.type === 'string' && element.type.startsWith('Input.') ? [element] : [];
  return [...own, ...Object.values(element).flatMap(inputs)];
}

describe('the broadcast compose card, as a client renders its inputs', () => {
  let content: Content;
  beforeAll(async () => {
    content = await loadContent();
  });

  it('when an administrator opens a new broadcast, then the reminder is a list starting at "No reminder", not a number box that a client shows as 0 and then refuses to send', () => {
    for (const language of ['en', 'cy'] as const) {
      const data = broadcastComposeCardDataSchema.parse({ ...composeChoices(content, { tenant: true, las: [], schools: [] }, language) });
      const card = renderBroadcastComposeCard(language, data);
      expect(cardProblems(card)).toEqual([]);
      const remind = inputs(card.body).find((i) => i.id === 'remindAfterDays')!;
      expect(remind.type).toBe('Input.ChoiceSet');
      expect(remind.placeholder).toBe(language === 'en' ? 'No reminder' : 'Dim nodyn atgoffa');
      expect((remind.choices as { value: string }[]).map((c) => c.value)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      // No input on the form carries limits a client would enforce silently: the server checks and marks the field.
      expect(inputs(card.body).filter((i) => i.type === 'Input.Number')).toEqual([]);
    }
  });
});
