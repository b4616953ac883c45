import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { besvara } from '../../src/answers/besvara.js';
import type { Svarsmiljo } from '../../src/answers/svar.js';
import { bindKort } from '../../src/cards/binda.js';
import { kortSomText } from '../../src/cards/somText.js';
import { Enhetsindex } from '../../src/language/enheter.js';
import { SKYDDADE_ORD } from '../../src/language/tolka.js';
import type { Store } from '../../src/store/store.js';
import { demoStore } from '../support/demo.js';
import { MAX_KORTSTORLEK, kortstorlek, kortvarningar } from '../support/kortvalidering.js';

/** Questions that between them make the bot send every kind of answer card. */
const FRAGOR = readFileSync(new URL('../fragor/fragor.test.ts', import.meta.url), 'utf-8')
  .split('\n')
  .map((r) => /^\s*(?:\{ )?fraga: '([^']+)'/.exec(r)?.[1])
  .filter((x): x is string => Boolean(x));

describe('kort: varje svarskort är ett giltigt Adaptive Card 1.5 under 28 KB', () => {
  let store: Store;
  let m: Svarsmiljo;
  before(async () => {
    store = await demoStore();
    m = {
      register: store.register,
      index: new Enhetsindex(store.register, SKYDDADE_ORD),
      nu: '2025-12',
      idag: new Date('2025-12-10T12:00:00Z'),
    };
  });

  it('frågorna ger alla svarsmallar', () => {
    const mallar = new Set<string>();
    for (const f of FRAGOR) {
      const r = besvara(f, m);
      if (r.typ === 'svar' && r.svar.kort) mallar.add(r.svar.kort.mall);
    }
    for (const mall of ['status', 'trend', 'fakta', 'tabell', 'atgard', 'jamforelse', 'hjalp', 'val'])
      assert.ok(mallar.has(mall), `ingen fråga gav kortet ${mall}`);
  });

  it('inget kort ger varningar i adaptivecards och inget är för stort', () => {
    let antal = 0;
    for (const f of FRAGOR) {
      const r = besvara(f, m);
      if (r.typ !== 'svar' || !r.svar.kort) continue;
      const kort = bindKort(r.svar.kort);
      assert.deepEqual(kortvarningar(kort), [], `${f}: ${r.svar.kort.mall}`);
      assert.ok(kortstorlek(kort) < MAX_KORTSTORLEK, `${f}: ${kortstorlek(kort)} byte`);
      assert.ok(!JSON.stringify(kort).includes('${'), `${f}: obundet uttryck i kortet`);
      antal++;
    }
    assert.ok(antal > 80, `bara ${antal} kort`);
  });

  it('kortet och texten visar samma siffror', () => {
    const r = besvara('hur ligger ifo mot budget', m);
    assert.equal(r.typ, 'svar');
    if (r.typ !== 'svar') return;
    const kort = kortSomText(bindKort(r.svar.kort!));
    for (const tal of r.svar.text.match(/\d[\d\u00a0]*(,\d)?\u00a0tkr/g) ?? []) {
      if (r.svar.text.indexOf(tal) < r.svar.text.indexOf('Sedan')) assert.ok(kort.includes(tal), `${tal} saknas i kortet`);
    }
  });

  it('kortet säger allt texten säger: åtgärdsplanens summor och flaggan för fel summa', () => {
    const r = besvara('visa åtgärdsplanen för vård och stöd', m);
    assert.equal(r.typ, 'svar');
    if (r.typ !== 'svar') return;
    const kort = kortSomText(bindKort(r.svar.kort!));
    assert.match(kort, /angivna summa \(13\u00a0149\u00a0tkr\) stämmer inte med summan av raderna \(13\u00a0549\u00a0tkr\)/);
    assert.match(kort, /Sparbeting 12\u00a0357\u00a0tkr/);
  });

  it('ett kort som bara finns i Teams (Chart.Line) skulle fångas av kontrollen', () => {
    assert.notDeepEqual(kortvarningar({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Chart.Line', title: 'x' }] }), []);
  });

  it('användarens text binds som data, aldrig som uttryck eller markup', () => {
    const kort = bindKort({
      mall: 'fakta',
      data: { rubrik: '${rubrik} **fet** <at>x</at>', undertitel: '', fakta: [{ title: '${1+1}', value: '"]}' }], rader: [] },
    });
    const text = kortSomText(kort);
    assert.match(text, /\$\{rubrik\} \*\*fet\*\*/);
    assert.match(text, /\$\{1\+1\}: "\]\}/);
    assert.deepEqual(kortvarningar(kort), []);
  });
});
