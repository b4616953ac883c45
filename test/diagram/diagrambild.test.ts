import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import type { Svar } from '../../src/answers/svar.js';
import type { Kortvy } from '../../src/cards/vyer.js';
import type { Diagramvy } from '../../src/diagram/diagram.js';
import { KORTDIAGRAM, medDiagrambild } from '../../src/usecases/diagrambild.js';

const svar = (titel: string, varden: number[]): Svar => {
  const diagram: Diagramvy = {
    titel,
    typ: 'staplar',
    etiketter: ['jan', 'feb', 'mar'],
    serier: [{ namn: 'Avvikelse', varden }],
    enhet: 'tkr',
    teckenfarg: true,
  };
  return { text: titel, kort: { mall: 'trend', data: { diagram } } as unknown as Kortvy };
};
const bild = (s: Svar): string => (s.kort!.data as { bild?: string }).bild!;

describe('diagrambild: kortets diagram ritat en gång per innehåll', () => {
  it('samma diagram två gånger ger samma bild, i kortets storlek', () => {
    const forsta = bild(medDiagrambild(svar('Avvikelse per månad 2025 (tkr)', [-100, 200, -300])));
    const andra = bild(medDiagrambild(svar('Avvikelse per månad 2025 (tkr)', [-100, 200, -300])));
    assert.equal(andra, forsta);
    const png = PNG.sync.read(Buffer.from(forsta.replace('data:image/png;base64,', ''), 'base64'));
    assert.deepEqual([png.width, png.height], [KORTDIAGRAM.bredd, KORTDIAGRAM.hojd]);
  });

  it('en ändrad siffra under samma titel ritas om: ett sparat diagram visar aldrig gamla siffror', () => {
    const fore = bild(medDiagrambild(svar('Socialnämnden: avvikelse per månad 2025 (tkr)', [-100, 200, -300])));
    const efter = bild(medDiagrambild(svar('Socialnämnden: avvikelse per månad 2025 (tkr)', [-100, 200, -900])));
    assert.notEqual(efter, fore);
    assert.equal(bild(medDiagrambild(svar('Socialnämnden: avvikelse per månad 2025 (tkr)', [-100, 200, -300]))), fore);
  });
});
