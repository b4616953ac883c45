// Writes the Västervik test municipality as import CSVs. Plain Node, deterministic: `node test/kommuner/vastervik/generera.mjs`.
// The year-end rows (2020-12, 2021-12) are Västerviks kommun's published driftsredovisning (see README.md);
// the months January–November 2021, the forecasts and most KPIs are synthesised and marked `syntetisk`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAPP = dirname(fileURLToPath(import.meta.url));
const AR2020 = 'vastervik.se årsredovisning 2020, driftsredovisning';
const AR2021 = 'vastervik.se årsredovisning 2021, driftsredovisning';

// id, namn, typ, förälder, alias
const ENHETER = [
  ['vastervik', 'Västerviks kommun', 'kommun', '', ''],
  ['ks', 'Kommunstyrelse', 'nämnd', 'vastervik', 'KS'],
  ['ks-politik', 'Politisk verksamhet', 'verksamhet', 'ks', ''],
  ['ks-ledning', 'Ledning', 'verksamhet', 'ks', 'Ledningskontor'],
  ['ks-sbf', 'Samhällsbyggnad', 'verksamhet', 'ks', ''],
  ['ks-kultur', 'Kultur', 'verksamhet', 'ks', ''],
  ['ks-ak', 'Arbete och kompetens', 'verksamhet', 'ks', 'Arbete o kompetens'],
  ['ks-kservice', 'Kommunservice', 'verksamhet', 'ks', ''],
  ['ks-rtj', 'Räddningstjänst', 'verksamhet', 'ks', ''],
  ['ks-prio', 'Prioriterade områden', 'verksamhet', 'ks', ''],
  ['bun', 'Barn- och utbildningsnämnd', 'nämnd', 'vastervik', 'BUN'],
  ['bun-gem', 'Gemensam verksamhet', 'verksamhet', 'bun', ''],
  ['bun-fsk', 'Förskola och familjedaghem', 'verksamhet', 'bun', ''],
  ['bun-grsk', 'Obligatorisk skola och fritidshem', 'verksamhet', 'bun', ''],
  ['bun-gy', 'Gymnasieskola, gymnasiesärskola', 'verksamhet', 'bun', ''],
  ['bun-komvux', 'Komvux och SFI', 'verksamhet', 'bun', ''],
  ['sn', 'Socialnämnd', 'nämnd', 'vastervik', 'SN'],
  ['sn-ao', 'Äldreomsorg', 'verksamhet', 'sn', ''],
  ['sn-ifo', 'Individ- och familjeomsorg', 'verksamhet', 'sn', 'IFO'],
  ['sn-of', 'OF, omsorg & stöd, funktionsneds.', 'verksamhet', 'sn', ''],
  ['sn-hsl', 'Hälso- och sjukvårdsverksamhet', 'verksamhet', 'sn', 'HSL'],
  ['sn-stab', 'Förvaltningsstab och SN', 'verksamhet', 'sn', ''],
  ['sn-ruf', 'Uttag ur resultatutjämningsfond', 'verksamhet', 'sn', ''],
  ['mbn', 'Miljö- och byggnadsnämnd', 'nämnd', 'vastervik', ''],
];

// Published net cost (nettokostnad) and budget, mnkr, as positive net costs: [netto2020, budget2020, netto2021, budget2021].
// null = the unit has no line that year.
const DRIFT = {
  'ks-politik': [11.9, 12.4, 12.6, 13.0],
  'ks-ledning': [71.9, 71.2, 61.1, 64.4],
  'ks-sbf': [117.3, 106.1, 124.9, 111.6],
  'ks-kultur': [52.8, 54.4, 53.5, 55.1],
  'ks-ak': [74.7, 78.9, 73.1, 81.9],
  'ks-kservice': [24.9, 26.1, 24.7, 27.5],
  'ks-rtj': [46.5, 46.9, 48.6, 48.4],
  'ks-prio': [15.9, 14.1, 12.2, 13.1],
  'bun-gem': [49.8, 47.9, 47.9, 47.5],
  'bun-fsk': [199.6, 201.6, 202.2, 204.4],
  'bun-grsk': [427.2, 428.3, 440.8, 436.6],
  'bun-gy': [162.1, 162.2, 167.4, 164.9],
  'bun-komvux': [18.6, 22.3, 20.0, 23.7],
  'sn-ao': [421.4, 433.3, 431.2, 445.1],
  'sn-ifo': [89.7, 77.6, 100.2, 93.2],
  'sn-of': [260.1, 263.4, 264.6, 267.8],
  'sn-hsl': [107.8, 105.4, 120.3, 115.5],
  'sn-stab': [37.7, 38.9, 34.1, 34.3],
  'sn-ruf': [null, null, 0.0, 8.7],
  mbn: [12.7, 15.0, 14.4, 15.5],
};

