import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type Raster } from './png-encoder';

/*
 * The Cefnogi mark: a "C" that holds a leaf, support around growth. It is drawn from
 * geometry rather than kept as a binary made in an editor, so anyone can change it with a
 * text diff and rebuild both icons the same way:  npm run build && node dist/scripts/make-icons.js
 */

type Rgb = readonly [number, number, number];

/** Teams shows the colour icon on its own tile: a full-bleed background, symbol inside the safe area. */
export const TEAL: Rgb = [0x0f, 0x7b, 0x6c];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const MINT: Rgb = [0xb8, 0xf0, 0xcf];

/** Symbol geometry in units where the C's outer radius is 0.78 around the origin; y points up. */
const RING_OUTER = 0.78;
const RING_INNER = 0.5;
const RING_OPENING = Math.PI / 4; // half-angle of the gap on the right, like the letter C
const LEAF_RADIUS = 0.485; // two circles whose overlap is the leaf: 0.72 long, 0.32 wide
const LEAF_OFFSET = 0.325;
const LEAF_ANGLE = Math.PI / 4; // the leaf grows up and to the right, towards the opening

/** Signed distance to the C (negative inside): an arc of circle with round ends, drawn thick. */
function ringDistance(x: number, y: number): number {
  const mid = (RING_OUTER + RING_INNER) / 2;
  const halfWidth = (RING_OUTER - RING_INNER) / 2;
  if (Math.abs(Math.atan2(y, x)) >= RING_OPENING) return Math.abs(Math.hypot(x, y) - mid) - halfWidth;
  // Within the opening, the nearest part of the C is one of its rounded ends.
  const endY = Math.sign(y || 1) * mid * Math.sin(RING_OPENING);
  return Math.hypot(x - mid * Math.cos(RING_OPENING), y - endY) - halfWidth;
}

/** Signed distance to the leaf, the overlap of two circles (exact inside, close enough at the tips). */
function leafDistance(x: number, y: number): number {
  const nx = -Math.sin(LEAF_ANGLE);
  const ny = Math.cos(LEAF_ANGLE);
  const a = Math.hypot(x - LEAF_OFFSET * nx, y - LEAF_OFFSET * ny);
  const b = Math.hypot(x + LEAF_OFFSET * nx, y + LEAF_OFFSET * ny);
  return Math.max(a, b) - LEAF_RADIUS;
}

type Distance = (x: number, y: number) => number;

/** Fraction of a pixel a shape covers, from its distance at the pixel centre: one-pixel-wide anti-aliasing. */
function coverage(distance: Distance, px: number, py: number, size: number, scale: number): number {
  const x = (px + 0.5 - size / 2) / scale;
  const y = (size / 2 - (py + 0.5)) / scale;
  return Math.min(1, Math.max(0, 0.5 - distance(x, y) * scale));
}

function mix(under: Rgb, over: Rgb, amount: number): Rgb {
  const m = (a: number, b: number): number => Math.round(a * (1 - amount) + b * amount);
  return [m(under[0], over[0]), m(under[1], over[1]), m(under[2], over[2])];
}

/** The 192×192 colour icon: white C and mint leaf on teal, symbol within Teams' 120 px safe area. */
export function drawColourIcon(): Raster {
  const size = 192;
  const scale = 60 / RING_OUTER; // symbol 120 px across
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const ring = coverage(ringDistance, px, py, size, scale);
      const leaf = coverage(leafDistance, px, py, size, scale);
      const colour = mix(mix(TEAL, WHITE, ring), MINT, leaf);
      pixels.set([...colour, 255], (py * size + px) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

/**
 * The 32×32 outline icon: the same mark in white on transparent. Teams tints it and
 * rejects other colours, so every pixel is white and only its alpha varies.
 */
export function drawOutlineIcon(): Raster {
  const size = 32;
  const scale = 15 / RING_OUTER; // symbol 30 px across, 1 px margin
  const shape: Distance = (x, y) => Math.min(ringDistance(x, y), leafDistance(x, y));
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const alpha = Math.round(255 * coverage(shape, px, py, size, scale));
      pixels.set([...WHITE, alpha], (py * size + px) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

/** Writes color.png and outline.png, the names the manifest refers to, into a folder. */
export function writeIcons(folder: string): string[] {
  const files = [
    { name: 'color.png', raster: drawColourIcon() },
    { name: 'outline.png', raster: drawOutlineIcon() },
  ];
  return files.map(({ name, raster }) => {
    const path = join(folder, name);
    writeFileSync(path, encodePng(raster));
    return path;
  });
}

if (require.main === module) {
  // Run from the project root (as npm scripts are): the icons live in appPackage/.
  for (const path of writeIcons(join(process.cwd(), 'appPackage'))) console.log(`wrote ${path}`);
}
