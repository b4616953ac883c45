// The report's files opened again by readers (issue 19): exceljs for the workbook, jszip for the Word
// document's XML. Their figures are compared with the store's (the answers' siffrorFor), not with the writer.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { manadsrapport } from '../../src/answers/manadsrapport.js';
import { FARGER } from '../../src/diagram/diagram.js';
import { siffrorFor } from '../../src/domain/siffror.js';
import { formatProcent, formatTal } from '../../src/domain/tal.js';
import { BLAD } from '../../src/rapport/excel.js';
import { filnamn, skrivRapportfil } from '../../src/rapport/filer.js';
import { avvikelsediagram } from '../../src/rapport/word.js';
import type { Store } from '../../src/store/store.js';
import { DEMO_NU, demoStore } from '../support/demo.js';
import { VASTERVIK, VASTERVIK_NU, kommunStore, korrigera } from './stod.js';

async function arbetsbok(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The data rows under the header row ("Enhet"), up to the first empty row. */
function tabellrader(ws: ExcelJS.Worksheet): { rubrikrad: number; rader: ExcelJS.Row[] } {
  let rubrikrad = 0;
  ws.eachRow((row, nr) => {
    if (!rubrikrad && row.getCell(1).value === 'Enhet') rubrikrad = nr;
  });
  assert.ok(rubrikrad > 0, 'the sheet has a header row');
  const rader: ExcelJS.Row[] = [];
  for (let nr = rubrikrad + 1; nr <= ws.rowCount; nr++) {
    const row = ws.getRow(nr);
    if (!row.getCell(1).value) break;
    rader.push(row);
  }
  return { rubrikrad, rader };
}

const tal = (c: ExcelJS.Cell): number => {
  assert.equal(typeof c.value, 'number', `${c.address} is a number, not ${JSON.stringify(c.value)}`);
  return c.value as number;
};
const nara = (a: number, b: number | null | undefined, vad: string) =>
  assert.ok(b !== null && b !== undefined && Math.abs(a - b) < 1e-6, `${vad}: ${a} ≠ ${b}`);

/** Each table row of a docx as the text of its cells. */
function wordtabeller(xml: string): string[][][] {
  const text = (s: string) =>
    [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join('')
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? r[2]).matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1])),
    ),
  );
}

function pixlar(png: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) n++;
  return n;
}

