import { executeActions, type FoundAction } from './card-actions';
import type { Card } from './cards-in';

/** The value each input of a card holds as drawn (a toggle its on/off value, a number as Teams sends it). */
export function inputValues(card: Card): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') {
        values[o.id] = o.type === 'Input.Toggle' ? (o.value === o.valueOn ? o.valueOn : (o.valueOff ?? 'false')) : (o.value ?? '');
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return values;
}

/**
 * What Teams sends when a person types `typed` into a card's inputs and presses a button:
 * the button's data with every input of the card laid over it. Throws when no button
 * matches, or when a typed id is not an input on the card (a person cannot type there).
 */
export function press(card: Card, verb: string, typed: Record<string, unknown> = {}, which: (a: FoundAction) => boolean = () => true): { verb: string; data: Record<string, unknown> } {
  const action = executeActions(card).find((a) => a.verb === verb && which(a));
  if (!action) throw new Error(`no ${verb} button on the card: ${executeActions(card).map((a) => `${a.verb} "${a.title}"`).join(', ')}`);
  const inputs = inputValues(card);
  for (const id of Object.keys(typed)) if (!(id in inputs)) throw new Error(`no input "${id}" on the card; it has ${Object.keys(inputs).join(', ')}`);
  return { verb: action.verb, data: action.associatedInputs === 'none' ? action.data : { ...action.data, ...inputs, ...typed } };
}
