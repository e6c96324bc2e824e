/**
 * How a card shows that something went well, needs attention or is waiting, so it stays
 * readable in every Teams theme (text at 4.5:1, bars at 3:1; `test/unit/card-contrast.test.ts`
 * measures it). Teams' named text colours fail there: Good green is 2:1 and Warning yellow
 * 1.5:1 on the light theme's white, Attention red 3.2:1 on the dark theme's grey. So:
 *
 * - text is always the default colour, and the words say the status ("Saved", "Overdue");
 * - a message with a tone (a lead line, an error at a field) sits in a container of that
 *   tone's style: Teams draws default text on each style's own background at 10:1 or more
 *   in light and dark, and the tint is a second cue beside the words;
 * - a status in a list row is bold when it needs attention, with an icon in a badge of the
 *   status's style;
 * - a progress bar is drawn in text, filled and empty squares in the accent colour, which
 *   holds 5:1 in every theme where two container backgrounds never reach 3:1 in the light one.
 */

/** How a message should stand out. */
export type Tone = 'good' | 'attention' | 'warning';

/** The `style` values of Container and Column that Teams draws with a tinted background. */
export type ToneStyle = Tone | 'accent' | 'default';

/** The container style behind a message of a tone (its text stays the default colour). */
export function toneStyle(tone: Tone | 'default'): ToneStyle {
  return tone;
}

/** Weight of a status line in a list: bold when it needs attention, since its colour cannot say so. */
export function attentionWeight(needsAttention: boolean): 'Bolder' | 'Default' {
  return needsAttention ? 'Bolder' : 'Default';
}

/** The squares of a text progress bar: filled, then empty. */
export const BAR_FILLED = '■';
export const BAR_EMPTY = '□';
/** Squares in a bar: ten reads as tenths and fits a phone's width at Medium size. */
export const BAR_SEGMENTS = 10;

/**
 * A progress bar as text, `done` of `total` in tenths. Any progress shows at least one
 * filled square and anything short of all shows at least one empty one, so "started" and
 * "nearly there" never look like "nothing" and "finished".
 */
export function progressBar(done: number, total: number): string {
  const share = total > 0 ? Math.min(Math.max(done / total, 0), 1) : 0;
  let filled = Math.round(share * BAR_SEGMENTS);
  if (share > 0 && filled === 0) filled = 1;
  if (share < 1 && filled === BAR_SEGMENTS) filled = BAR_SEGMENTS - 1;
  return BAR_FILLED.repeat(filled) + BAR_EMPTY.repeat(BAR_SEGMENTS - filled);
}
