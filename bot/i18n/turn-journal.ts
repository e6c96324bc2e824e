import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The English twin of every Welsh text drawn in one turn, written down at the moment it is
 * drawn (a string of the string files read at its path, a filled template, a content name,
 * a date written out). A "Welsh and English" reader's cards are drawn once, in Welsh; their
 * English half is put together from this journal afterwards, so nothing is drawn twice, no
 * side effect repeats and nothing is guessed.
 */
export class TurnJournal {
  private readonly pairs = new Map<string, string>();
  /** The recorded Welsh texts as one pattern, longest first; null when none, undefined when stale. */
  private pieces: RegExp | null | undefined;

  /** @param reading whether the turn's reader wants both languages now (they may choose it mid-turn). */
  constructor(private readonly reading: () => boolean) {}

  /** True while the reader of this turn reads Welsh and English: only then is anything written down. */
  get active(): boolean {
    return this.reading();
  }

  /** Writes down that `cy` was drawn where `en` would have been; the latest drawing of a Welsh text wins. */
  record(cy: string, en: string): void {
    if (cy === en || cy.length === 0) return;
    if (this.pairs.get(cy) === en) return;
    this.pairs.set(cy, en);
    this.pieces = undefined;
  }

  /** The English recorded for exactly this Welsh text, if any. */
  exact(cy: string): string | undefined {
    return this.pairs.get(cy);
  }

  /**
   * One text in English: the whole text as recorded; otherwise every recorded piece found
   * inside it (longest first, so "Cynorthwyydd addysgu – lefel 2" goes before "lefel 2";
   * short pieces only as whole words), in one pass so no English is read again as Welsh.
   * What was never drawn from the string files, content or a date (text people typed,
   * names) stays exactly as it is.
   */
  englishOf(text: string): string {
    const whole = this.pairs.get(text);
    if (whole !== undefined) return whole;
    const pieces = this.piecePattern();
    return pieces ? text.replace(pieces, (cy) => this.pairs.get(cy) ?? cy) : text;
  }

  /** How many texts this turn wrote down (for the figures). */
  get size(): number {
    return this.pairs.size;
  }

  private piecePattern(): RegExp | undefined {
    if (this.pieces !== undefined) return this.pieces ?? undefined;
    const alternatives = [...this.pairs.keys()].filter((cy) => cy.length >= SHORTEST_PIECE).sort((a, b) => b.length - a.length).map(pieceSource);
    this.pieces = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'gu') : null;
    return this.pieces ?? undefined;
  }
}

/** Shorter Welsh texts ("a", "neu") are put into English only when they are the whole text. */
const SHORTEST_PIECE = 4;
/** Below this length a Welsh piece is only replaced as a whole word: it could be part of another one. */
const WORD_ONLY_BELOW = 12;
const LETTER = /[\p{L}\p{N}]/u;

function pieceSource(cy: string): string {
  const escaped = cy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (cy.length >= WORD_ONLY_BELOW) return escaped;
  const before = LETTER.test(cy.charAt(0)) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = LETTER.test(cy.charAt(cy.length - 1)) ? '(?![\\p{L}\\p{N}])' : '';
  return `${before}${escaped}${after}`;
}

const current = new AsyncLocalStorage<TurnJournal>();

/** Runs one turn with its journal: everything drawn inside, however deep or late, is written down in it. */
export function inTurnJournal<T>(journal: TurnJournal, turn: () => Promise<T>): Promise<T> {
  return current.run(journal, turn);
}

/** The journal of the running turn while its reader reads both languages; undefined for everyone else. */
export function activeJournal(): TurnJournal | undefined {
  const journal = current.getStore();
  return journal?.active ? journal : undefined;
}

/**
 * A drawn text changed on its way to the card (put in lower case inside a sentence): the
 * same change is made to its English twin, so the changed Welsh keeps a twin too.
 */
export function changedTwin(text: string, change: (text: string) => string): string {
  const changed = change(text);
  const journal = activeJournal();
  const english = journal?.exact(text);
  if (journal && english !== undefined) journal.record(changed, change(english));
  return changed;
}

/** Writes down a Welsh text and its English twin, if the running turn keeps a journal. */
export function recordTwin(cy: string, en: string): void {
  activeJournal()?.record(cy, en);
}
