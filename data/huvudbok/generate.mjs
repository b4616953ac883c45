#!/usr/bin/env node
// Generates an anonymised ledger export (huvudbok) for the demo municipality, Åsby kommun, as a Raindance-style
// Excel report: one row per ansvar code and account for December 2025, with the code and header mappings that
// let `npm run import` sum it per unit. Deterministic (seeded PRNG); the figures are synthetic, anchored on the
// demo's November rows (data/demo/utfall.csv): the year's budget, the pace of the outcome, the forecast.
// Run: node data/huvudbok/generate.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const HAR = dirname(fileURLToPath(import.meta.url));
const DEMO = join(HAR, '..', 'demo');
const PERIOD = 202512;

function slump(fro) {
  let a = fro >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = slump(20251231);
const tal = (s) => Number(s.replace(',', '.'));
const tiondelar = (tkr) => Math.round(tkr * 10);

const rader = (fil) =>
  readFileSync(join(DEMO, fil), 'utf-8')
    .trim()
    .split('\n')
    .slice(1)
    .map((r) => r.split(';'));
const enheter = rader('enheter.csv').map(([id, namn, , foralder]) => ({ id, namn, foralder }));
const lov = enheter.filter((e) => !enheter.some((x) => x.foralder === e.id));
const november = new Map(rader('utfall.csv').filter((r) => r[1] === '2025-11').map((r) => [r[0], r]));

// The chart of accounts: revenue (3xxx, credit: negative), staff (5xxx), purchases and other costs (4xxx, 6xxx, 7xxx).
const KONTON = [
  [3110, 'Taxor och avgifter', 'intakt'],
  [3410, 'Statsbidrag', 'intakt'],
  [3510, 'Försäljning av verksamhet', 'intakt'],
  [3610, 'Hyror och arrenden', 'intakt'],
  [4010, 'Köp av huvudverksamhet', 'kostnad'],
  [4060, 'Entreprenad', 'kostnad'],
  [4310, 'Förbrukningsinventarier', 'kostnad'],
  [4410, 'Livsmedel', 'kostnad'],
  [4510, 'Förbrukningsmaterial', 'kostnad'],
  [4610, 'Läkemedel och sjukvårdsmaterial', 'kostnad'],
  [5010, 'Månadslön', 'kostnad'],
  [5020, 'Timlön', 'kostnad'],
  [5030, 'Övertid och mertid', 'kostnad'],
  [5040, 'OB-tillägg', 'kostnad'],
  [5050, 'Semesterlön', 'kostnad'],
  [5110, 'Sjuklön', 'kostnad'],
  [5410, 'Arbetsgivaravgifter', 'kostnad'],
  [5510, 'Pensionskostnader', 'kostnad'],
  [5710, 'Inhyrd personal', 'kostnad'],
  [5810, 'Utbildning', 'kostnad'],
  [6010, 'Lokalhyra', 'kostnad'],
  [6110, 'El och värme', 'kostnad'],
  [6210, 'Städning', 'kostnad'],
  [6310, 'Telefoni och IT', 'kostnad'],
  [6410, 'Resor och transporter', 'kostnad'],
  [6510, 'Leasing av fordon', 'kostnad'],
  [6610, 'Konsulttjänster', 'kostnad'],
  [6710, 'Försäkringar', 'kostnad'],
  [6910, 'Övriga tjänster', 'kostnad'],
  [7010, 'Avskrivningar', 'kostnad'],
  [7110, 'Internränta', 'kostnad'],
  [7310, 'Interna tjänster', 'kostnad'],
];

/** Splits a sum in tenths of tkr into n parts with random weights, exactly. */
function dela(summa, vikter) {
  const total = vikter.reduce((a, b) => a + b, 0);
  const delar = vikter.map((v) => Math.round((summa * v) / total));
  delar[delar.length - 1] += summa - delar.reduce((a, b) => a + b, 0);
  return delar;
}

const kodmappning = [];
const export_ = [];
let nasta = 1;
for (const enhet of lov) {
  const nov = november.get(enhet.id);
  if (!nov) continue;
  const [, , , utfallNov, budgetHelar, prognosHelar] = nov;
  const budget = tiondelar(tal(budgetHelar));
  const takt = tal(utfallNov) / 11;
  const utfall = tiondelar(tal(utfallNov) + takt * (0.9 + rnd() * 0.25));
  const prognos = tiondelar(tal(prognosHelar) * (0.99 + rnd() * 0.02));
  const antalKoder = 3 + Math.floor(rnd() * 3);
  const koder = [];
  for (let i = 0; i < antalKoder; i++) {
    const kod = String(10000 + nasta++ * 37);
    koder.push(kod);
    kodmappning.push([kod, enhet.id]);
  }
  const kodvikter = koder.map(() => 0.5 + rnd());
  const perKod = (summa) => dela(summa, kodvikter);
  const [b, u, p] = [perKod(budget), perKod(utfall), perKod(prognos)];
  koder.forEach((kod, k) => {
    const konton = KONTON.filter(() => rnd() < 0.92);
    // revenue is about a tenth of the gross cost; every column's accounts sum exactly to the code's net figure
    const vikter = konton.map(([, , slag]) => (slag === 'intakt' ? -(0.01 + rnd() * 0.05) : 0.02 + rnd()));
    const fordela = (netto) => {
      const skala = netto / vikter.reduce((a, v) => a + v, 0);
      const delar = vikter.map((v) => Math.round(v * skala));
      delar[delar.length - 1] += netto - delar.reduce((a, d) => a + d, 0);
      return delar;
    };
    const [kb, ku, kp] = [fordela(b[k]), fordela(u[k]), fordela(p[k])];
    konton.forEach(([konto, namn], i) => {
      export_.push([kod, `${enhet.namn} ${k + 1}`, konto, namn, PERIOD, kb[i] / 10, ku[i] / 10, kb[i] / 10, kp[i] / 10]);
    });
  });
}

const bok = new ExcelJS.Workbook();
bok.creator = 'Raindance (syntetisk export)';
bok.created = new Date('2026-01-05T07:00:00Z');
bok.modified = bok.created;
const blad = bok.addWorksheet('Huvudbok december');
blad.addRow(['Ansvar', 'Ansvar benämning', 'Konto', 'Konto benämning', 'Period', 'Budget ack', 'Utfall ack', 'Årsbudget', 'Prognos helår']);
for (const r of export_) blad.addRow(r);
for (const c of [6, 7, 8, 9]) blad.getColumn(c).numFmt = '# ##0.0';
blad.views = [{ state: 'frozen', ySplit: 1 }];
await bok.xlsx.writeFile(join(HAR, 'huvudbok.xlsx'));
writeFileSync(join(HAR, 'kodmappning.csv'), `kod;enhet\n${kodmappning.map((r) => r.join(';')).join('\n')}\n`);
writeFileSync(join(HAR, 'rubrikmappning.csv'), 'rubrik;kolumn\nAnsvar;kod\nÅrsbudget;budget_helar\n');
process.stdout.write(`${export_.length} kontorader, ${kodmappning.length} ansvarskoder, ${new Set(kodmappning.map((r) => r[1])).size} enheter\n`);
