import * as AC from 'adaptivecards';

/**
 * Teams' people picker (`choices.data` with a Data.Query on Input.ChoiceSet) is a Teams
 * extension that Teams renders in cards of any version; the renderer library files the
 * property under schema 1.6. It is the one warning accepted, and only for that property.
 */
const TEAMS_PEOPLE_PICKER = /^Property "choices\.data" is supported in version 1\.6/;
/** A people picker's choices come from its query, so it legitimately has no static ones. */
const NO_STATIC_CHOICES = 'An Input.ChoiceSet must have at least one choice defined.';

/**
 * Parses a card with the official Adaptive Cards renderer at schema 1.5 and returns every
 * problem it reports (parse events and failed property validation), plus any
 * Action.Execute without a verb, which the library does not flag itself.
 */
export function cardProblems(payload: object): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(payload, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) {
    const event = context.getEventAt(i);
    if (!TEAMS_PEOPLE_PICKER.test(event.message)) problems.push(`parse: ${event.message}`);
  }
  const pickers = peoplePickerIds(payload);
  for (const event of card.validateProperties().validationEvents) {
    const sourceId = (event.source as { id?: string } | undefined)?.id;
    if (event.message === NO_STATIC_CHOICES && sourceId !== undefined && pickers.has(sourceId)) continue;
    problems.push(`validate: ${event.message}`);
  }
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && (typeof o.verb !== 'string' || o.verb === '')) problems.push('Action.Execute without a verb');
      Object.values(o).forEach(walk);
    }
  };
  walk(payload);
  return problems;
}

/** Ids of Input.ChoiceSets that are Teams people pickers (choices from a Data.Query). */
function peoplePickerIds(payload: object): Set<string> {
  const ids = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const query = o['choices.data'] as { type?: string } | undefined;
      if (o.type === 'Input.ChoiceSet' && typeof o.id === 'string' && query?.type === 'Data.Query') ids.add(o.id);
      Object.values(o).forEach(walk);
    }
  };
  walk(payload);
  return ids;
}
