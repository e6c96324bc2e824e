import type { Card } from './cards-in';

/** One Action.Execute found anywhere in a card (body action sets included). */
export interface FoundAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** Every Action.Execute in a card, in reading order, as a person would find the buttons. */
export function executeActions(card: Card): FoundAction[] {
  const found: FoundAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute') {
        found.push({ title: String(o.title), verb: String(o.verb), data: (o.data ?? {}) as Record<string, unknown> });
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
