// The monthly report's view model (issue 19) for two municipalities: the demo (Åsby, four levels under the
// nämnder) and Västervik (verksamheter straight under the nämnder, a nämnd without units, real 2020 figures).
// Expected figures are computed from the CSVs, never from the bot.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Manadsrapport, type Rapportsiffror, manadsrapport } from '../../src/answers/manadsrapport.js';
import { ejRapporteratText } from '../../src/answers/manadsrapportsvar.js';
import { siffrorFor } from '../../src/domain/siffror.js';
import type { Store } from '../../src/store/store.js';
import { DEMO, DEMO_NU, demoStore, vantadeSiffror } from '../support/demo.js';
import { Kommundata } from '../kommuner/data.js';
import { VASTERVIK, VASTERVIK_NU, kommunStore, korrigera, rapporteraForst } from './stod.js';

const nara = (a: number | null | undefined, b: number | null | undefined, vad: string) => {
  assert.ok(a !== null && a !== undefined && b !== null && b !== undefined, `${vad}: ${a} / ${b}`);
  assert.ok(Math.abs(a - b) < 1e-6, `${vad}: ${a} ≠ ${b}`);
};

/** The rows' own sum, which must be the sum row when every unit has reported and the parent has no row of its own. */
function radsumma(vy: Manadsrapport): Pick<Rapportsiffror, 'budget_ack' | 'utfall_ack' | 'budget_helar' | 'prognos_helar'> {
  const s = vy.rader.map((r) => r.siffror!);
  const summa = (f: (x: Rapportsiffror) => number | null) => s.reduce((a, x) => a + (f(x) ?? 0), 0);
  return {
    budget_ack: summa((x) => x.budget_ack),
    utfall_ack: summa((x) => x.utfall_ack),
    budget_helar: summa((x) => x.budget_helar),
    prognos_helar: summa((x) => x.prognos_helar),
  };
}

function csvRader(fil: string): Array<Record<string, string>> {
  const [rubrik, ...rader] = readFileSync(fil, 'utf-8').trim().split('\n');
  const kolumner = rubrik.split(';');
  return rader.map((r) => Object.fromEntries(r.split(';').map((v, i) => [kolumner[i], v])));
}

