import assert from 'node:assert/strict';
import { KOMMUNER, type Resultat, korKommun, procentGodkanda, andelar } from './svit.js';

/**
 * The question suite over four municipalities, through the real teams-ai Application (issue 13). The table per
 * intent and municipality, with every failing reply: `npm run kommuner`.
 */
const MAL = 97;

describe('kommuner: frågesviten över fyra kommuner', () => {
  it('har minst 150 frågor per ny kommun, 50 för demon och Norrby, 400 totalt', () => {
    const antal = Object.fromEntries(KOMMUNER.map((k) => [k.namn, k.fragor.length]));
    assert.ok(antal['Askersund'] >= 150, JSON.stringify(antal));
    assert.ok(antal['Västervik'] >= 150, JSON.stringify(antal));
    assert.ok(antal['Åsby (demo)'] >= 50, JSON.stringify(antal));
    assert.ok(antal['Norrby'] >= 50, JSON.stringify(antal));
    assert.ok(Object.values(antal).reduce((a, b) => a + b, 0) >= 400, JSON.stringify(antal));
  });

  for (const k of KOMMUNER) {
    it(`${k.namn}: minst ${MAL} % av frågorna får det svar en användare behöver se`, async () => {
      const resultat: Resultat[] = await korKommun(k);
      const a = andelar(resultat, () => 'alla').get('alla')!;
      const fel = resultat.filter((r) => r.fel.length).map((r) => `  [${r.fraga.avsikt}] "${r.fraga.fraga}": ${r.fel.join('; ')}`);
      assert.ok(
        procentGodkanda(a) >= MAL,
        `${k.namn}: ${a.godkanda}/${a.antal} (${procentGodkanda(a).toFixed(1)} %)\n${fel.slice(0, 40).join('\n')}`,
      );
    });
  }
});