// Comments on the year-end 2021 rows: text from Västervik's own report where marked, else synthesised.
const KOMMENTAR_2021 = {
  'ks-ak':
    'Antal hushåll med behov av försörjningsstöd har fortsatt att minska, 459 hushåll beviljades försörjningsstöd (2020: 569 hushåll). Nettokostnaden för försörjningsstöd har minskat med 4,4 mnkr.',
  'ks-sbf':
    'Pandemin har medfört att snabba insatser behövt vidtas och ett ökat nyttjande av utomhusvistelsemiljöer har lett till utökade insatser.',
  'sn-ifo': 'Syntetisk kommentar: fler externa placeringar av barn och unga än budgeterat, främst HVB.',
  'sn-hsl': 'Syntetisk kommentar: ökade kostnader för bemanning och skyddsutrustning under pandemin.',
};
const KOMMENTAR_MANAD = {
  'sn-ifo|2021-08': 'Syntetisk kommentar: två nya HVB-placeringar under sommaren.',
  'ks-sbf|2021-04': 'Syntetisk kommentar: vinterväghållningen blev dyrare än budgeterat.',
};

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hash = (s) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
const tkr = (mnkr) => Math.round(mnkr * 1000);
const r1 = (v) => Math.round(v * 10) / 10;
const sv = (v) => String(v).replace('.', ',');

function profil(id) {
  // share of the year's budget per month: schools dip in July, care rises with holiday cover, the rest even
  if (id.startsWith('bun')) return [1, 1, 1, 1, 1, 1, 0.45, 0.85, 1.05, 1.05, 1.05, 1.05];
  if (id.startsWith('sn')) return [0.97, 0.95, 0.98, 0.97, 0.98, 1.05, 1.15, 1.12, 0.96, 0.96, 0.95, 0.96];
  if (id === 'ks-sbf') return [1.25, 1.2, 1.05, 0.9, 0.85, 0.85, 0.75, 0.8, 0.9, 1.0, 1.1, 1.35];
  return Array(12).fill(1);
}

const utfall = [['enhet', 'period', 'budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar', 'kommentar', 'kalla']];
for (const [id, [n20, b20, n21, b21]] of Object.entries(DRIFT)) {
  if (n20 !== null) utfall.push([id, '2020-12', tkr(b20), tkr(n20), tkr(b20), tkr(n20), '', AR2020]);
  const budget = tkr(b21);
  const slut = tkr(n21);
  const avvikelse = budget - slut;
  const p = profil(id);
  const summa = p.reduce((a, b) => a + b, 0);
  const slump = prng(hash(id));
  let andel = 0;
  let vikt = 0;
  const steg = Array.from({ length: 12 }, () => 0.65 + slump() * 0.7);
  const stegsumma = steg.reduce((a, b) => a + b, 0);
  for (let m = 1; m <= 12; m++) {
    andel += p[m - 1];
    vikt += steg[m - 1];
    const period = `2021-${String(m).padStart(2, '0')}`;
    const budgetAck = m === 12 ? budget : Math.round((budget * andel) / summa);
    const avvAck = m === 12 ? avvikelse : r1((avvikelse * vikt) / stegsumma);
    const utfallAck = m === 12 ? slut : r1(budgetAck - avvAck);
    const prognos = m === 12 ? slut : m === 1 ? budget : Math.round((budget - avvikelse * (0.35 + (0.6 * m) / 12)) / 100) * 100;
    const kommentar = m === 12 ? (KOMMENTAR_2021[id] ?? '') : (KOMMENTAR_MANAD[`${id}|${period}`] ?? '');
    utfall.push([id, period, budgetAck, sv(utfallAck), budget, prognos, kommentar, m === 12 ? AR2021 : 'syntetisk']);
  }
}