describe('månadsrapporten: vymodellen för demokommunen (Åsby)', () => {
  let store: Store;
  const nu = () => new Date(DEMO_NU);
  beforeEach(async () => {
    store = await demoStore(nu);
  });

  it('Socialnämnden t.o.m. november: en rad per verksamhetsområde, summaraden är nämndens egna siffror (seed 003)', () => {
    const vy = manadsrapport(store.register, 'sn', '2025-11', nu())!;
    assert.equal(vy.enhetsnamn, 'Socialnämnden');
    assert.equal(vy.periodnamn, 'november 2025');
    assert.deepEqual(
      vy.rader.map((r) => r.namn),
      ['Vård och stöd', 'Individ- och familjeomsorg'],
    );
    for (const r of vy.rader) {
      const v = vantadeSiffror(r.enhetId, '2025-11');
      nara(r.siffror?.budget_ack, v.budget, `${r.namn} budget`);
      nara(r.siffror?.utfall_ack, v.utfall, `${r.namn} utfall`);
      nara(r.siffror?.avvikelse, v.budget - v.utfall, `${r.namn} avvikelse`);
      nara(r.siffror?.prognos_helar, v.prognosHelar, `${r.namn} prognos`);
    }
    // The protocol's own figures: 259 458 / 277 253,6 / −17 795,6 / 107 %.
    nara(vy.summa.siffror?.budget_ack, 259458, 'summa budget');
    nara(vy.summa.siffror?.utfall_ack, 277253.6, 'summa utfall');
    nara(vy.summa.siffror?.avvikelse, -17795.6, 'summa avvikelse');
    assert.equal(Math.round(vy.summa.siffror!.procent!), 107);
    const summa = radsumma(vy);
    for (const k of ['budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar'] as const) nara(summa[k], vy.summa.siffror?.[k], k);
    const s = siffrorFor(store.register, 'sn', '2025-11')!;
    assert.equal(vy.summa.siffror?.avvikelse, s.avvikelse, 'the same figure as the answers');
    assert.deepEqual(vy.ejRapporterade, []);
    assert.equal(vy.summa.rapporterade, null);
    assert.equal(ejRapporteratText(vy), null);
    assert.deepEqual(vy.korrigeringar, []);
    assert.ok(vy.rader.every((r) => !r.korrigerad));
  });

  it('hela kommunen: en rad per nämnd, och summan är kommunens', () => {
    const vy = manadsrapport(store.register, 'kommun', '2025-11', nu())!;
    assert.deepEqual(
      vy.rader.map((r) => r.enhetId),
      ['sn', 'sen', 'bn', 'mn'],
    );
    for (const r of vy.rader)
      nara(r.siffror?.avvikelse, vantadeSiffror(r.enhetId, '2025-11').budget - vantadeSiffror(r.enhetId, '2025-11').utfall, r.namn);
    const v = vantadeSiffror('kommun', '2025-11');
    nara(vy.summa.siffror?.budget_ack, v.budget, 'budget');
    nara(vy.summa.siffror?.utfall_ack, v.utfall, 'utfall');
    nara(vy.summa.siffror?.budget_helar, v.budgetHelar, 'årsbudget');
    nara(vy.summa.siffror?.prognos_helar, v.prognosHelar, 'prognos');
  });

  it('kommentarerna följer sin rad, med enheten som skrev dem', () => {
    const vy = manadsrapport(store.register, 'sn', '2025-11', nu())!;
    const ifo = vy.rader.find((r) => r.enhetId === 'ifo')!;
    const bou = csvRader(join(DEMO, 'utfall.csv')).find((r) => r.enhet === 'bou' && r.period === '2025-11')!;
    assert.ok(bou.kommentar.length > 0);
    assert.deepEqual(
      ifo.kommentarer.find((k) => k.enhet === 'Barn och unga'),
      { enhet: 'Barn och unga', text: bou.kommentar },
    );
    assert.ok(!ifo.kommentarer.some((k) => k.enhet === 'Hemtjänst'), "a row carries only its own units' comments");
    assert.deepEqual(vy.summa.kommentarer, [], 'the nämnd has no row of its own, so no comment of its own');
  });

  it('åtgärdsplanerna: antal per status och årets planerade och realiserade besparing, ur atgarder.csv', () => {
    const vy = manadsrapport(store.register, 'sn', '2025-11', nu())!;
    const rader = csvRader(join(DEMO, 'atgarder.csv'));
    const tal = (s: string | undefined) => (s ? Number(s.replace(',', '.')) : 0);
    assert.equal(vy.atgarder.ar, 2025);
    assert.equal(vy.atgarder.totalt.antal, rader.length);
    nara(
      vy.atgarder.totalt.planerat,
      rader.reduce((s, r) => s + tal(r.plan_2025), 0),
      'planerat 2025',
    );
    nara(
      vy.atgarder.totalt.realiserat,
      rader.reduce((s, r) => s + tal(r.utfall_2025), 0),
      'realiserat 2025',
    );
    for (const p of vy.atgarder.planer) {
      const egna = rader.filter((r) => r.enhet === p.enhetId);
      assert.equal(p.antal, egna.length);
      assert.equal(p.perStatus['försenad'], egna.filter((r) => r.status === 'försenad').length);
      assert.equal(p.perStatus['genomförd'], egna.filter((r) => r.status === 'genomförd').length);
    }
    assert.equal(vy.atgarder.planer.find((p) => p.enhetId === 'vos')?.sparbeting, 12357);
    // Servicenämnden has no measures.
    assert.deepEqual(manadsrapport(store.register, 'sen', '2025-11', nu())!.atgarder.planer, []);
  });

  it('en rättelse efter första rapporteringen markeras på sin rad och i listan, och summan följer med', async () => {
    const fore = manadsrapport(store.register, 'sn', '2025-11', nu())!;
    await korrigera(store, 'bou', '2025-11', { utfall_ack: 28974, kommentar: 'Ytterligare fakturor om 300 tkr.' });
    // A correction of another month does not mark November.
    await korrigera(store, 'hemtjanst', '2025-10', { utfall_ack: 1 });
    const vy = manadsrapport(store.register, 'sn', '2025-11', nu())!;
    assert.equal(vy.korrigeringar.length, 1);
    const k = vy.korrigeringar[0];
    assert.equal(k.namn, 'Barn och unga');
    assert.equal(k.radEnhet, 'ifo');
    assert.equal(k.version, 2);
    nara(k.forst, 21974 - 28674, 'avvikelse as first reported');
    nara(k.nu, 21974 - 28974, 'avvikelse now');
    assert.deepEqual(
      vy.rader.map((r) => [r.enhetId, r.korrigerad]),
      [
        ['vos', false],
        ['ifo', true],
      ],
    );
    nara(vy.summa.siffror?.utfall_ack, fore.summa.siffror!.utfall_ack + 300, 'the sum follows the correction');
    nara(vy.summa.siffror?.avvikelse, siffrorFor(store.register, 'sn', '2025-11')!.avvikelse, 'still the answers’ figure');
    assert.ok(vy.rader[1].kommentarer.some((x) => x.text === 'Ytterligare fakturor om 300 tkr.'));
  });

  it('en månad där bara några enheter har rapporterat: vilka som saknas, och att summorna är ofullständiga', async () => {
    await rapporteraForst(store, [
      { enhet: 'hemtjanst', period: '2025-12', budget_ack: 66000, utfall_ack: 70100 },
      { enhet: 'bou', period: '2025-12', budget_ack: 24000, utfall_ack: 31300 },
    ]);
    const vy = manadsrapport(store.register, 'sn', '2025-12', nu())!;
    const leaves = ['sabo', 'korttid', 'hsl', 'gruppbostad', 'daglig', 'persass', 'vuxen', 'ekbistand', 'flykting'];
    assert.deepEqual(
      vy.ejRapporterade.map((e) => e.id),
      leaves,
    );
    assert.deepEqual(vy.rader[0].rapporterade, { antal: 1, av: 7 });
    assert.deepEqual(vy.rader[1].rapporterade, { antal: 1, av: 4 });
    assert.deepEqual(vy.summa.rapporterade, { antal: 2, av: 11 });
    nara(vy.summa.siffror?.budget_ack, 90000, 'partial budget');
    nara(vy.summa.siffror?.avvikelse, 90000 - 101400, 'partial avvikelse');
    const text = ejRapporteratText(vy)!;
    assert.match(text, /^Ej rapporterat för december: Särskilt boende, Korttidsboende, .* och Flyktingmottagande\./);
    assert.match(text, /Summorna är ofullständiga: 2 av 11 enheter har rapporterat\./);
  });

  it('en nämnd med en egen rad: summaraden är den raden, och skillnaden mot raderna sägs', async () => {
    await rapporteraForst(store, [
      { enhet: 'sn', period: '2025-12', budget_ack: 283000, utfall_ack: 300000, kommentar: 'Nämndens bokslutsprognos.' },
      { enhet: 'hemtjanst', period: '2025-12', budget_ack: 66000, utfall_ack: 70100 },
    ]);
    const vy = manadsrapport(store.register, 'sn', '2025-12', nu())!;
    nara(vy.summa.siffror?.avvikelse, -17000, 'own row');
    assert.equal(vy.summa.rapporterade, null, 'the own row is complete');
    assert.deepEqual(vy.summa.kommentarer, [{ enhet: 'Socialnämnden', text: 'Nämndens bokslutsprognos.' }]);
    nara(vy.egenRadMotSumma, -17000 - (66000 - 70100), 'own row minus the rows');
    assert.equal(vy.rader[1].siffror, null, 'IFO has not reported');
    assert.match(ejRapporteratText(vy)!, /Summaraden är Socialnämndens egen rapporterade rad\./);
  });

  it('en enhet utan enheter under: bara summaraden', () => {
    const vy = manadsrapport(store.register, 'hemtjanst', '2025-11', nu())!;
    assert.deepEqual(vy.rader, []);
    nara(vy.summa.siffror?.avvikelse, 60531 - 64331, 'hemtjänst');
    assert.equal(manadsrapport(store.register, 'finns-inte', '2025-11', nu()), null);
  });
});

