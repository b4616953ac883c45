import assert from 'node:assert/strict';
import { valjPeriod } from '../../src/answers/perioder.js';
import { ord } from '../../src/language/normalisera.js';
import { tolkaPeriod } from '../../src/language/perioder.js';
import { tolkaFraga } from '../../src/language/tolka.js';
import type { Store } from '../../src/store/store.js';
import { demoStore } from '../support/demo.js';
import { Miljofabrik } from '../../src/answers/svarsmiljo.js';

describe('perioder: tid i frågan, med injicerad klocka', () => {
  const nu = '2025-12';
  const fall: Array<[string, Partial<ReturnType<typeof tolkaPeriod>>]> = [
    ['t.o.m. oktober', { period: '2025-10' }],
    ['tom okt', { period: '2025-10' }],
    ['t o m oktober', { period: '2025-10' }],
    ['per sista oktober', { period: '2025-10' }],
    ['i oktober', { period: '2025-10' }],
    ['efter augusti', { period: '2025-08' }],
    ['oktober 2024', { period: '2024-10' }],
    ['2024', { period: '2024-12' }],
    ['förra månaden', { relativ: 'senaste_stangda' }],
    ['senaste månaden', { relativ: 'senaste_stangda' }],
    ['i år', { relativ: 'i_ar' }],
    ['hittills i år', { relativ: 'i_ar' }],
    ['i fjol', { relativ: 'i_fjol', period: '2024-12' }],
    ['T1', { period: '2025-04' }],
    ['tertial 2', { period: '2025-08' }],
    ['delåret', { period: '2025-08' }],
    ['bara månaden i oktober', { period: '2025-10', baraManaden: true }],
    ['senaste 6 månaderna', { senasteAntal: 6 }],
    ['sen sommaren', { fran: '2025-08' }],
  ];
  for (const [text, vantat] of fall) {
    it(`"${text}"`, () => {
      const p = tolkaPeriod(ord(text), nu);
      for (const [k, v] of Object.entries(vantat)) assert.deepEqual((p as unknown as Record<string, unknown>)[k], v, `${k} för "${text}"`);
    });
  }

  it('en månad senare än klockan är förra årets', () => {
    assert.equal(tolkaPeriod(ord('i december'), '2025-11').period, '2024-12');
    assert.equal(tolkaPeriod(ord('i december'), '2025-12').period, '2025-12');
  });

  describe('mot demodatan (senaste period november 2025)', () => {
    let store: Store;
    before(async () => {
      store = await demoStore();
    });
    const valj = (text: string, idag: string) => {
      const d = new Date(`${idag}T12:00:00Z`);
      const m = new Miljofabrik(store, () => d).skapa(undefined, undefined);
      const f = tolkaFraga(text, m.index, m.nu);
      return valjPeriod(f, f.enheter[0], m);
    };
    it('utan period: senaste med siffror', () => assert.deepEqual(valj('hur ligger ifo', '2025-12-10'), { ok: true, period: '2025-11' }));
    it('förra månaden i december är november', () =>
      assert.deepEqual(valj('hur låg ifo förra månaden', '2025-12-10'), { ok: true, period: '2025-11' }));
    it('förra månaden i november är oktober (november är inte stängd)', () =>
      assert.deepEqual(valj('hur låg ifo förra månaden', '2025-11-20'), { ok: true, period: '2025-10' }));
    it('i år: senaste perioden i år som har siffror', () =>
      assert.deepEqual(valj('hur går det för ifo i år', '2025-11-20'), { ok: true, period: '2025-11' }));
    it('2024 är helåret 2024', () => assert.deepEqual(valj('ifo 2024', '2025-12-10'), { ok: true, period: '2024-12' }));
    it('en period utan siffror får ett tydligt svar', () => {
      const v = valj('ifo t.o.m. december', '2026-01-15');
      assert.equal(v.ok, false);
      if (!v.ok) assert.match(v.text, /inga siffror för Individ- och familjeomsorg t\.o\.m\. december 2025 ännu.*november 2025/);
    });
    it('i år när året saknar siffror', () => {
      const v = valj('hur går det för ifo i år', '2026-02-01');
      assert.equal(v.ok, false);
      if (!v.ok) assert.match(v.text, /inga siffror .* för 2026/);
    });
  });
});

describe('perioder: månader i sammansatta ord', () => {
  for (const [text, period] of [
    ['novembersiffrorna', '2025-11'],
    ['oktoberutfallet för ifo', '2025-10'],
    ['augustiprognosen', '2025-08'],
    ['decemberrapporten 2024', '2024-12'],
  ] as const) {
    it(`"${text}" → ${period}`, () => assert.equal(tolkaPeriod(ord(text), '2025-12').period, period));
  }
  it('"förra månadens siffror" är senaste stängda månaden', () =>
    assert.equal(tolkaPeriod(ord('förra månadens siffror'), '2025-12').relativ, 'senaste_stangda'));
  it('ord som råkar heta som JavaScripts objektmetoder är inga perioder', () => {
    for (const o of ['constructor', 'constructors', 'tostring', 'valueof', '__proto__', 'hasownproperty']) {
      const p = tolkaPeriod(ord(`hur ligger ifo ${o}`), '2025-12');
      assert.equal(p.period, undefined, o);
      assert.equal(p.anvanda.size, 0, o);
    }
  });
  it('ord som bara börjar som en månad är inga månader', () => {
    for (const text of ['majoritet', 'marschen', 'junibacken']) assert.equal(tolkaPeriod(ord(text), '2025-12').period, undefined, text);
  });
});
