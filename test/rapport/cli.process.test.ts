// `npm run rapport` as a process (issue 19): it writes the same files as the bot, and one line saying what.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { formatTal } from '../../src/domain/tal.js';
import { BLAD } from '../../src/rapport/excel.js';
import { importeraCli, körCli } from '../support/cli.js';
import { DEMO, vantadeSiffror } from '../support/demo.js';
import { kravPostgres, nyDatabas, rensaDatabaser } from '../support/postgres.js';

const rapport = (...argument: string[]) => körCli('src/cli/rapport.ts', ...argument);

describe('CLI: npm run rapport skriver månadsrapporten som .xlsx och .docx', function () {
  this.timeout(120_000);
  let mapp: string;
  let store: string;
  before(() => {
    mapp = mkdtempSync(join(tmpdir(), 'bk-rapport-cli-'));
    store = join(mapp, 'store.json');
    assert.equal(importeraCli(DEMO, store).kod, 0);
  });

  it('en arbetsbok för Socialnämnden, senaste stängda månaden, med summaraden lika med nämndens siffror', async () => {
    const ut = join(mapp, 'ut', 'sn.xlsx');
    const r = rapport('--store', store, '--now', '2025-12-10', '--out', ut, 'socialnämnden');
    assert.equal(r.kod, 0, r.fel);
    assert.equal(r.ut.trim().split('\n').length, 1, 'one line');
    assert.match(
      r.ut,
      /^Skrev .*sn\.xlsx: månadsrapport för Socialnämnden t\.o\.m\. november 2025 \(Excel, 2 rader och summa, [\d ]+ byte\)\n$/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(ut) as unknown as ArrayBuffer);
    const v = vantadeSiffror('sn', '2025-11');
    let summa: ExcelJS.Row | undefined;
    wb.getWorksheet(BLAD.tabell)!.eachRow((row) => {
      if (row.getCell(1).value === 'Summa Socialnämnden') summa = row;
    });
    assert.ok(summa);
    assert.equal(summa.getCell(2).value, v.budget);
    assert.equal(summa.getCell(3).value, v.utfall);
  });

  it('ett Word-dokument för kommunen för en angiven månad, med oktobers siffror och diagrammet', async () => {
    const ut = join(mapp, 'kommunen.docx');
    const r = rapport('--store', store, '--now', '2025-12-10', '--period', '2025-10', '--out', ut, 'kommunen');
    assert.equal(r.kod, 0, r.fel);
    assert.match(
      r.ut,
      /^Skrev .*kommunen\.docx: månadsrapport för Åsby kommun t\.o\.m\. oktober 2025 \(Word, 4 rader och summa, [\d ]+ byte\)\n$/,
    );
    const zip = await JSZip.loadAsync(readFileSync(ut));
    const xml = await zip.file('word/document.xml')!.async('string');
    const v = vantadeSiffror('kommun', '2025-10');
    assert.ok(xml.includes(`Budget till och med oktober: ${formatTal(v.budget)}`), 'the summary has October’s budget');
    assert.ok(xml.includes(formatTal(vantadeSiffror('sn', '2025-10').utfall)), 'and Socialnämnden’s utfall in the table');
    const bilder = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    assert.equal(bilder.length, 1);
    assert.ok(PNG.sync.read(await zip.file(bilder[0])!.async('nodebuffer')).width > 0);
  });

  it('fel indata: ett tydligt svenskt besked, ingen fil', () => {
    const fall: Array<[string[], number, RegExp]> = [
      [['--out', join(mapp, 'x.pdf'), 'ifo'], 2, /Filen ska sluta på \.xlsx eller \.docx/],
      [['--out', join(mapp, 'x.xlsx'), 'simhallen'], 1, /simhallen finns inte i uppföljningen/i],
      [
        ['--period', '2023-01', '--out', join(mapp, 'x.xlsx'), 'ifo'],
        1,
        /Det finns inga siffror för Individ- och familjeomsorg t\.o\.m\. januari 2023/,
      ],
    ];
    for (const [argument, kod, besked] of fall) {
      const r = rapport('--store', store, '--now', '2025-12-10', ...argument);
      assert.equal(r.kod, kod, `${argument.join(' ')}: ${r.fel}`);
      assert.match(r.fel, besked);
      assert.equal(r.ut, '');
    }
    assert.equal(existsSync(join(mapp, 'x.xlsx')), false);
    assert.equal(existsSync(join(mapp, 'x.pdf')), false);
  });
});

describe('CLI: npm run rapport mot PostgreSQL-lagringen', function () {
  this.timeout(120_000);
  let adress: string;
  before(async function () {
    await kravPostgres(this);
    adress = await nyDatabas();
    const r = importeraCli(DEMO, adress);
    assert.equal(r.kod, 0, r.fel);
  });
  after(rensaDatabaser);

  it('samma arbetsbok ur databasen: summaraden är nämndens siffror', async () => {
    const ut = join(mkdtempSync(join(tmpdir(), 'bk-rapport-pg-')), 'bn.xlsx');
    const r = rapport('--store', adress, '--now', '2025-12-10', '--out', ut, 'bildningsnämnden');
    assert.equal(r.kod, 0, r.fel);
    assert.match(r.ut, /^Skrev .*bn\.xlsx: månadsrapport för Bildningsnämnden t\.o\.m\. november 2025 \(Excel, en rad och summa/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(ut) as unknown as ArrayBuffer);
    const v = vantadeSiffror('bn', '2025-11');
    let summa: ExcelJS.Row | undefined;
    wb.getWorksheet(BLAD.tabell)!.eachRow((row) => {
      if (row.getCell(1).value === 'Summa Bildningsnämnden') summa = row;
    });
    assert.ok(summa);
    assert.equal(summa.getCell(2).value, v.budget);
    assert.equal(summa.getCell(3).value, v.utfall);
  });
});
