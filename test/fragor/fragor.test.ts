import assert from 'node:assert/strict';
import { besvara } from '../../src/answers/besvara.js';
import type { Store } from '../../src/store/store.js';
import { demoStore, läsbar } from '../support/demo.js';
import { FALL } from './fall.js';
import { Miljofabrik } from '../../src/answers/svarsmiljo.js';
import { MEGAN } from '../support/testbot.js';

describe(`frågor: ${FALL.length} frågor över demodatan`, () => {
  let store: Store;
  before(async () => {
    store = await demoStore();
  });

  it('täcker minst 120 frågor och minst 10 per avsikt', () => {
    assert.ok(FALL.length >= 120, `${FALL.length}`);
    const per = new Map<string, number>();
    for (const f of FALL) per.set(f.avsikt, (per.get(f.avsikt) ?? 0) + 1);
    for (const a of ['status', 'trend', 'prognos', 'rankning', 'nedbrytning', 'jamforelse', 'atgarder', 'nyckeltal'])
      assert.ok((per.get(a) ?? 0) >= 10, `${a}: ${per.get(a)}`);
  });

  for (const f of FALL) {
    it(`"${f.fraga}"${f.kontext ? ` (efter en fråga om ${f.kontext.enhet})` : ''}`, () => {
      const idag = new Date(`${f.idag ?? '2025-12-10'}T12:00:00Z`);
      const m = new Miljofabrik(store, () => idag).skapa(store.register.anvandare.get(MEGAN.anvandare), f.kontext);
      const r = besvara(f.fraga, m);
      assert.equal(r.fraga.avsikt, f.avsikt, 'avsikt');
      assert.equal(r.typ, 'svar');
      if (r.typ !== 'svar') return;
      const text = läsbar(r.svar.text).replace(/\*\*/g, '');
      if (f.enhet !== undefined) assert.equal(r.svar.kontext?.enhet ?? null, f.enhet, `enhet i: ${text.slice(0, 200)}`);
      if (f.period !== undefined) assert.equal(r.svar.kontext?.period ?? null, f.period, `period i: ${text.slice(0, 200)}`);
      for (const vantat of f.innehall ?? []) {
        const v = typeof vantat === 'function' ? vantat() : vantat;
        for (const del of Array.isArray(v) ? v : [v]) {
          if (typeof del === 'string') assert.ok(text.includes(läsbar(del)), `"${del}" saknas i:\n${text}`);
          else assert.match(text, del);
        }
      }
    });
  }
});
