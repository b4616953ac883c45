import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { läsImportmapp } from '../../src/store/import.js';
import { Store } from '../../src/store/store.js';
import { importera } from '../../src/usecases/import.js';
import { DEMO } from '../support/demo.js';
import { type Knapp, kortIAktiviteter, knappar } from '../support/kort.js';
import { ALEX, synligText, testbot } from '../support/testbot.js';

/**
 * Issue 14, items 2, 6 and 7, as a user sees them through the real teams-ai Application, on the demo and on two
 * other municipalities: a partial month is never a total, lists say what they are and sign every figure, and a
 * button is there only when it leads somewhere.
 */
type Fragare = (text: string) => Promise<{ text: string; aktiviteter: Partial<Activity>[] }>;

async function bot(
  mapp: string,
  nu: string,
  anvandare: string,
  extraUtfall = '',
  andra?: (utfall: string) => string,
): Promise<Fragare & { tryck: (k: Knapp) => Promise<string> }> {
  const klocka = () => new Date(`${nu}T12:00:00Z`);
  const store = await Store.oppna(join(mkdtempSync(join(tmpdir(), 'bk-tillit-')), 'store.json'), klocka);
  const filer = läsImportmapp(mapp);
  let utfall = filer['utfall.csv']!.toString('utf-8');
  if (andra) utfall = andra(utfall);
  filer['utfall.csv'] = Buffer.from(`${utfall.replace(/\n?$/, '\n')}${extraUtfall}`);
  await importera(store, filer);
  const { kanal } = await testbot({ store, klocka });
  const text = (a: Partial<Activity>[]) =>
    a
      .filter((x) => x.type === 'message')
      .map(synligText)
      .join('\n');
  const fraga = (async (t: string) => {
    const aktiviteter = await kanal.fraga(t, { anvandare, konversation: `tillit-${Math.random()}` });
    return { text: text(aktiviteter), aktiviteter };
  }) as Fragare & { tryck: (k: Knapp) => Promise<string> };
  fraga.tryck = async (k) => text(await kanal.tryck(k.data, { ...ALEX, anvandare }));
  return fraga;
}

const titlar = (a: Partial<Activity>[]) => knappar(kortIAktiviteter(a)).map((k) => k.title);

describe('issue 14.2: en månad som inte alla har rapporterat visas aldrig som totalen', () => {
  describe('demon: en enhet av socialnämndens har rapporterat december', () => {
    let fraga: Awaited<ReturnType<typeof bot>>;
    before(async () => {
      fraga = await bot(DEMO, '2026-01-12', ALEX.anvandare, 'hemtjanst;2025-12;69000;70500;66000;67800;Decembers siffror;syntetisk\n');
    });

    it('"hur ligger socialnämnden i december?" börjar med att december inte är komplett och visar inte delen som helheten', async () => {
      const { text } = await fraga('hur ligger socialnämnden i december?');
      assert.match(text, /^Socialnämnden, december 2025: bara 1 av 11 enheter har rapporterat/);
      assert.doesNotMatch(text, /Socialnämnden t\.o\.m\. december 2025/);
      assert.match(
        text,
        /Senaste kompletta månad är november 2025 \(11 av 11\): utfall 277 253,6 tkr mot budget 259 458 tkr, underskott 17 795,6 tkr/,
      );
      assert.match(text, /- Hemtjänst: utfall 70 500 tkr mot budget 69 000 tkr, underskott 1 500 tkr/);
    });

    it('utan månad svarar den för november och säger varför', async () => {
      const { text } = await fraga('hur ligger socialnämnden?');
      assert.match(text, /För december 2025 har bara 1 av 11 enheter rapporterat ännu, så svaret gäller november 2025/);
      assert.match(text, /Socialnämnden t\.o\.m\. november 2025/);
    });

    it('färskheten och välkomsten säger senaste kompletta månad och hur många som rapporterat för december', async () => {
      const rad = /Senaste kompletta månad: november 2025 \(21 av 21\); december 2025: 1 av 21 har rapporterat\./;
      assert.match((await fraga('hur färska är siffrorna?')).text, rad);
      assert.match(
        (await fraga('hur färska är siffrorna?')).text,
        /- Socialnämnden: december 2025 har 1 av 11 enheter rapporterat; senaste kompletta månad november 2025/,
      );
      assert.match((await fraga('hjälp')).text, rad);
    });
  });

  it('Norrby: samma besked, nio enheter', async () => {
    const fraga = await bot(
      join(process.cwd(), 'test', 'fixtures', 'norrby'),
      '2026-05-05',
      'aad-norrby-2',
      'HTN;2026-04;20000;21500;60000;64500;\n',
    );
    assert.match(
      (await fraga('hur färska är siffrorna?')).text,
      /Senaste kompletta månad: mars 2026 \(9 av 9\); april 2026: 1 av 9 har rapporterat\./,
    );
    assert.match((await fraga('hur ligger kommunen i april?')).text, /^Norrby kommun, april 2026: bara 1 av 9 enheter har rapporterat/);
  });
});

