// The two icons Teams requires: color.png, full colour 192×192, and outline.png, 32×32 white on a
// transparent background.
import { PNG, type DecodedPNG } from 'pngjs';
import type { Problem } from './problem.js';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Lowest channel value still counted as white in the outline icon (anti-aliased edges vary alpha, not colour). */
const WHITE_MIN = 240;

export function decodePng(bytes: Buffer, file: string): { png?: DecodedPNG; problems: Problem[] } {
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    return { problems: [{ file, message: 'är ingen PNG-fil (PNG-signaturen saknas)' }] };
  }
  try {
    return { png: PNG.sync.read(bytes), problems: [] };
  } catch (error) {
    return { problems: [{ file, message: `går inte att läsa som PNG: ${(error as Error).message}` }] };
  }
}

function checkSize(png: DecodedPNG, size: number, file: string): Problem[] {
  return png.width === size && png.height === size
    ? []
    : [{ file, message: `ska vara ${size}×${size} pixlar, är ${png.width}×${png.height}` }];
}

export function checkColorIcon(bytes: Buffer, file = 'color.png'): Problem[] {
  const { png, problems } = decodePng(bytes, file);
  return png ? checkSize(png, COLOR_ICON_SIZE, file) : problems;
}

export function checkOutlineIcon(bytes: Buffer, file = 'outline.png'): Problem[] {
  const { png, problems } = decodePng(bytes, file);
  if (!png) return problems;
  const sizeProblems = checkSize(png, OUTLINE_ICON_SIZE, file);
  if (sizeProblems.length > 0) return sizeProblems;
  if (!png.alpha) {
    return [{ file, message: 'saknar alfakanal; konturikonen ska vara vit på transparent bakgrund' }];
  }
  const alphaAt = (x: number, y: number): number => png.data[(y * png.width + x) * 4 + 3];
  const last = png.width - 1;
  const corners: Array<[number, number]> = [
    [0, 0],
    [last, 0],
    [0, last],
    [last, last],
  ];
  const opaque = corners.filter(([x, y]) => alphaAt(x, y) !== 0);
  if (opaque.length > 0) {
    const list = opaque.map(([x, y]) => `(${x},${y}) alfa ${alphaAt(x, y)}`).join(', ');
    return [{ file, message: `bakgrunden är inte transparent: hörnpixlar ${list}` }];
  }
  let visible = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i + 3] === 0) continue;
    visible++;
    const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    if (r < WHITE_MIN || g < WHITE_MIN || b < WHITE_MIN) {
      const pixel = i / 4;
      return [
        {
          file,
          message: `pixeln (${pixel % png.width},${Math.floor(pixel / png.width)}) har färgen rgb(${r},${g},${b}); konturikonen ska bara vara vit`,
        },
      ];
    }
  }
  return visible === 0 ? [{ file, message: 'är helt transparent; ingen symbol syns' }] : [];
}
