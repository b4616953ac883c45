import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { PNG } from 'pngjs';
import { trendverdikt } from '../../src/answers/trend.js';
import { FARGER } from '../../src/diagram/diagram.js';
import { läsImportmapp } from '../../src/store/import.js';
import { Store } from '../../src/store/store.js';
import { importera } from '../../src/usecases/import.js';
import { KORTDIAGRAM } from '../../src/usecases/diagrambild.js';
import { DEMO } from '../support/demo.js';
import { type Kortjson, kortIAktiviteter, knappar } from '../support/kort.js';
import { MAX_KORTSTORLEK } from '../support/kortvalidering.js';
import { ALEX, testbot } from '../support/testbot.js';

/**
 * Issue 14, item 4, as a user sees it through the real teams-ai Application: the trend and the forecast history
 * are pictures (a PNG in an Image element) with their figures beside them as text, on the demo and on Norrby.
 */
const NORRBY = join(process.cwd(), 'test', 'fixtures', 'norrby');

async function bot(mapp: string, nu: string, anvandare: string, andra?: (utfall: string) => string) {
  const klocka = () => new Date(`${nu}T12:00:00Z`);
  const store = await Store.oppna(join(mkdtempSync(join(tmpdir(), 'bk-diagram-')), 'store.json'), klocka);
  const filer = läsImportmapp(mapp);
  if (andra) filer['utfall.csv'] = Buffer.from(andra(filer['utfall.csv']!.toString('utf-8')));
  await importera(store, filer);
  const { kanal } = await testbot({ store, klocka });
  const fran = { ...ALEX, anvandare, konversation: `diagram-${Math.random()}` };
  return {
    fraga: (text: string) => kanal.fraga(text, fran),
    tryck: (data: Record<string, unknown>) => kanal.tryck(data, fran),
  };
}

/** Readable as a person reads it: ordinary spaces and hyphen-minus. */
const las = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

function element(kort: Kortjson, typ: string): Array<Record<string, unknown>> {
  const ut: Array<Record<string, unknown>> = [];
  const besok = (nod: unknown): void => {
    if (Array.isArray(nod)) return nod.forEach(besok);
    if (!nod || typeof nod !== 'object') return;
    const n = nod as Record<string, unknown>;
    if (n.type === typ) ut.push(n);
    Object.values(n).forEach(besok);
  };
  besok(kort.body);
  return ut;
}

/** The card's picture decoded: a real PNG of the card's size, not blank, with bars in the deviation's colours. */
function bilden(kort: Kortjson): { png: PNG; altText: string } {
  const bilder = element(kort, 'Image');
  assert.equal(bilder.length, 1, 'kortet har en bild');
  const url = String(bilder[0].url);
  assert.match(url, /^data:image\/png;base64,/);
  const bytes = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG-signaturen');
  const png = PNG.sync.read(bytes);
  assert.equal(png.width, KORTDIAGRAM.bredd);
  assert.equal(png.height, KORTDIAGRAM.hojd);
  const farger = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) farger.add(png.data.readUInt32BE(i));
  assert.ok(farger.size > 2, `bilden är inte tom (${farger.size} färger)`);
  return { png, altText: las(String(bilder[0].altText)) };
}

function pixlar(png: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) n++;
  return n;
}

const texter = (kort: Kortjson) => element(kort, 'TextBlock').map((t) => las(String(t.text)));
const fakta = (kort: Kortjson) =>
  element(kort, 'FactSet').flatMap((f) =>
    (f.facts as Array<{ title: string; value: string }>).map((x) => ({ title: las(x.title), value: las(x.value) })),
  );

/** The whole reply as Teams receives it, card and fallback text together, within Teams' limit. */
function helaSvaret(aktiviteter: Partial<Activity>[]): Kortjson {
  const storlek = Buffer.byteLength(JSON.stringify(aktiviteter.filter((a) => a.type === 'message')), 'utf-8');
  assert.ok(storlek < MAX_KORTSTORLEK * 0.75, `svaret är ${storlek} byte, gränsen ${MAX_KORTSTORLEK}`);
  return kortIAktiviteter(aktiviteter);
}

/**
 * The trend card: the heading says cumulative and the year, every month's figure is in the text and in the picture's
 * alt text, and the percentage points in the verdict are the difference of the two percentages the card shows.
 */