describe('månadsrapporten: vymodellen för en annan kommun (Västervik)', () => {
  let store: Store;
  const data = new Kommundata(VASTERVIK);
  before(async () => {
    store = await kommunStore(VASTERVIK, VASTERVIK_NU);
  });

  it('kommunen t.o.m. november 2021: en rad per nämnd, summan som kommunens, ur CSV:erna', () => {
    const vy = manadsrapport(store.register, 'vastervik', '2021-11', VASTERVIK_NU)!;
    assert.deepEqual(
      vy.rader.map((r) => r.enhetId),
      data.barn('vastervik'),
    );
    for (const r of vy.rader) {
      const v = data.krav(r.enhetId, '2021-11');
      nara(r.siffror?.budget_ack, v.budget, `${r.namn} budget`);
      nara(r.siffror?.utfall_ack, v.utfall, `${r.namn} utfall`);
      nara(r.siffror?.prognos_helar, v.prognosHelar, `${r.namn} prognos`);
    }
    const v = data.krav('vastervik', '2021-11');
    nara(vy.summa.siffror?.budget_ack, v.budget, 'summa budget');
    nara(vy.summa.siffror?.utfall_ack, v.utfall, 'summa utfall');
    const summa = radsumma(vy);
    nara(summa.budget_ack, vy.summa.siffror?.budget_ack, 'rows = sum row');
    nara(summa.utfall_ack, vy.summa.siffror?.utfall_ack, 'rows = sum row');
    assert.deepEqual(vy.ejRapporterade, []);
  });

  it('Socialnämnden i bokslutet 2020: resultatutjämningsfonden saknas, så summan är ofullständig', () => {
    const vy = manadsrapport(store.register, 'sn', '2020-12', VASTERVIK_NU)!;
    assert.deepEqual(
      vy.rader.map((r) => r.enhetId),
      data.barn('sn'),
    );
    assert.deepEqual(vy.ejRapporterade, [{ id: 'sn-ruf', namn: data.namn('sn-ruf') }]);
    const ruf = vy.rader.find((r) => r.enhetId === 'sn-ruf')!;
    assert.equal(ruf.siffror, null);
    assert.deepEqual(vy.summa.rapporterade, { antal: 5, av: 6 });
    nara(vy.summa.siffror?.utfall_ack, data.krav('sn', '2020-12').utfall, 'the five that reported');
    assert.match(ejRapporteratText(vy)!, /Summorna är ofullständiga: 5 av 6 enheter har rapporterat\./);
  });

  it('åtgärder på nämnden själv och på en verksamhet, utan planerade belopp', () => {
    const vy = manadsrapport(store.register, 'sn', '2021-11', VASTERVIK_NU)!;
    assert.deepEqual(
      vy.atgarder.planer.map((p) => [p.enhetId, p.antal, p.plan]),
      [
        ['sn', 5, 'Handlingsplan för ekonomi i balans'],
        ['sn-ifo', 1, 'Omställning Team Hemmaplan'],
      ],
    );
    assert.equal(vy.atgarder.totalt.planerat, 0);
    assert.ok(vy.atgarder.atgarder.every((a) => a.planerat === null));
  });
});