describe('issue 14.6: listor som säger sanningen', () => {
  it('demon: nämnderna med underskott och överskott var för sig, med tecken och ord, inget tappat', async () => {
    const fraga = await bot(DEMO, '2025-12-10', ALEX.anvandare);
    const { text } = await fraga('rangordna nämnderna efter avvikelse');
    assert.match(text, /underskott och överskott var för sig, störst först/);
    assert.match(text, /Underskott:\s+1\. Socialnämnden: -17 795,6 tkr underskott.*\n2\. Bildningsnämnden: -1 651 tkr underskott/);
    assert.match(text, /Överskott:\s+1\. Servicenämnden: \+7 798 tkr överskott.*\n2\. Myndighetsnämnden: \+169,7 tkr överskott/);
  });

  it('demon: "Bryt ned" säger andel av vad, och statusens lista över underskott har bara underskott', async () => {
    const fraga = await bot(DEMO, '2025-12-10', ALEX.anvandare);
    const status = await fraga('hur ligger vård och stöd?');
    const underskott = /Störst underskott: ([^\n]*)/.exec(status.text)?.[1] ?? '';
    assert.ok(underskott.length > 0, status.text);
    assert.doesNotMatch(underskott, /\+\d/);
    const bryt = knappar(kortIAktiviteter(status.aktiviteter)).find((k) => k.title === 'Bryt ned')!;
    const text = await fraga.tryck(bryt);
    assert.match(text, /Underskottet kommer från \(andel av summan av underskotten \([\d ,]+ tkr\)\)/);
    assert.match(text, /Andel av underskotten/);
    assert.doesNotMatch(text, /[^\d,]0 %/);
  });

  it('Västervik: alla nämnder sida vid sida, överskotten med plustecken', async () => {
    const fraga = await bot(join(process.cwd(), 'test', 'kommuner', 'vastervik'), '2022-02-10', '0b9e7c2d-41a6-4f3e-8c55-7d1e2a9b3c01');
    const { text } = await fraga('visa alla nämnder');
    assert.match(text, /Underskott:\s+1\. Barn- och utbildningsnämnd: -1 200 tkr underskott/);
    assert.match(text, /Överskott:\s+1\. Socialnämnd: \+14 200 tkr överskott/);
  });

  it('Norrby: en månad utan prognos i prognoshistoriken visas som saknad, inte som 0', async () => {
    const fraga = await bot(join(process.cwd(), 'test', 'fixtures', 'norrby'), '2026-04-10', 'aad-norrby-2', '', (csv) =>
      csv.replace(/^(HTN;2026-02;[^;]*;[^;]*;[^;]*;)[^;]*;/m, '$1;'),
    );
    const { text } = await fraga('vad är helårsprognosen för VON?');
    assert.match(text, /Prognosavvikelse per rapport 2026 \(tkr\): jan [−-]?[\d ,]+, feb – \(ingen prognos\), mar /);
    assert.doesNotMatch(text, /feb 0\b/);
  });
});

