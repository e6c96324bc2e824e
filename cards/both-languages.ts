import type { AdaptiveCardJson } from './card-kit';

/**
 * One card that says the same thing in Welsh and in English, for a place that has no single
 * language (a PLC channel set to "both", and later a person's "Welsh and English" setting).
 * The Welsh card comes first and the English one beneath, after a separator, as the Welsh
 * Language Standards ask. Buttons are not repeated: an action of both cards (the same verb
 * and data, or the same url) appears once, titled "Cymraeg / English". Inputs cannot appear
 * twice (ids must be unique and the answer would be ambiguous), so an element whose `id` the
 * Welsh part already has is left out of the English part; an ActionSet so left out lends
 * its titles to its Welsh twin ("Cadw / Save"), as the card's own actions do.
 */
export function bothLanguages(cy: AdaptiveCardJson, en: AdaptiveCardJson): AdaptiveCardJson {
  const welshIds = new Set<string>();
  collectIds(cy.body, welshIds);
  const englishBody = withoutIds(asArray(en.body), welshIds);
  const englishActionSets = new Map<string, Json[]>();
  collectActionSets(en.body, englishActionSets);
  const card: AdaptiveCardJson = {
    ...en,
    ...cy,
    type: 'AdaptiveCard',
    version: cy.version,
    body: [
      { type: 'Container', items: withTwinTitles(asArray(cy.body), englishActionSets) },
      { type: 'Container', separator: true, spacing: 'ExtraLarge', items: englishBody },
    ],
  };
  const actions = mergeActions(asArray(cy.actions), asArray(en.actions));
  if (actions.length > 0) card.actions = actions;
  else delete card.actions;
  return card;
}

type Json = Record<string, unknown>;

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

/** What makes two actions the same button whatever their titles. */
function actionKey(action: Json): string {
  return JSON.stringify([action.type, action.verb ?? null, action.data ?? null, action.url ?? null, action.id ?? null]);
}

function mergeActions(cy: Json[], en: Json[]): Json[] {
  const englishByKey = new Map(en.map((a) => [actionKey(a), a]));
  const merged = cy.map((a) => {
    const twin = englishByKey.get(actionKey(a));
    if (!twin) return a;
    englishByKey.delete(actionKey(a));
    return a.title !== twin.title && typeof a.title === 'string' && typeof twin.title === 'string' ? { ...a, title: `${a.title} / ${twin.title}` } : a;
  });
  return [...merged, ...englishByKey.values()];
}

function collectIds(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((n) => collectIds(n, into));
  if (node && typeof node === 'object') {
    const o = node as Json;
    if (typeof o.id === 'string') into.add(o.id);
    Object.values(o).forEach((v) => collectIds(v, into));
  }
}

function withoutIds(nodes: Json[], ids: Set<string>): Json[] {
  return nodes
    .filter((n) => !(typeof n.id === 'string' && ids.has(n.id)))
    .map((n) => {
      const copy: Json = { ...n };
      for (const key of ['items', 'columns', 'actions', 'body']) if (Array.isArray(copy[key])) copy[key] = withoutIds(copy[key] as Json[], ids);
      if (copy.card && typeof copy.card === 'object' && !Array.isArray(copy.card)) {
        const inner = copy.card as Json;
        copy.card = { ...inner, body: withoutIds(asArray(inner.body), ids), actions: withoutIds(asArray(inner.actions), ids) };
      }
      return copy;
    });
}

/** ActionSets in the body that have an id, by id. */
function collectActionSets(node: unknown, into: Map<string, Json[]>): void {
  if (Array.isArray(node)) return node.forEach((n) => collectActionSets(n, into));
  if (node && typeof node === 'object') {
    const o = node as Json;
    if (o.type === 'ActionSet' && typeof o.id === 'string') into.set(o.id, asArray(o.actions));
    Object.values(o).forEach((v) => collectActionSets(v, into));
  }
}

/** The Welsh body with each ActionSet that has an English twin titled in both languages. */
function withTwinTitles(nodes: Json[], twins: Map<string, Json[]>): Json[] {
  return nodes.map((n) => {
    const copy: Json = { ...n };
    if (copy.type === 'ActionSet' && typeof copy.id === 'string' && twins.has(copy.id)) copy.actions = mergeActions(asArray(copy.actions), twins.get(copy.id) ?? []);
    for (const key of ['items', 'columns']) if (Array.isArray(copy[key])) copy[key] = withTwinTitles(copy[key] as Json[], twins);
    return copy;
  });
}
