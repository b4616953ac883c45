import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siffrorFor } from '../../src/domain/siffror.js';
import { Store } from '../../src/store/store.js';
import { csvSomArk, skrivArbetsbok, somExceldatum, somExceltal, type Varde } from '../support/arbetsbok.js';
import { importeraCli } from '../support/cli.js';
import { DEMO } from '../support/demo.js';

const RUBRIKER: Record<string, string> = {
  budget_ack: 'Budget ack',
  utfall_ack: 'Utfall ack',
  budget_helar: 'Budget helår',
  prognos_helar: 'Prognos  helår',
  kalla: 'Källa',
};
const BLADNAMN: Record<string, string> = {
  atgarder: 'Åtgärder',
  anvandare: 'Användare',
  trosklar: 'Trösklar',
  utfall: 'Utfall',
  enheter: 'ENHETER',
};

/** The demo as one workbook: headers written out, amounts as Excel numbers, periods as Excel dates. */
function demoArk(andra: (namn: string, rader: Varde[][]) => Varde[][] = (_, r) => r): Array<{ namn: string; rader: Varde[][] }> {
  return Object.entries(csvSomArk(DEMO)).map(([namn, { rubriker, rader }]) => {
    const rub = rubriker.map((r) => RUBRIKER[r] ?? r);
    const varden: Varde[][] = rader.map((rad) =>
      rad.map((v, i) => {
        if (v === '') return null;
        if (rubriker[i] === 'period' && namn === 'utfall') return somExceldatum(v);
        if (['id', 'enhet', 'foralder', 'nr', 'period'].includes(rubriker[i])) return v;
        return somExceltal(v);
      }),
    );
    return { namn: BLADNAMN[namn] ?? namn, rader: andra(namn, [rub, ...varden]) };
  });
}

async function skriv(mapp: string, namn: string, ark: Array<{ namn: string; rader: Varde[][] }>): Promise<string> {
  const fil = join(mapp, namn);
  writeFileSync(fil, await skrivArbetsbok(ark));
  return fil;
}

