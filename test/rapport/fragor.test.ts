// How the monthly report is asked for (issue 19): language/ reads the request, the unit and the month.
import assert from 'node:assert/strict';
import { valjRapportenhet } from '../../src/answers/manadsrapportsvar.js';
import { Miljofabrik } from '../../src/answers/svarsmiljo.js';
import type { Enhetsindex } from '../../src/language/enheter.js';
import { tolkaFraga } from '../../src/language/tolka.js';
import { DEMO_NU, demoStore } from '../support/demo.js';
import { join } from 'node:path';
import { VASTERVIK, VASTERVIK_NU, kommunStore } from './stod.js';

describe('månadsrapporten: frågan', () => {
  let index: Enhetsindex;
  before(async () => {
    index = new Miljofabrik(await demoStore(), () => new Date(DEMO_NU)).skapa(undefined, undefined).index;
  });
  const fraga = (text: string) => tolkaFraga(text, index, '2025-12');

  const fall: Array<[string, string[], 'kommun' | 'nämnd' | null, string | undefined]> = [
    ['månadsrapport för socialnämnden', ['sn'], null, undefined],
    ['Månadsrapporten för SN', ['sn'], null, undefined],
    ['ge mig månadsrapporten för vård och stöd', ['vos'], null, undefined],
    ['rapport till nämnden november', [], 'nämnd', '2025-11'],
    ['nämndrapporten för oktober', [], 'nämnd', '2025-10'],
    ['ks-rapporten', [], 'kommun', undefined],
    ['KS-rapporten för oktober', [], 'kommun', '2025-10'],
    ['rapporten till kommunstyrelsen', [], 'kommun', undefined],
    ['månadsrapport för kommunen', ['kommun'], null, undefined],
    ['manadsrapport bildningsnamnden', ['bn'], null, undefined],
    ['rapport för IFO oktober', ['ifo'], null, '2025-10'],
    ['monthly report for IFO', ['ifo'], null, undefined],
    ['board report for november', [], 'nämnd', '2025-11'],
    ['monthly report for the municipality', [], 'kommun', undefined],
  ];
  for (const [text, enheter, mottagare, period] of fall) {
    it(`"${text}"`, () => {
      const f = fraga(text);
      assert.equal(f.avsikt, 'manadsrapport');
      assert.deepEqual(
        f.enheter.map((e) => e.id),
        enheter,
      );
      assert.equal(f.rapportmottagare, mottagare);
      assert.equal(f.tid.period, period);
      assert.equal(f.okantNamn, null, 'the words of the request name no unit');
    });
  }

  it('en okänd enhet i begäran sägs som okänd; rapportering och andra frågor är inte rapporten', () => {
    assert.equal(fraga('månadsrapport för simhallen').okantNamn, 'simhallen');
    assert.equal(fraga('rapportera för IFO').avsikt, 'rapportera');
    assert.equal(fraga('rapportering för IFO november').avsikt, 'rapportera');
    assert.equal(fraga('hur ligger IFO mot budget?').avsikt, 'status');
    assert.equal(fraga('visa historik för IFO november').avsikt, 'historik');
    assert.equal(fraga('hur ligger IFO').rapportmottagare, null);
  });
});

describe('månadsrapporten: vilken enhet, där kommunstyrelsen också är en enhet (Västervik)', () => {
  let miljo: ReturnType<Miljofabrik['skapa']>;
  before(async () => {
    miljo = new Miljofabrik(await kommunStore(VASTERVIK, VASTERVIK_NU), () => VASTERVIK_NU).skapa(undefined, undefined);
  });
  const enhet = (text: string) => {
    const f = tolkaFraga(text, miljo.index, miljo.nu);
    assert.equal(f.avsikt, 'manadsrapport', text);
    const val = valjRapportenhet(f, miljo);
    assert.ok(val.ok, text);
    return val.enhet.id;
  };

  it('"ks-rapporten" och "rapport till kommunstyrelsen" gäller hela kommunen', () => {
    assert.equal(enhet('ks-rapporten'), 'vastervik');
    assert.equal(enhet('rapport till kommunstyrelsen'), 'vastervik');
    assert.equal(enhet('KS-rapporten för november'), 'vastervik');
  });

  it('"månadsrapport för KS" gäller kommunstyrelsen själv, och en nämnd som nämns vinner över mottagaren', () => {
    assert.equal(enhet('månadsrapport för KS'), 'ks');
    assert.equal(enhet('månadsrapport för kommunstyrelsen'), 'ks');
    assert.equal(enhet('rapport till kommunstyrelsen för socialnämnden'), 'sn');
  });
});

// Askersund has a KPI "… försörjningsstöd längre än 3 månader": "månadsrapport" is near enough "månader" to have
// been read as that KPI, and the report never came.
describe('månadsrapporten: begäran är inget nyckeltal eller åtgärd, hur likt ordet än är (Askersund)', () => {
  let miljo: ReturnType<Miljofabrik['skapa']>;
  before(async () => {
    const nu = new Date('2025-02-14T12:00:00Z');
    miljo = new Miljofabrik(await kommunStore(join(process.cwd(), 'test', 'kommuner', 'askersund'), nu), () => nu).skapa(
      undefined,
      undefined,
    );
  });
  const fraga = (text: string) => tolkaFraga(text, miljo.index, miljo.nu);

  for (const text of ['månadsrapport för socialnämnden', 'månadsrapporten för socialnämnden', 'månadsuppföljning för socialnämnden']) {
    it(`"${text}"`, () => {
      const f = fraga(text);
      assert.equal(f.avsikt, 'manadsrapport');
      assert.equal(f.nyckeltal, null);
      assert.deepEqual(
        f.enheter.map((e) => e.id),
        ['sn'],
      );
    });
  }

  it('nyckeltalet nås fortfarande med sina egna ord', () => {
    const f = fraga('hur många unga har haft försörjningsstöd längre än 3 månader?');
    assert.equal(f.avsikt, 'nyckeltal');
    assert.match(f.nyckeltal ?? '', /försörjningsstöd längre än 3 månader/);
  });
});
