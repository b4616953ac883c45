// A municipality with annual figures only (Askersund, bokslut 2024): its report is of the year, as its other
// answers are ("helåret 2024"), never of "december 2024" or "t.o.m. december".
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { manadsrapport } from '../../src/answers/manadsrapport.js';
import { BLAD } from '../../src/rapport/excel.js';
import { skrivRapportfil } from '../../src/rapport/filer.js';
import type { Store } from '../../src/store/store.js';
import { läsbar } from '../support/demo.js';
import { kortIAktiviteter, läsbartKort } from '../support/kort.js';
import { testbot } from '../support/testbot.js';
import { kommunStore } from './stod.js';

const ASKERSUND = join(process.cwd(), 'test', 'kommuner', 'askersund');
const NU = new Date('2025-02-14T12:00:00Z');
const CONTROLLER = { anvandare: '5f0c2a1e-8b3d-4c61-9a7e-2d4b6f8e1a01' };
const DECEMBER = /december|t\.o\.m\./i;

describe('månadsrapporten för en kommun med bara årssiffror (Askersund)', function () {
  this.timeout(60000);
  let store: Store;
  before(async () => {
    store = await kommunStore(ASKERSUND, NU);
  });

  it('kortet i chatten gäller helåret 2024, med nämndens summa', async () => {
    const bot = await testbot({ store, klocka: () => new Date(NU) });
    const text = läsbar(läsbartKort(kortIAktiviteter(await bot.fraga('månadsrapport för socialnämnden', CONTROLLER))));
    assert.match(text, /Månadsrapport: Socialnämnden\nEkonomisk uppföljning helåret 2024, tkr/);
    assert.match(text, /331 882/);
    assert.doesNotMatch(text, DECEMBER);
  });

  it('arbetsboken och Word-dokumentet rubricerar beloppen med året', async () => {
    const vy = manadsrapport(store.register, 'sn', '2024-12', NU)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await skrivRapportfil(vy, 'xlsx')).bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(BLAD.tabell)!;
    const rubriker: string[] = [];
    ws.eachRow((row) => rubriker.push(...(row.values as unknown[]).filter((v): v is string => typeof v === 'string')));
    assert.ok(rubriker.includes('Budget 2024') && rubriker.includes('Utfall 2024'), rubriker.join(' | '));
    assert.ok(!rubriker.some((r) => DECEMBER.test(r)), rubriker.join(' | '));

    const xml = await (await JSZip.loadAsync((await skrivRapportfil(vy, 'docx')).bytes)).file('word/document.xml')!.async('string');
    const ord = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    assert.match(ord, /Ekonomisk uppföljning helåret 2024/);
    assert.match(ord, /Budget 2024/);
    assert.doesNotMatch(ord, DECEMBER);
  });
});
