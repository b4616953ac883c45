import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { type Diagramvy, FARGER, ritaDiagram, somDataUri } from '../../src/diagram/diagram.js';

/** How many pixels have exactly this colour (#rrggbb). */
function pixlar(png: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) n++;
  return n;
}

const vy = (varden: Array<number | null>): Diagramvy => ({
  titel: 'Avvikelse per månad 2025',
  typ: 'staplar',
  etiketter: ['jan', 'feb', 'mar', 'apr'],
  serier: [{ namn: 'Avvikelse', varden }],
  enhet: 'tkr',
  teckenfarg: true,
});

describe('diagram: PNG utan webbläsare', () => {
  it('ritar en giltig PNG i den begärda storleken', () => {
    const png = PNG.sync.read(ritaDiagram({ ...vy([-100, 200, -300, 50]), bredd: 400, hojd: 200 }));
    assert.equal(png.width, 400);
    assert.equal(png.height, 200);
  });

  it('underskott ritas röda och överskott gröna, större staplar med fler pixlar', () => {
    const bara = PNG.sync.read(ritaDiagram(vy([-100, -900, -300, -50])));
    assert.ok(pixlar(bara, FARGER.underskott) > 1000, 'röda staplar för underskott');
    assert.equal(pixlar(bara, FARGER.overskott), 0, 'inga gröna staplar när allt är underskott');
    const blandat = PNG.sync.read(ritaDiagram(vy([-100, 900, -300, 50])));
    assert.ok(pixlar(blandat, FARGER.overskott) > pixlar(blandat, FARGER.underskott), 'det stora överskottet syns mest');
  });

  it('ett värde som saknas ritas inte som noll', () => {
    const tomt = PNG.sync.read(ritaDiagram(vy([null, null, null, null])));
    assert.equal(pixlar(tomt, FARGER.underskott) + pixlar(tomt, FARGER.overskott), 0);
    const ett = PNG.sync.read(ritaDiagram(vy([null, null, -500, null])));
    assert.ok(pixlar(ett, FARGER.underskott) > 100);
  });

  it('text ritas med det medskickade typsnittet (titeln ger mörka pixlar ovanför staplarna)', () => {
    const png = PNG.sync.read(ritaDiagram(vy([-100, -200, -300, -400])));
    let morka = 0;
    for (let y = 0; y < 30; y++)
      for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        if (png.data[i + 3] > 0 && png.data[i] < 120 && png.data[i + 1] < 120 && png.data[i + 2] < 120) morka++;
      }
    assert.ok(morka > 50, `titeln syns (${morka} mörka pixlar)`);
  });

  it('kompakt (för ett kort): samma staplar på vit botten, med mindre än hälften så många byte som utjämnad text', () => {
    const utjamnad = ritaDiagram({ ...vy([-100, 200, -300, 50]), bredd: 480, hojd: 220 });
    const kompakt = ritaDiagram({ ...vy([-100, 200, -300, 50]), bredd: 480, hojd: 220, kompakt: true });
    assert.ok(kompakt.length < utjamnad.length * 0.6, `${kompakt.length} mot ${utjamnad.length} byte`);
    const png = PNG.sync.read(kompakt);
    assert.ok(pixlar(png, FARGER.underskott) > 1000 && pixlar(png, FARGER.overskott) > 500);
    assert.equal(png.data[3], 255, 'hörnet är ogenomskinligt');
    assert.ok(pixlar(png, '#ffffff') > png.width * png.height * 0.5, 'mest vit botten');
  });

  it('blir en data-URI som ett Adaptive Card kan visa', () => {
    assert.match(somDataUri(ritaDiagram(vy([1, 2, 3, 4]))), /^data:image\/png;base64,iVBORw0KGgo/);
  });
});
