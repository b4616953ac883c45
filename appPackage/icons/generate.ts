// Draws the two Teams app icons. Deterministic: same code, same pixels.
//   npx tsx appPackage/icons/generate.ts
// writes appPackage/color.png (192x192) and appPackage/outline.png (32x32, white on transparent).
// The motif: three bars (utfall per month) against a dashed budget line; the last bar overshoots it.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG, type Bitmap } from 'pngjs';

type Rgb = readonly [number, number, number];
type Shape = (x: number, y: number) => boolean;

const MUNICIPAL_BLUE: Rgb = [0x00, 0x5a, 0x9c];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const YELLOW: Rgb = [0xfe, 0xcc, 0x02];

/** Straight-alpha RGBA canvas with channels in 0..1. */
class Canvas {
  readonly px: Float64Array;
  constructor(readonly width: number, readonly height: number) {
    this.px = new Float64Array(width * height * 4);
  }

  /** Paints `shape` in `color`, anti-aliased by sampling each pixel on an n×n grid. */
  fill(shape: Shape, color: Rgb, n = 4): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        let hits = 0;
        for (let sy = 0; sy < n; sy++) {
          for (let sx = 0; sx < n; sx++) {
            if (shape(x + (sx + 0.5) / n, y + (sy + 0.5) / n)) hits++;
          }
        }
        if (hits > 0) this.over(x, y, color, hits / (n * n));
      }
    }
  }

  /** Source-over in straight alpha: C = (Cs·as + Cd·ad·(1−as)) / ao, ao = as + ad·(1−as). */
  private over(x: number, y: number, color: Rgb, a: number): void {
    const i = (y * this.width + x) * 4;
    const da = this.px[i + 3];
    const oa = a + da * (1 - a);
    for (let c = 0; c < 3; c++) {
      this.px[i + c] = oa === 0 ? 0 : ((color[c] / 255) * a + this.px[i + c] * da * (1 - a)) / oa;
    }
    this.px[i + 3] = oa;
  }

  toBitmap(): Bitmap {
    const data = Buffer.alloc(this.width * this.height * 4);
    for (let i = 0; i < this.px.length; i++) data[i] = Math.round(Math.min(1, Math.max(0, this.px[i])) * 255);
    return { width: this.width, height: this.height, data };
  }
}

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x < x1 && y >= y0 && y < y1;

/** A rectangle whose top corners are rounded with radius r (bars stand on the baseline). */
const bar =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    if (!(x >= x0 && x < x1 && y >= y0 && y < y1)) return false;
    if (y >= y0 + r) return true;
    const cx = x < x0 + r ? x0 + r : x > x1 - r ? x1 - r : x;
    return (x - cx) ** 2 + (y - (y0 + r)) ** 2 <= r * r;
  };

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));

/** Horizontal dashes from x0 to x1 between y0 and y1. */
const dashes =
  (x0: number, x1: number, y0: number, y1: number, dash: number, gap: number): Shape =>
  (x, y) =>
    x >= x0 && x < x1 && y >= y0 && y < y1 && (x - x0) % (dash + gap) < dash;

export function renderColorIcon(): Bitmap {
  const c = new Canvas(192, 192);
  c.fill(rect(0, 0, 192, 192), MUNICIPAL_BLUE);
  // Bars (utfall) on a baseline; the budget line at y=84 is crossed only by the last bar.
  const bars = union(bar(50, 100, 76, 146, 5), bar(83, 88, 109, 146, 5), bar(116, 56, 142, 146, 5));
  const baseline = rect(42, 146, 150, 152);
  const budget = dashes(45, 147, 78, 86, 12, 6);
  c.fill(union(bars, baseline), WHITE);
  c.fill(budget, YELLOW);
  return c.toBitmap();
}

export function renderOutlineIcon(): Bitmap {
  const c = new Canvas(32, 32);
  const bars = union(bar(4, 17, 10, 26, 1.5), bar(13, 12, 19, 26, 1.5), bar(22, 5, 28, 26, 1.5));
  const baseline = rect(2, 27, 30, 29);
  c.fill(union(bars, baseline), WHITE);
  return c.toBitmap();
}

export function encodePng(bitmap: Bitmap): Buffer {
  return PNG.sync.write(bitmap, { colorType: 6, inputHasAlpha: true, deflateLevel: 9 });
}

function main(): void {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const files: Array<[string, Bitmap]> = [
    ['color.png', renderColorIcon()],
    ['outline.png', renderOutlineIcon()],
  ];
  for (const [name, bitmap] of files) {
    writeFileSync(join(dir, name), encodePng(bitmap));
    console.log(`Skrev appPackage/${name} (${bitmap.width}×${bitmap.height})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
