import type { Card } from './cards-in';

/** One Action.Execute found anywhere in a card (body action sets included). */
export interface FoundAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
  /** "none" when pressing it sends (and checks) no inputs; otherwise the card's inputs go with it. */
  associatedInputs: string;
}

/** Every Action.Execute in a card, in reading order, as a person would find the buttons. */
export function executeActions(card: Card): FoundAction[] {
  const found: FoundAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute') {
        found.push({ title: String(o.title), verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown>, associatedInputs: String(o.associatedInputs ?? 'auto') });
        return;
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  walk(card.actions);
  return found;
}

/** The actions of one verb. */
export function actionsOf(card: Card, verb: string): FoundAction[] {
  return executeActions(card).filter((a) => a.verb === verb);
}

/**
 * What Teams does when a button is pressed: an action that sends the card's inputs first
 * checks the required ones, and will not go while one is empty. The ids of those left empty.
 */
export function blockingInputs(card: Card, action: FoundAction): string[] {
  if (action.associatedInputs === 'none') return [];
  const empty: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && o.isRequired === true && (o.value ?? '') === '') empty.push(String(o.id));
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return empty;
}

/** The value an Input.Text with this id shows. */
export function textInputValue(card: Card, id: string): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Input.Text' && o.id === id) found = String(o.value ?? '');
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return found;
}
