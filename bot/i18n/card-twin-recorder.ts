import { activeJournal } from './turn-journal';

type Json = Record<string, unknown>;

/**
 * Writes down the English of each text of a card template drawn in Welsh, from the same
 * template drawn with the English strings and the same data: texts at the same place in the
 * two are twins. Data values (names, dates, content) were written down as they were drawn,
 * so they are put into English inside the template's text too. Where the two drawings part
 * (a list of another length, a part shown in one language only), nothing is written down.
 */
export function recordCardTwins(welsh: unknown, english: unknown): void {
  const journal = activeJournal();
  if (journal) walk(welsh, english, (cy, en) => journal.record(cy, journal.englishOf(en)));
}

function walk(cy: unknown, en: unknown, twin: (cy: string, en: string) => void): void {
  if (typeof cy === 'string') {
    if (typeof en === 'string' && cy !== en) twin(cy, en);
    return;
  }
  if (Array.isArray(cy)) {
    if (Array.isArray(en) && en.length === cy.length) cy.forEach((c, i) => walk(c, en[i], twin));
    return;
  }
  if (cy && typeof cy === 'object' && en && typeof en === 'object' && !Array.isArray(en)) {
    const enNode = en as Json;
    // A part that does something else in the other language (the language switch) is no twin.
    if ((cy as Json).type !== enNode.type || JSON.stringify((cy as Json).data) !== JSON.stringify(enNode.data)) return;
    for (const [key, value] of Object.entries(cy as Json)) if (key !== 'data' && key !== 'verb' && key !== 'id' && key !== 'url') walk(value, enNode[key], twin);
  }
}
