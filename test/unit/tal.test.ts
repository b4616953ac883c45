import assert from 'node:assert/strict';
import { formatForandring, formatProcent, formatTal, formatTkr, tolkaTal } from '../../src/domain/tal.js';

describe('tal: svenska belopp in och ut', () => {
  const fall: Array<[string, number, 'tkr' | 'procent']> = [
    ['17 795,6', 17795.6, 'tkr'],
    ['-1651,4', -1651.4, 'tkr'],
    ['- 1651,4', -1651.4, 'tkr'],
    ['\u221217 795,6', -17795.6, 'tkr'],
    ['\u2013 17 795,6', -17795.6, 'tkr'],
    ['277\u00a0253,6', 277253.6, 'tkr'],
    ['277\u202f253,6', 277253.6, 'tkr'],
    ['259 458', 259458, 'tkr'],
    ['259458', 259458, 'tkr'],
    ['70 692 tkr', 70692, 'tkr'],
    ['13,1 mnkr', 13100, 'tkr'],
    ['-13,1 mnkr', -13100, 'tkr'],
    ['-5,4 mkr', -5400, 'tkr'],
    ['ca 300 tkr', 300, 'tkr'],
    ['cirka 170 tusen kronor', 170, 'tkr'],
    ['1 605 000 kr', 1605, 'tkr'],
    ['107%', 107, 'procent'],
    ['107 %', 107, 'procent'],
    ['4,12 %', 4.12, 'procent'],
    ['10,74%', 10.74, 'procent'],
    ['2.500', 2500, 'tkr'],
    ['3.5', 3.5, 'tkr'],
    ['0', 0, 'tkr'],
  ];
  for (const [text, varde, enhet] of fall) {
    it(`läser "${text}" som ${varde} ${enhet}`, () => {
      const t = tolkaTal(text);
      assert.ok(t.ok, `kunde inte läsa "${text}"`);
      assert.equal(t.varde, varde);
      assert.equal(t.enhet, enhet);
    });
  }

  for (const text of ['', '   ', 'abc', '12,3,4', '1e5', 'NaN', 'Infinity', '--5', '5-', '12 abc', '1'.repeat(50)]) {
    it(`vägrar "${text.slice(0, 20)}" med ett svenskt felmeddelande`, () => {
      const t = tolkaTal(text);
      assert.equal(t.ok, false);
      if (!t.ok) assert.match(t.fel, /inte ett tal|inget tal/);
    });
  }

  it('skriver som Intl sv-SE: U+2212 och hårt mellanslag', () => {
    assert.equal(formatTal(-17795.6), '\u221217\u00a0795,6');
    assert.equal(formatTkr(259458), '259\u00a0458\u00a0tkr');
    assert.equal(formatTal(-0.01), '0');
    assert.equal(formatTal(7798.96), '7\u00a0799');
  });

  it('procent med en decimal och mellanslag före tecknet', () => {
    assert.equal(formatProcent((277253.6 / 259458) * 100), '106,9\u00a0%');
    assert.equal(formatProcent(89), '89,0\u00a0%');
    assert.equal(formatProcent(107, 0), '107\u00a0%');
  });

  it('förändringar får tecken', () => {
    assert.equal(formatForandring(1420), '+1\u00a0420');
    assert.equal(formatForandring(-917.9), '\u2212917,9');
  });

  it('det som skrivs ut kan läsas in igen', () => {
    for (const v of [-17795.6, 259458, 0.5, -1651.4, 1234567.8]) {
      const t = tolkaTal(formatTal(v));
      assert.ok(t.ok);
      assert.equal(t.varde, v);
    }
  });
});