describe('issue 14.7: knappar leder aldrig ingenstans', () => {
  it('demon: Äldreomsorgens åtgärder är de i förälderns plan som gäller den, och knappen visar dem', async () => {
    const fraga = await bot(DEMO, '2025-12-10', ALEX.anvandare);
    const status = await fraga('hur ligger äldreomsorgen?');
    const visa = knappar(kortIAktiviteter(status.aktiviteter)).find((k) => k.title === 'Visa åtgärder');
    assert.ok(visa, 'Visa åtgärder saknas');
    const text = await fraga.tryck(visa);
    assert.doesNotMatch(text, /ingen åtgärdsplan/);
    for (const namn of [
      'Bemanning utifrån nyckeltal SÄBO',
      'Medicinrobotar i hemtjänst',
      'Översyn planering hemtjänst',
      'Översyn och justering hyror SÄBO',
    ])
      assert.match(text, new RegExp(namn), namn);
    assert.doesNotMatch(text, /Placeringskostnader IFO/);
    assert.match(text, /Ur Vård och stöds plan \(4 av 10 åtgärder\)/);
  });

  it('demon: en knapp bara när den har något att visa', async () => {
    const fraga = await bot(DEMO, '2025-12-10', ALEX.anvandare);
    assert.ok(!titlar((await fraga('hur ligger servicenämnden?')).aktiviteter).includes('Visa åtgärder'));
    const hemtjanst = titlar((await fraga('hur ligger hemtjänsten?')).aktiviteter);
    assert.ok(!hemtjanst.includes('Bryt ned'), hemtjanst.join(', '));
    assert.ok(hemtjanst.includes('Visa åtgärder'), hemtjanst.join(', '));
    assert.ok(hemtjanst.includes('Visa trend'), hemtjanst.join(', '));
  });

  it('demon: trendkortet bryter bara ned en enhet med delar och visar prognos bara när det finns en', async () => {
    const fraga = await bot(DEMO, '2025-12-10', ALEX.anvandare);
    const hemtjanst = titlar((await fraga('visa trenden för hemtjänsten')).aktiviteter);
    assert.ok(!hemtjanst.includes('Bryt ned'), hemtjanst.join(', '));
    const sn = titlar((await fraga('visa trenden för socialnämnden')).aktiviteter);
    assert.ok(sn.includes('Bryt ned') && sn.includes('Visa prognos'), sn.join(', '));
  });

  it('Norrby: en månad utan prognos ger trendkortet ingen prognosknapp', async () => {
    const fraga = await bot(join(process.cwd(), 'test', 'fixtures', 'norrby'), '2026-04-10', 'aad-norrby-2', '', (csv) =>
      csv.replace(/^(HTN;2026-03;[^;]*;[^;]*;[^;]*;)[^;]*;/m, '$1;'),
    );
    const svar = await fraga('visa trenden för hemtjänst norr');
    assert.match(svar.text, /Hemtjänst Norr: avvikelse ackumulerat per månad 2026 \(tkr\)/);
    assert.ok(!titlar(svar.aktiviteter).includes('Visa prognos'), titlar(svar.aktiviteter).join(', '));
    const vob = titlar((await fraga('visa trenden för VOB')).aktiviteter);
    assert.ok(vob.includes('Visa prognos'), vob.join(', '));
  });

  it('Askersund: ett bokslut utan månader har ingen trendknapp; Norrby utan åtgärder ingen åtgärdsknapp', async () => {
    const askersund = await bot(join(process.cwd(), 'test', 'kommuner', 'askersund'), '2025-02-14', '5f0c2a1e-8b3d-4c61-9a7e-2d4b6f8e1a01');
    const a = titlar((await askersund('hur gick socialnämnden 2024?')).aktiviteter);
    assert.ok(!a.includes('Visa trend'), a.join(', '));
    assert.ok(a.includes('Bryt ned') && a.includes('Visa åtgärder'), a.join(', '));
    const norrby = await bot(join(process.cwd(), 'test', 'fixtures', 'norrby'), '2026-04-10', 'aad-norrby-2');
    const n = titlar((await norrby('hur ligger VON?')).aktiviteter);
    assert.ok(!n.includes('Visa åtgärder'), n.join(', '));
    assert.ok(n.includes('Bryt ned'), n.join(', '));
  });
});
