import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG, type Bitmap, type ColorType } from 'pngjs';
import { encodePng, renderColorIcon, renderOutlineIcon } from '../../appPackage/icons/generate.js';
import { checkColorIcon, checkOutlineIcon } from '../../src/package/icons.js';
import { formatProblem } from '../../src/package/problem.js';

const icon = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../../appPackage/${name}`, import.meta.url)));
const messages = (problems: ReturnType<typeof checkColorIcon>): string[] => problems.map(formatProblem);

/** A size×size PNG filled with one RGBA colour, optionally with a white square in the middle. */
function png(
  size: number,
  rgba: [number, number, number, number],
  options: { colorType?: ColorType; mark?: [number, number, number, number] } = {},
): Buffer {
  const image = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inMark = options.mark && x >= size / 4 && x < (3 * size) / 4 && y >= size / 4 && y < (3 * size) / 4;
      image.data.set(inMark ? options.mark! : rgba, (y * size + x) * 4);
    }
  }
  return PNG.sync.write(image, { colorType: options.colorType ?? 6 });
}

const WHITE: [number, number, number, number] = [255, 255, 255, 255];
const CLEAR: [number, number, number, number] = [0, 0, 0, 0];

describe('package/icons', () => {
  it('accepts the committed color.png and outline.png', () => {
    assert.deepEqual(messages(checkColorIcon(icon('color.png'))), []);
    assert.deepEqual(messages(checkOutlineIcon(icon('outline.png'))), []);
  });

  it('has committed icons whose pixels are what appPackage/icons/generate.ts draws', () => {
    const same = (file: string, drawn: Bitmap): void => {
      const committed = PNG.sync.read(icon(file));
      assert.equal(committed.width, drawn.width);
      assert.equal(committed.height, drawn.height);
      assert.ok(committed.data.equals(drawn.data), `${file} differs from the generator; run npx tsx appPackage/icons/generate.ts`);
    };
    same('color.png', renderColorIcon());
    same('outline.png', renderOutlineIcon());
    assert.deepEqual(messages(checkOutlineIcon(encodePng(renderOutlineIcon()))), []);
  });

  it('rejects a colour icon of the wrong size', () => {
    assert.deepEqual(messages(checkColorIcon(png(100, [0, 90, 156, 255]))), ['color.png: ska vara 192×192 pixlar, är 100×100']);
  });

  it('rejects an outline icon of the wrong size', () => {
    assert.deepEqual(messages(checkOutlineIcon(png(64, CLEAR, { mark: WHITE }))), ['outline.png: ska vara 32×32 pixlar, är 64×64']);
  });

  it('rejects an outline icon without an alpha channel', () => {
    const rgb = png(32, [0, 0, 0, 255], { colorType: 2, mark: WHITE });
    assert.equal(PNG.sync.read(rgb).alpha, false);
    assert.deepEqual(messages(checkOutlineIcon(rgb)), ['outline.png: saknar alfakanal; konturikonen ska vara vit på transparent bakgrund']);
  });

  it('rejects an outline icon whose background is opaque even though it has an alpha channel', () => {
    const found = messages(checkOutlineIcon(png(32, WHITE)));
    assert.equal(found.length, 1);
    assert.match(found[0], /^outline\.png: bakgrunden är inte transparent: hörnpixlar \(0,0\) alfa 255/);
  });

  it('rejects an outline icon with coloured pixels, and an empty one', () => {
    assert.match(messages(checkOutlineIcon(png(32, CLEAR, { mark: [0, 90, 156, 255] })))[0], /pixeln \(8,8\) har färgen rgb\(0,90,156\)/);
    assert.deepEqual(messages(checkOutlineIcon(png(32, CLEAR))), ['outline.png: är helt transparent; ingen symbol syns']);
  });

  it('rejects files that are not PNGs', () => {
    assert.deepEqual(messages(checkColorIcon(Buffer.from('<svg/>'))), ['color.png: är ingen PNG-fil (PNG-signaturen saknas)']);
    const truncated = icon('color.png').subarray(0, 60);
    assert.match(messages(checkColorIcon(truncated))[0], /^color\.png: går inte att läsa som PNG/);
  });
});