const nyckeltal = [['enhet', 'period', 'nyckeltal', 'varde', 'mal', 'kalla']];
const PERSONAL = 'vastervik.se årsredovisning 2022, väsentliga personalförhållanden';
const arsarbetare = { 2018: 3141, 2019: 3113, 2020: 3125, 2021: 3169 };
const tillsvidare = { 2018: 2915, 2019: 2916, 2020: 2911, 2021: 2976 };
const visstid = { 2018: 339, 2019: 303, 2020: 292, 2021: 266 };
for (const ar of [2018, 2019, 2020, 2021]) {
  nyckeltal.push(['vastervik', `${ar}-11`, 'Antalet årsarbetare', arsarbetare[ar], '', PERSONAL]);
  nyckeltal.push(['vastervik', `${ar}-11`, 'Antalet tillsvidareanställda', tillsvidare[ar], '', PERSONAL]);
  nyckeltal.push(['vastervik', `${ar}-11`, 'Visstidsanställda', visstid[ar], '', PERSONAL]);
}
nyckeltal.push(['ks-ak', '2020-12', 'Antal hushåll med försörjningsstöd', 569, '', 'vastervik.se årsredovisning 2021, kommunstyrelse']);
nyckeltal.push(['ks-ak', '2021-12', 'Antal hushåll med försörjningsstöd', 459, '', 'vastervik.se årsredovisning 2021, kommunstyrelse']);
const SJUK = { ks: 5.2, bun: 6.4, sn: 8.9, mbn: 4.1 };
for (const [id, niva] of Object.entries(SJUK)) {
  const slump = prng(hash(`sjuk-${id}`));
  for (let m = 1; m <= 11; m++) {
    const sasong = [1.25, 1.2, 1.05, 0.95, 0.9, 0.85, 0.7, 0.8, 1.0, 1.05, 1.1][m - 1];
    const period = `2021-${String(m).padStart(2, '0')}`;
    const varde = Math.round(niva * sasong * (0.95 + slump() * 0.1) * 100) / 100;
    nyckeltal.push([id, period, 'Sjukfrånvaro', sv(varde), '7', 'syntetisk']);
    nyckeltal.push([id, period, 'Långtidssjukfrånvaro', sv(Math.round(varde * 0.42 * 100) / 100), '', 'syntetisk']);
  }
  nyckeltal.push([id, '2020-12', 'Personalomsättning', sv(Math.round(niva * 1.4 * 10) / 10), '10', 'syntetisk']);
  nyckeltal.push([id, '2021-12', 'Personalomsättning', sv(Math.round(niva * 1.3 * 10) / 10), '10', 'syntetisk']);
}
nyckeltal.push(['bun-grsk', '2020-10', 'Andel behöriga lärare', '71,4', '', 'syntetisk']);
nyckeltal.push(['bun-grsk', '2021-10', 'Andel behöriga lärare', '73,9', '', 'syntetisk']);
nyckeltal.push(['bun-gy', '2020-10', 'Andel behöriga lärare', '80,2', '', 'syntetisk']);
nyckeltal.push(['bun-gy', '2021-10', 'Andel behöriga lärare', '78,6', '', 'syntetisk']);
nyckeltal.push(['sn-ao', '2020-12', 'Kostnad per brukare', '298400', '', 'syntetisk']);
nyckeltal.push(['sn-ao', '2021-12', 'Kostnad per brukare', '306900', '', 'syntetisk']);

const atgarder = [['enhet', 'nr', 'atgard', 'ansvarig', 'tidplan', 'uppfoljning', 'kategori', 'status', 'kommentar']];
const SEED002 = [
  ['Prognosmodell för behov av LSS-bostäder', 'genomförd', 'A'],
  ['Genomlysning av resursfördelning inom nämndens verksamhetsområden', 'pågår', 'A'],
  ['Projekt för att skapa gemensam verksamhetsdata för styrning och uppföljning', 'pågår', 'A'],
  ['Förvaltningsmodell för omsorgs- och socialförvaltningens verksamhetssystem', 'genomförd', 'A'],
  ['Resursfördelningsmodell LSS från kommunfullmäktige till nämnd', 'ej påbörjad', 'B'],
];
SEED002.forEach(([namn, status, kategori], i) =>
  atgarder.push(['sn', i + 1, namn, 'Socialchef', '2021', 'Tertialvis i socialnämnden', kategori, status, '']),
);
atgarder.push([
  'sn-ifo',
  1,
  'Team Hemmaplan',
  'IFO-chef',
  '2021–2022',
  'Månadsvis, placeringsuppföljning',
  'A',
  'pågår',
  'Omställning till insatser på hemmaplan i stället för externa placeringar.',
]);
const atgardsplaner = [
  ['enhet', 'namn', 'sparbeting', 'angiven_summa'],
  ['sn', 'Handlingsplan för ekonomi i balans', '', ''],
  ['sn-ifo', 'Omställning Team Hemmaplan', '', ''],
];
const anvandare = [
  ['id', 'namn', 'roll', 'enheter'],
  ['0b9e7c2d-41a6-4f3e-8c55-7d1e2a9b3c01', 'Anna Sjöberg', 'controller', 'sn'],
  ['0b9e7c2d-41a6-4f3e-8c55-7d1e2a9b3c02', 'Per Nilsson', 'chef', 'sn-ifo'],
  ['0b9e7c2d-41a6-4f3e-8c55-7d1e2a9b3c03', 'Eva Lund', 'admin', 'vastervik'],
  ['0b9e7c2d-41a6-4f3e-8c55-7d1e2a9b3c04', 'Johan Ström', 'controller', 'bun|ks'],
];
const trosklar = [
  ['enhet', 'varning_procent', 'kritisk_procent', 'varning_prognos_tkr', 'kritisk_prognos_tkr'],
  ['vastervik', '102', '105', '-1000', '-5000'],
  ['sn-ifo', '101', '103', '-500', '-2000'],
];

const skriv = (fil, rader) => {
  for (const r of rader) for (const f of r) if (/[;"\n]/.test(String(f))) throw new Error(`${fil}: fältet behöver citattecken: ${f}`);
  writeFileSync(join(MAPP, fil), rader.map((r) => r.join(';')).join('\n') + '\n');
};
skriv('enheter.csv', [['id', 'namn', 'typ', 'foralder', 'alias'], ...ENHETER]);
skriv('utfall.csv', utfall);
skriv('nyckeltal.csv', nyckeltal);
skriv('atgarder.csv', atgarder);
skriv('atgardsplaner.csv', atgardsplaner);
skriv('anvandare.csv', anvandare);
skriv('trosklar.csv', trosklar);
