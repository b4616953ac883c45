import assert from 'node:assert/strict';
import { Register } from '../../src/domain/register.js';
import { type Dokument, type Utfall, tomtDokument } from '../../src/domain/schema.js';
import { avvikelse, manadsvarde, procentAvBudget, senastePeriodFor, siffrorFor } from '../../src/domain/siffror.js';

function rad(enhet: string, period: string, budget_ack: number, utfall_ack: number, extra: Partial<Utfall> = {}): Utfall {
  return {
    enhet,
    period,
    budget_ack,
    utfall_ack,
    budget_helar: null,
    prognos_helar: null,
    kommentar: null,
    kalla: null,
    version: 1,
    rapporterad_av: 'test',
    rapporterad: '2025-12-01T10:00:00.000Z',
    ...extra,
  };
}

function register(utfall: Utfall[]): Register {
  const dok: Dokument = tomtDokument();
  dok.enheter = [
    { id: 'k', namn: 'Kommunen', typ: 'kommun', foralder: null, alias: [] },
    { id: 'sn', namn: 'Socialnämnden', typ: 'nämnd', foralder: 'k', alias: [] },
    { id: 'a', namn: 'A', typ: 'verksamhet', foralder: 'sn', alias: [] },
    { id: 'b', namn: 'B', typ: 'verksamhet', foralder: 'sn', alias: [] },
    { id: 'c', namn: 'C', typ: 'verksamhet', foralder: 'sn', alias: [] },
  ];
  dok.utfall = utfall;
  return new Register(dok);
}

describe('siffror: avvikelse och summering', () => {
  it('avvikelse = budget − utfall; minus är underskott (seed 003)', () => {
    assert.equal(avvikelse(259458, 277253.6), -17795.6);
    assert.equal(avvikelse(70692, 62894), 7798);
    assert.equal(Math.round(procentAvBudget(259458, 277253.6)! * 10) / 10, 106.9);
    assert.equal(procentAvBudget(0, 5), null);
  });

  it('en förälder utan egen rad är summan av barnen och säger hur många som rapporterat', () => {
    const reg = register([
      rad('a', '2025-11', 100, 120, { budget_helar: 120, prognos_helar: 130 }),
      rad('b', '2025-11', 50, 40, { budget_helar: 60, prognos_helar: 55 }),
    ]);
    const s = siffrorFor(reg, 'sn', '2025-11')!;
    assert.equal(s.budget_ack, 150);
    assert.equal(s.utfall_ack, 160);
    assert.equal(s.avvikelse, -10);
    assert.equal(s.budget_helar, 180);
    assert.equal(s.prognos_helar, 185);
    assert.equal(s.prognosavvikelse, -5);
    assert.deepEqual(s.rapporterade, { antal: 2, av: 3 });
    assert.equal(siffrorFor(reg, 'k', '2025-11')!.utfall_ack, 160);
  });

  it('en egen rad går före barnens summa', () => {
    const reg = register([rad('a', '2025-11', 100, 120), rad('sn', '2025-11', 1000, 990)]);
    const s = siffrorFor(reg, 'sn', '2025-11')!;
    assert.equal(s.utfall_ack, 990);
    assert.equal(s.rapporterade, null);
  });

  it('prognos saknas när något barn saknar den', () => {
    const reg = register([rad('a', '2025-11', 100, 120, { budget_helar: 120, prognos_helar: 130 }), rad('b', '2025-11', 50, 40)]);
    assert.equal(siffrorFor(reg, 'sn', '2025-11')!.prognosavvikelse, null);
  });

  it('senaste versionen gäller', () => {
    const reg = register([rad('a', '2025-11', 100, 120), rad('a', '2025-11', 100, 110, { version: 2 })]);
    assert.equal(siffrorFor(reg, 'a', '2025-11')!.utfall_ack, 110);
  });

  it('månadsvärdet är skillnaden mot förra månaden, och januari är sitt eget', () => {
    const reg = register([rad('a', '2025-01', 10, 12), rad('a', '2025-02', 20, 25)]);
    assert.deepEqual(manadsvarde(reg, 'a', '2025-02'), { budget: 10, utfall: 13, avvikelse: -3 });
    assert.deepEqual(manadsvarde(reg, 'a', '2025-01'), { budget: 10, utfall: 12, avvikelse: -2 });
  });

  it('senaste period med siffror, inte efter klockan', () => {
    const reg = register([rad('a', '2025-10', 1, 1), rad('b', '2025-11', 1, 1), rad('b', '2026-01', 1, 1)]);
    assert.equal(senastePeriodFor(reg, 'sn', '2025-12'), '2025-11');
    assert.equal(senastePeriodFor(reg, 'a'), '2025-10');
    assert.equal(siffrorFor(reg, 'c', '2025-11'), null);
  });
});

// An import adds thousands of units one at a time; the tree is kept in step without being rebuilt for each.
describe('registret: enheter som läggs till och ändras en i taget', () => {
  const trad = (reg: Register) =>
    Object.fromEntries([...reg.enheter.keys()].map((id) => [id, reg.barnTill(id).map((e) => `${e.id}:${e.namn}`)]));

  it('ger samma träd och samma summor som ett register byggt från början', () => {
    const reg = register([rad('a', '2025-11', 100, 110), rad('b', '2025-11', 50, 40), rad('d', '2025-11', 10, 12)]);
    assert.equal(siffrorFor(reg, 'sn', '2025-11')?.utfall_ack, 150);
    const andringar: Dokument['enheter'] = [
      { id: 'd', namn: 'D', typ: 'verksamhet', foralder: 'sn', alias: [] },
      { id: 'b', namn: 'B omdöpt', typ: 'verksamhet', foralder: 'sn', alias: [] },
      { id: 'an', namn: 'Annan nämnd', typ: 'nämnd', foralder: 'k', alias: [] },
      { id: 'c', namn: 'C', typ: 'verksamhet', foralder: 'an', alias: [] },
      { id: 'a', namn: 'A flyttad', typ: 'verksamhet', foralder: 'an', alias: [] },
    ];
    for (const e of andringar) {
      const fore = reg.enhetsgeneration;
      const i = reg.dokument.enheter.findIndex((x) => x.id === e.id);
      if (i >= 0) reg.dokument.enheter[i] = e;
      else reg.dokument.enheter.push(e);
      reg.indexeraEnhet(e);
      assert.ok(reg.enhetsgeneration > fore);
      const fran = new Register(reg.dokument);
      assert.deepEqual(trad(reg), trad(fran), `efter ${e.id}`);
      for (const id of ['k', 'sn', 'an'])
        assert.deepEqual(siffrorFor(reg, id, '2025-11'), siffrorFor(fran, id, '2025-11'), `${id} efter ${e.id}`);
    }
    assert.deepEqual(
      reg.barnTill('sn').map((e) => e.namn),
      ['B omdöpt', 'D'],
    );
    assert.equal(siffrorFor(reg, 'an', '2025-11')?.utfall_ack, 110);
  });
});
