/**
 * WCAG 2.x contrast, as the success criteria define it (1.4.3 text, 1.4.11 graphics): the
 * ratio of the relative luminances of two colours, each plus 0.05, lighter over darker.
 */

/** An opaque colour, 0–255 per channel. */
export type Rgb = [number, number, number];

/**
 * Reads `#RRGGBB` or the host config's `#AARRGGBB` and draws it over `under` (white if not
 * given), so a translucent subtle colour is measured as it shows.
 */
export function opaque(hex: string, under: Rgb = [255, 255, 255]): Rgb {
  const h = hex.replace(/^#/, '');
  if (!/^([0-9a-f]{6}|[0-9a-f]{8})$/i.test(h)) throw new Error(`not a colour: ${hex}`);
  const alpha = h.length === 8 ? parseInt(h.slice(0, 2), 16) / 255 : 1;
  const rgb = h.slice(-6);
  return [0, 2, 4].map((i, c) => parseInt(rgb.slice(i, i + 2), 16) * alpha + under[c]! * (1 - alpha)) as Rgb;
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (v: number): number => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two opaque colours (1 to 21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