describe('månadsrapporten som filer: Excel och Word läses tillbaka', () => {
  let demo: Store;
  let vastervik: Store;
  before(async () => {
    demo = await demoStore();
    await korrigera(demo, 'bou', '2025-11', { utfall_ack: 28974 });
    vastervik = await kommunStore(VASTERVIK, VASTERVIK_NU);
  });

  for (const fall of [
    { kommun: 'Åsby', enhet: 'sn', period: '2025-11', store: () => demo, nu: DEMO_NU, kolumn: 't.o.m. november' },
    { kommun: 'Åsby', enhet: 'kommun', period: '2025-11', store: () => demo, nu: DEMO_NU, kolumn: 't.o.m. november' },
    { kommun: 'Västervik', enhet: 'vastervik', period: '2021-11', store: () => vastervik, nu: VASTERVIK_NU, kolumn: 't.o.m. november' },
    // Västervik's 2020 is its annual report: only December figures that year
    { kommun: 'Västervik', enhet: 'sn', period: '2020-12', store: () => vastervik, nu: VASTERVIK_NU, kolumn: '2020' },
  ]) {
    it(`${fall.kommun}, ${fall.enhet} ${fall.period}: arbetsboken har riktiga tal lika med lagringens, fryst rubrik, summaraden som förälderns`, async () => {
      const reg = fall.store().register;
      const vy = manadsrapport(reg, fall.enhet, fall.period, fall.nu)!;
      const fil = await skrivRapportfil(vy, 'xlsx');
      assert.equal(fil.namn, filnamn(vy, 'xlsx'));
      assert.match(fil.namn, /^Månadsrapport .+ \d{4}-\d{2}\.xlsx$/);
      const wb = await arbetsbok(fil.bytes);
      assert.deepEqual(
        wb.worksheets.map((w) => w.name),
        [BLAD.tabell, BLAD.atgarder],
      );
      const ws = wb.getWorksheet(BLAD.tabell)!;
      const { rubrikrad, rader } = tabellrader(ws);
      assert.equal(ws.views[0]?.state, 'frozen');
      assert.equal((ws.views[0] as { ySplit?: number }).ySplit, rubrikrad, 'the header row stays in view');
      const rubrik = (ws.getRow(rubrikrad).values as unknown[]).slice(1);
      assert.deepEqual(rubrik.slice(0, 5), ['Enhet', `Budget ${fall.kolumn}`, `Utfall ${fall.kolumn}`, 'Avvikelse', 'Procent av budget']);

      const barn = reg.barnTill(fall.enhet);
      assert.equal(rader.length, barn.length + 1, 'one row per unit below and the sum row');
      const summor = { budget: 0, utfall: 0 };
      barn.forEach((b, i) => {
        const row = rader[i];
        assert.equal(row.getCell(1).value, b.namn);
        const s = siffrorFor(reg, b.id, fall.period);
        if (!s) {
          assert.equal(row.getCell(2).value, null, `${b.namn} has not reported: an empty cell, not 0`);
          assert.equal(row.getCell(10).value, 'ej rapporterat');
          return;
        }
        nara(tal(row.getCell(2)), s.budget_ack, `${b.namn} budget`);
        nara(tal(row.getCell(3)), s.utfall_ack, `${b.namn} utfall`);
        nara(tal(row.getCell(4)), s.avvikelse, `${b.namn} avvikelse`);
        nara(tal(row.getCell(5)) * 100, s.procent, `${b.namn} procent`);
        if (s.prognos_helar !== null) nara(tal(row.getCell(7)), s.prognos_helar, `${b.namn} prognos`);
        assert.match(row.getCell(2).numFmt, /#,##0\.0/);
        assert.match(row.getCell(5).numFmt, /%/);
        summor.budget += s.budget_ack;
        summor.utfall += s.utfall_ack;
      });
      const summa = rader[rader.length - 1];
      const s = siffrorFor(reg, fall.enhet, fall.period)!;
      assert.equal(summa.getCell(1).value, `Summa ${reg.enhet(fall.enhet)!.namn}`);
      assert.equal(summa.getCell(1).font?.bold, true);
      nara(tal(summa.getCell(2)), s.budget_ack, 'sum row budget = the parent');
      nara(tal(summa.getCell(3)), s.utfall_ack, 'sum row utfall = the parent');
      nara(tal(summa.getCell(4)), s.avvikelse, 'sum row avvikelse = the parent');
      nara(summor.budget, tal(summa.getCell(2)), 'the rows add up to the sum row');
      nara(summor.utfall, tal(summa.getCell(3)), 'the rows add up to the sum row');

      const atgarder = wb.getWorksheet(BLAD.atgarder)!;
      assert.equal(atgarder.views[0]?.state, 'frozen');
      const a = tabellrader(atgarder);
      assert.equal(a.rader.length, vy.atgarder.atgarder.length + 1, 'one row per measure and the sum');
      const planerat = a.rader.slice(0, -1).reduce((sum, r) => sum + ((r.getCell(7).value as number | null) ?? 0), 0);
      nara(planerat, vy.atgarder.totalt.planerat, 'the measures add up');
      const sista = a.rader[a.rader.length - 1];
      assert.equal(sista.getCell(7).value, vy.atgarder.totalt.planerat);
    });
  }

  it('arbetsboken säger vilka som inte rapporterat och vad som rättats', async () => {
    const ofullstandig = await skrivRapportfil(manadsrapport(vastervik.register, 'sn', '2020-12', VASTERVIK_NU)!, 'xlsx');
    const celler = (wb: ExcelJS.Workbook) => {
      const ut: string[] = [];
      wb.getWorksheet(BLAD.tabell)!.eachRow((r) => r.eachCell((c) => void (typeof c.value === 'string' && ut.push(c.value))));
      return ut.join('\n');
    };
    assert.match(
      celler(await arbetsbok(ofullstandig.bytes)),
      /Ej rapporterat för helåret 2020: Uttag ur resultatutjämningsfond\. Summorna är ofullständiga: 5 av 6/,
    );
    const rattad = celler(await arbetsbok((await skrivRapportfil(manadsrapport(demo.register, 'sn', '2025-11', DEMO_NU)!, 'xlsx')).bytes));
    assert.match(rattad, /Rättat: Barn och unga: version 2/);
  });

  for (const fall of [
    { kommun: 'Åsby', enhet: 'sn', period: '2025-11', store: () => demo, nu: DEMO_NU },
    { kommun: 'Västervik', enhet: 'vastervik', period: '2021-11', store: () => vastervik, nu: VASTERVIK_NU },
  ]) {
    it(`${fall.kommun}, ${fall.enhet}: Word-dokumentets tabell visar lagringens siffror som boten skriver dem, och diagrammet är en giltig PNG`, async () => {
      const reg = fall.store().register;
      const vy = manadsrapport(reg, fall.enhet, fall.period, fall.nu)!;
      const fil = await skrivRapportfil(vy, 'docx');
      assert.match(fil.namn, /\.docx$/);
      const zip = await JSZip.loadAsync(fil.bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      const namn = reg.enhet(fall.enhet)!.namn;
      assert.ok(xml.includes(`Ekonomisk uppföljning t.o.m. ${vy.periodnamn}`), 'the heading says the period');
      assert.ok(xml.includes(`${namn} tar del av den ekonomiska uppföljningen`), 'the proposed decision');

      const [tabell] = wordtabeller(xml);
      assert.equal(tabell[0][0], 'Enhet');
      const barn = reg.barnTill(fall.enhet);
      assert.equal(tabell.length, barn.length + 2, 'header, one row per unit, the sum row');
      for (const [i, e] of [...barn, reg.enhet(fall.enhet)!].entries()) {
        const rad = tabell[i + 1];
        const s = siffrorFor(reg, e.id, fall.period)!;
        assert.ok(rad[0].startsWith(i === barn.length ? `Summa ${namn}` : e.namn), rad[0]);
        assert.deepEqual(
          rad.slice(1, 5),
          [formatTal(s.budget_ack), formatTal(s.utfall_ack), formatTal(s.avvikelse), formatProcent(s.procent!)],
          `${e.namn}: the figures as the bot writes them`,
        );
      }

      const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
      const bild = /<a:blip r:embed="([^"]+)"/.exec(xml);
      assert.ok(bild, 'the document embeds an image');
      const mal =
        new RegExp(`Id="${bild[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${bild[1]}"`).exec(rels);
      assert.ok(mal, 'the image relationship exists');
      const png = await zip.file(`word/${mal[1].replace(/^\//, '').replace(/^word\//, '')}`)!.async('nodebuffer');
      const bildfil = PNG.sync.read(png);
      assert.ok(bildfil.width >= 400 && bildfil.height >= 200, `${bildfil.width}×${bildfil.height}`);
      const underskott = vy.rader.some((r) => (r.siffror?.avvikelse ?? 0) < 0);
      const overskott = vy.rader.some((r) => (r.siffror?.avvikelse ?? 0) > 0);
      assert.equal(pixlar(bildfil, FARGER.underskott) > 100, underskott, 'red bars for the units with underskott');
      assert.equal(pixlar(bildfil, FARGER.overskott) > 100, overskott, 'green bars for the units with överskott');
    });
  }

  it('diagrammet ritar en stapel per enhet, också med åtta enheter med långa namn (Västerviks kommunstyrelse)', async () => {
    const vy = manadsrapport(vastervik.register, 'ks', '2021-11', VASTERVIK_NU)!;
    assert.equal(vy.rader.length, 8);
    const png = PNG.sync.read(avvikelsediagram(vy));
    const farger = [FARGER.underskott, FARGER.overskott].map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    let staplar = 0;
    let iStapel = false;
    for (let y = 0; y < png.height; y++) {
      let farg = false;
      for (let x = 0; x < png.width && !farg; x++) {
        const i = (y * png.width + x) * 4;
        farg = farger.some(([r, g, b]) => png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b);
      }
      if (farg && !iStapel) staplar++;
      iStapel = farg;
    }
    assert.equal(staplar, vy.rader.filter((r) => r.siffror && Math.abs(r.siffror.avvikelse) > 0).length);
  });

  it('Word-dokumentet tar med kommentarer, rättelser och åtgärdsplaner', async () => {
    const vy = manadsrapport(demo.register, 'sn', '2025-11', DEMO_NU)!;
    const xml = await (await JSZip.loadAsync((await skrivRapportfil(vy, 'docx')).bytes)).file('word/document.xml')!.async('string');
    assert.ok(xml.includes('Rättat sedan förra rapporten'));
    assert.ok(xml.includes('Barn och unga: version 2'));
    assert.ok(xml.includes('Barn och unga: Fakturor om ca 300 tkr för institutionsvård inkom efter utskick.'));
    assert.ok(xml.includes(`Åtgärdsplaner 2025`));
    assert.ok(xml.includes(`Totalt ${vy.atgarder.totalt.antal} åtgärder`));
    const tabeller = wordtabeller(xml);
    const atgarder = tabeller[1];
    assert.equal(atgarder.length, vy.atgarder.atgarder.length + 2);
    assert.deepEqual(atgarder[atgarder.length - 1].slice(-2), [
      formatTal(vy.atgarder.totalt.planerat),
      formatTal(vy.atgarder.totalt.realiserat),
    ]);
  });
});
