import { contrastRatio, opaque } from './colour-contrast';
import { CONTAINER_STYLES, TEAMS_HOST_COLOURS, type ContainerStyle, type ForegroundName, type Theme } from './teams-host-colours';

/** WCAG 1.4.3 (text) and 1.4.11 (the parts of a graphic that carry meaning). */
export const TEXT_MINIMUM = 4.5;
export const BAR_MINIMUM = 3;

/** A colour as a card names it: a container's background, or text on one. */
type Paint = { on: ContainerStyle } & ({ kind: 'background' } | { kind: 'text'; color: ForegroundName; subtle: boolean });

/** Text the card shows, with what it is drawn in and on. */
interface TextMark {
  text: string;
  paint: Paint & { kind: 'text' };
}

/** A progress bar: what its filled part and its track are drawn in. */
interface BarMark {
  where: string;
  fill: Paint;
  track: Paint;
}

/** Elements whose `style` sets the background of what they hold. */
const STYLED = new Set(['Container', 'Column', 'ColumnSet', 'Table', 'TableCell']);
/** A bar drawn in text: filled and empty blocks or shapes (Unicode Block Elements and Geometric Shapes). */
const GLYPH_BAR = /^[\u2580-\u25ff]{3,}$/;

function asStyle(value: unknown): ContainerStyle | undefined {
  return typeof value === 'string' && (CONTAINER_STYLES as readonly string[]).includes(value) ? (value as ContainerStyle) : undefined;
}

function asColour(value: unknown): ForegroundName {
  return typeof value === 'string' ? (value.toLowerCase() as ForegroundName) : 'default';
}

/** Every text and bar a card draws, with the container style each sits on. */
export function cardMarks(card: object): { texts: TextMark[]; bars: BarMark[] } {
  const texts: TextMark[] = [];
  const bars: BarMark[] = [];
  const visit = (node: unknown, on: ContainerStyle): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, on));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const here = (typeof o.type === 'string' && STYLED.has(o.type) && asStyle(o.style)) || on;
    const text = (t: unknown, run: Record<string, unknown>): void => {
      if (typeof t !== 'string') return;
      const paint = { kind: 'text' as const, on: here, color: asColour(run.color), subtle: run.isSubtle === true };
      texts.push({ text: t, paint });
      const glyphs = t.replace(/\s/g, '');
      if (GLYPH_BAR.test(glyphs)) bars.push({ where: t, fill: paint, track: { kind: 'background', on: here } });
    };
    if (o.type === 'TextBlock' || o.type === 'TextRun') text(o.text, o);
    if (o.type === 'RichTextBlock' && Array.isArray(o.inlines)) o.inlines.forEach((r) => (typeof r === 'string' ? text(r, {}) : visit(r, here)));
    if (o.type === 'FactSet' && Array.isArray(o.facts)) for (const f of o.facts as Record<string, unknown>[]) (text(f.title, {}), text(f.value, {}));
    if (o.type === 'ColumnSet' && Array.isArray(o.columns)) {
      const columns = o.columns as Record<string, unknown>[];
      const empty = columns.length > 0 && columns.every((c) => asStyle(c.style) && (!Array.isArray(c.items) || c.items.length === 0));
      if (empty) {
        const fill = asStyle(columns[0]!.style)!;
        const track = columns.length > 1 ? asStyle(columns.at(-1)!.style)! : here;
        bars.push({ where: `bar of ${columns.map((c) => c.style).join('/')} columns`, fill: { kind: 'background', on: fill }, track: { kind: 'background', on: track } });
      }
    }
    for (const key of ['body', 'items', 'columns', 'rows', 'cells']) if (key in o) visit(o[key], here);
  };
  visit((card as { body?: unknown }).body, 'default');
  return { texts, bars };
}

/** The opaque colour a paint shows in a theme. */
function shown(paint: Paint, theme: Theme): [number, number, number] {
  const style = TEAMS_HOST_COLOURS[theme][paint.on];
  const background = opaque(style.background);
  if (paint.kind === 'background') return background;
  const colour = style.foreground[paint.color];
  if (!colour) throw new Error(`unknown text colour ${paint.color}`);
  return opaque(paint.subtle ? colour.subtle : colour.default, background);
}

/** The ratio of text to its background in a theme. */
export function textContrast(mark: TextMark, theme: Theme): number {
  return contrastRatio(shown(mark.paint, theme), shown({ kind: 'background', on: mark.paint.on }, theme));
}

/** The ratio of a bar's fill to its track in a theme. */
export function barContrast(bar: BarMark, theme: Theme): number {
  return contrastRatio(shown(bar.fill, theme), shown(bar.track, theme));
}

function describe(paint: Paint): string {
  return paint.kind === 'background' ? `${paint.on} background` : `${paint.subtle ? 'subtle ' : ''}${paint.color} text on ${paint.on}`;
}

/** Every text under 4.5:1 and every bar under 3:1 in a theme, said so a reader can find it. */
export function contrastFailures(card: object, theme: Theme): string[] {
  const { texts, bars } = cardMarks(card);
  const failures: string[] = [];
  for (const mark of texts) {
    const ratio = textContrast(mark, theme);
    if (ratio < TEXT_MINIMUM) failures.push(`${theme}: "${mark.text.slice(0, 40)}" in ${describe(mark.paint)} is ${ratio.toFixed(2)}:1`);
  }
  for (const bar of bars) {
    const ratio = barContrast(bar, theme);
    if (ratio < BAR_MINIMUM) failures.push(`${theme}: ${bar.where}: ${describe(bar.fill)} against ${describe(bar.track)} is ${ratio.toFixed(2)}:1`);
  }
  return failures;
}

/** All the words an element shows. */
function textOf(node: unknown): string {
  if (Array.isArray(node)) return node.map(textOf).join(' ');
  if (!node || typeof node !== 'object') return '';
  const o = node as Record<string, unknown>;
  const own = (o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string' ? o.text : '';
  return [own, ...['items', 'columns', 'inlines', 'body'].map((k) => textOf(o[k]))].join(' ');
}

const TINTS = new Set(['good', 'attention', 'warning', 'accent']);
const LETTER = /\p{L}/u;

/**
 * Colour or tint that carries a status with no words beside it: a tinted container, or text
 * in a colour other than the default, with no letter in it nor in the row (ColumnSet) it
 * sits in. Bars are left out: their amount is their shape, and their words are the line
 * that follows them.
 */
export function wordlessStatuses(card: object): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, row: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, row));
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const here = o.type === 'ColumnSet' ? textOf(o) : row;
    const tinted = typeof o.type === 'string' && STYLED.has(o.type) && TINTS.has(String(o.style));
    const coloured = (o.type === 'TextBlock' || o.type === 'TextRun') && asColour(o.color) !== 'default' && !GLYPH_BAR.test(String(o.text).replace(/\s/g, ''));
    if ((tinted || coloured) && !LETTER.test(textOf(o)) && !LETTER.test(here)) problems.push(`${String(o.style ?? o.color)} ${String(o.type)} without words: ${JSON.stringify(o).slice(0, 80)}`);
    for (const key of ['body', 'items', 'columns', 'rows', 'cells', 'inlines']) if (key in o) visit(o[key], here);
  };
  visit((card as { body?: unknown }).body, '');
  return problems;
}
