import type { Card } from './cards-in';

/** One Input.ChoiceSet as a person meets it: its question, what is chosen, what can be. */
export interface ChoiceInput {
  id: string;
  label: string;
  value: string;
  choices: { title: string; value: string }[];
}

/** Every choice set in a card, in reading order. */
export function choiceInputs(card: Card): ChoiceInput[] {
  const found: ChoiceInput[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Input.ChoiceSet') {
        found.push({
          id: String(o.id),
          label: String(o.label ?? ''),
          value: String(o.value ?? ''),
          choices: (o.choices ?? []) as { title: string; value: string }[],
        });
        return;
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return found;
}