describe('import av Excel: npm run import -- <arbetsbok.xlsx>', function () {
  this.timeout(120000);
  let mapp: string;
  let csvStore: string;

  before(() => {
    mapp = mkdtempSync(join(tmpdir(), 'bk-excel-'));
    csvStore = join(mapp, 'csv.json');
    const r = importeraCli(DEMO, csvStore);
    assert.equal(r.kod, 0, r.fel);
  });

  it('en arbetsbok med ett blad per slag ger samma lagring som CSV-filerna', async () => {
    const bok = await skriv(mapp, 'demo.xlsx', demoArk());
    const store = join(mapp, 'xlsx.json');
    const r = importeraCli(bok, store);
    assert.equal(r.kod, 0, r.fel);
    assert.match(r.ut, /Importerat till .*enheter 32, utfall 483/);
    const a = await Store.oppna(csvStore);
    const b = await Store.oppna(store);
    const utanTid = (rader: ReadonlyArray<Record<string, unknown>>) => rader.map(({ rapporterad: _r, andrad: _a, ...rest }) => rest);
    for (const samling of ['enheter', 'utfall', 'atgarder', 'atgardsplaner', 'nyckeltal', 'anvandare', 'trosklar'] as const)
      assert.deepEqual(utanTid(b.dokument[samling] as never), utanTid(a.dokument[samling] as never), samling);
    assert.equal(siffrorFor(b.register, 'ifo', '2025-11')!.utfall_ack, siffrorFor(a.register, 'ifo', '2025-11')!.utfall_ack);
  });

  it('svensk text och Excel-tal, ÅÅÅÅ-MM som text och Excel-datum ger samma siffror', async () => {
    const store = join(mapp, 'text.json');
    assert.equal(importeraCli(DEMO, store).kod, 0);
    const bok = await skriv(mapp, 'utfall.xlsx', [
      {
        namn: 'Blad1',
        rader: [
          ['Enhet', 'PERIOD', 'budget ack', 'Utfall_ack', 'Budget helår', 'Prognos helår', 'Kommentar'],
          ['ifo', '2025-12', '17 795,6', '−1 651,4', 283000, '300 100', 'text'],
          ['hemtjanst', somExceldatum('2025-12'), 70692.5, 62894, null, null, null],
          ['bou', new Date('2025-12-31T00:00:00Z'), '1234,5', 1.234, null, null, null],
        ],
      },
    ]);
    const r = importeraCli(bok, store);
    assert.equal(r.kod, 0, r.fel);
    assert.match(r.ut, /utfall 3/);
    const s = await Store.oppna(store);
    const ifo = s.register.senasteVersion('ifo', '2025-12')!;
    assert.deepEqual([ifo.budget_ack, ifo.utfall_ack, ifo.budget_helar, ifo.prognos_helar], [17795.6, -1651.4, 283000, 300100]);
    const ht = s.register.senasteVersion('hemtjanst', '2025-12')!;
    assert.deepEqual([ht.budget_ack, ht.utfall_ack, ht.budget_helar], [70692.5, 62894, null]);
    const bu = s.register.senasteVersion('bou', '2025-12')!;
    assert.deepEqual([bu.budget_ack, bu.utfall_ack], [1234.5, 1.234], 'ett Excel-tal 1,234 är inte tusen');
  });

  it('varje slags felaktig rad nämns som fil:blad:rad; importen vägras och lagringen är orörd byte för byte', async () => {
    const store = join(mapp, 'dalig.json');
    copyFileSync(csvStore, store);
    copyFileSync(`${csvStore}.granskningslogg`, `${store}.granskningslogg`);
    const fore = readFileSync(store);
    const ark = demoArk((namn, r) => {
      if (namn === 'utfall')
        return [
          r[0],
          ['ifo', somExceldatum('2025-11'), 'abc', 90],
          ...r.slice(2),
          ['simhallen', somExceldatum('2025-11'), 100, 90, null, null],
          ['ifo', '2025-13', 100, 90, null, null],
          r[5],
        ];
      if (namn === 'enheter') return [...r, ['x', 'X', 'avdelning', 'sn']];
      if (namn === 'atgarder') return r.map((rad, i) => (i === 1 ? rad.map((v, j) => (r[0][j] === 'status' ? 'klar' : v)) : rad));
      if (namn === 'nyckeltal') return r.map((rad) => rad.filter((_, i) => i !== 3));
      return r;
    });
    ark.push({
      namn: 'Budget',
      rader: [
        ['konto', 'belopp'],
        ['4100', 12],
      ],
    });
    const r = importeraCli(await skriv(mapp, 'demo.xlsx', ark), store);
    assert.equal(r.kod, 1, r.ut);
    assert.match(r.fel, /Importen avbröts; inget har sparats/);
    for (const fel of [
      /^demo\.xlsx:Utfall:2: budget_ack: "abc" är inte ett tal$/m,
      /^demo\.xlsx:Utfall:485: okänd enhet "simhallen"$/m,
      /^demo\.xlsx:Utfall:486: period "2025-13" ska skrivas ÅÅÅÅ-MM/m,
      /^demo\.xlsx:Utfall:487: \w+ \d{4}-\d\d finns redan på rad 6$/m,
      /^demo\.xlsx:ENHETER:34: typ "avdelning" ska vara en av/m,
      /^demo\.xlsx:Åtgärder:2: status "klar" ska vara en av/m,
      /^demo\.xlsx:nyckeltal:1: kolumnen "varde" saknas/m,
      /^demo\.xlsx:Budget:1: bladet är inte ett av/m,
    ])
      assert.match(r.fel, fel);
    assert.ok(readFileSync(store).equals(fore), 'lagringen är orörd');
  });

  it('en fil som inte är en arbetsbok fast den heter .xlsx vägras', async () => {
    const fil = join(mapp, 'falsk.xlsx');
    writeFileSync(fil, 'enhet;period\nifo;2025-11\n');
    const store = join(mapp, 'falsk.json');
    copyFileSync(csvStore, store);
    copyFileSync(`${csvStore}.granskningslogg`, `${store}.granskningslogg`);
    const fore = readFileSync(store);
    const r = importeraCli(fil, store);
    assert.equal(r.kod, 1);
    assert.match(r.fel, /falsk\.xlsx: kan inte läsas som en Excel-arbetsbok/);
    assert.ok(readFileSync(store).equals(fore));
  });
});
