import assert from 'node:assert/strict';
import { kontrollera } from './forvantan.js';
import { foremal, varianter } from './formuleringar.js';
import { type Fragare, KOMMUNER, startaBot } from './svit.js';

/**
 * Property test (issue 13): every unit, KPI and measure of each test municipality is found by the phrasings a
 * person types: lower case, no diacritics, one typo, an inflected last word. Asserted on the visible reply,
 * which must name the item and show its own figure.
 */

for (const k of KOMMUNER.filter((k) => k.egenskaper)) {
  describe(`egenskaper: ${k.namn}, varje enhet, nyckeltal och åtgärd hittas på sina vanliga stavningar`, () => {
    let fraga: Fragare;
    let nr = 0;
    before(async () => {
      fraga = await startaBot(k);
    });
    for (const f of foremal(k)) {
      it(`${f.slag} "${f.namn}"`, async () => {
        const fel: string[] = [];
        for (const [slag, namn] of varianter(f.namn)) {
          const text = f.fraga(namn);
          const svar = await fraga(text, `egenskap-${++nr}`);
          const brister = kontrollera({ fraga: text, avsikt: 'status', maste: f.maste }, svar);
          if (brister.length) fel.push(`${slag}: "${text}" → ${brister.join('; ')}\n      ${svar.split('\n').slice(0, 3).join(' / ')}`);
        }
        assert.deepEqual(fel, [], fel.join('\n'));
      });
    }
  });
}