function kontrolleraTrend(kort: Kortjson, enhet: string, ar: string): { png: PNG } {
  const { png, altText } = bilden(kort);
  assert.ok(texter(kort).includes(`${enhet}: avvikelse ackumulerat per månad ${ar} (tkr)`), texter(kort).join(' | '));
  assert.match(altText, new RegExp(`^Stapeldiagram, Avvikelse ackumulerat per månad ${ar}, tkr: `));
  const rader = fakta(kort);
  assert.ok(rader.length >= 2, 'en rad per månad');
  for (const r of rader) {
    const belopp = /^(-?[\d ]+(?:,\d)?) tkr/.exec(r.value)?.[1];
    assert.ok(belopp, r.value);
    assert.ok(altText.includes(`${r.title} ${belopp}`), `${r.title} ${belopp} i "${altText}"`);
  }
  const verdikt = texter(kort).find((t) => /av budget efter/.test(t));
  assert.ok(verdikt, 'trendens omdöme');
  const m = /från ([\d,]+) % av budget efter .+? till ([\d,]+) % efter [^(;]+(?:\(([+-])([\d,]+) procentenheter\))?;/.exec(verdikt);
  assert.ok(m, verdikt);
  const tal = (s: string) => Number(s.replace(',', '.'));
  assert.ok(rader[0].value.endsWith(`(${m[1]} % av budget)`), `${rader[0].value} / ${m[1]}`);
  assert.ok(rader[rader.length - 1].value.endsWith(`(${m[2]} % av budget)`), `${rader[rader.length - 1].value} / ${m[2]}`);
  const skillnad = Math.round((tal(m[2]) - tal(m[1])) * 10) / 10;
  if (m[4]) {
    assert.equal(tal(m[4]), Math.abs(skillnad), verdikt);
    assert.equal(m[3], skillnad > 0 ? '+' : '-', verdikt);
  } else assert.ok(Math.abs(skillnad) < 0.3, verdikt);
  return { png };
}

describe('issue 14.4: diagram som ritas', () => {
  describe('demon', () => {
    let b: Awaited<ReturnType<typeof bot>>;
    before(async () => {
      b = await bot(DEMO, '2025-12-10', ALEX.anvandare);
    });

    it('trenden för socialnämnden är ett stapeldiagram med månadernas siffror som text bredvid', async () => {
      const svar = await b.fraga('visa trenden för socialnämnden');
      const kort = helaSvaret(svar);
      const { png } = kontrolleraTrend(kort, 'Socialnämnden', '2025');
      assert.ok(pixlar(png, FARGER.underskott) > 500, 'underskottet ritas som röda staplar');
      assert.ok(
        texter(kort).some((t) => /procentenheter/.test(t)),
        'omdömet räknar procentenheter',
      );
    });

    it('trenden för fler enheter stämmer med kortets siffror', async () => {
      for (const enhet of ['IFO', 'hemtjänsten', 'servicenämnden', 'vård och stöd']) {
        const kort = helaSvaret(await b.fraga(`visa trenden för ${enhet}`));
        const rubrik = texter(kort)[0];
        kontrolleraTrend(kort, rubrik.split(':')[0], '2025');
      }
    });

    it('prognosen visar prognosavvikelsen per månadsrapport som diagram, också via trendkortets knapp', async () => {
      const svar = await b.fraga('vad är helårsprognosen för socialnämnden?');
      const kort = helaSvaret(svar);
      const { altText } = bilden(kort);
      assert.match(altText, /^Stapeldiagram, Prognosavvikelse helår 2025 per månadsrapport, tkr: jan /);
      const historik = texter(kort).find((t) => t.startsWith('Prognosavvikelse per rapport 2025 (tkr): '));
      assert.ok(historik, texter(kort).join(' | '));
      const lista = historik.replace('Prognosavvikelse per rapport 2025 (tkr): ', '').replace(/\.$/, '');
      assert.equal(altText.replace(/^[^:]+: /, '').replace(/\.$/, ''), lista.replace(/– \(ingen prognos\)/g, 'saknas'));

      const trend = kortIAktiviteter(await b.fraga('visa trenden för socialnämnden'));
      const knapp = knappar(trend).find((k) => k.title === 'Visa prognos');
      assert.ok(knapp);
      const viaKnapp = helaSvaret(await b.tryck(knapp.data));
      assert.equal(bilden(viaKnapp).altText, altText);
    });
  });

  describe('Norrby', () => {
    it('trenden för Hemtjänst Norr och VON ritas, med rubrik, år och procentenheter som kortet visar', async () => {
      const b = await bot(NORRBY, '2026-04-10', 'aad-norrby-2');
      for (const enhet of ['hemtjänst norr', 'VON', 'VOB']) {
        const kort = helaSvaret(await b.fraga(`visa trenden för ${enhet}`));
        const { png } = kontrolleraTrend(kort, texter(kort)[0].split(':')[0], '2026');
        assert.ok(pixlar(png, FARGER.underskott) + pixlar(png, FARGER.overskott) > 300, `${enhet}: staplarna syns`);
      }
    });

    it('en månad utan prognos saknas i diagrammet och i texten, inte 0', async () => {
      const b = await bot(NORRBY, '2026-04-10', 'aad-norrby-2', (csv) => csv.replace(/^(HTN;2026-02;[^;]*;[^;]*;[^;]*;)[^;]*;/m, '$1;'));
      const kort = helaSvaret(await b.fraga('vad är helårsprognosen för VON?'));
      const { altText, png } = bilden(kort);
      assert.match(altText, /^Stapeldiagram, Prognosavvikelse helår 2026 per månadsrapport, tkr: jan -?[\d ,]+, feb saknas, mar /);
      assert.ok(pixlar(png, FARGER.underskott) + pixlar(png, FARGER.overskott) > 100, 'januari och mars ritas');
    });
  });
});

describe('trendens procentenheter räknas på de visade procenten', () => {
  it('3,24 % och 4,46 % visas som 3,2 % och 4,5 %: skillnaden är 1,3 procentenheter, inte 1,2', () => {
    const punkt = (period: string, procent: number) => ({ period, avvikelse: -procent * 10, procent, manadsavvikelse: null });
    const v = trendverdikt([punkt('2025-01', 103.24), punkt('2025-06', 104.46)]);
    assert.ok(v);
    assert.match(las(v.text), /från 103,2 % av budget efter januari 2025 till 104,5 % efter juni 2025 \(\+1,3 procentenheter\)/);
  });
});
