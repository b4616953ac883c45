import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { siffrorFor } from '../../src/domain/siffror.js';
import { Importfel } from '../../src/store/import.js';
import { läsImportkalla } from '../../src/store/importkalla.js';
import { Store } from '../../src/store/store.js';
import { importera } from '../../src/usecases/import.js';
import { importeraCli } from '../support/cli.js';
import { DEMO, DEMO_NU } from '../support/demo.js';

const HUVUDBOK = join(process.cwd(), 'data', 'huvudbok');

/** The export's rows summed per unit straight from the workbook and kodmappning.csv, without the bot's code. */
async function vantadeSummor(): Promise<
  Map<string, { budget: number; utfall: number; arsbudget: number; prognos: number; rader: number }>
> {
  const koder = new Map(
    readFileSync(join(HUVUDBOK, 'kodmappning.csv'), 'utf-8')
      .trim()
      .split('\n')
      .slice(1)
      .map((r) => r.split(';') as [string, string]),
  );
  const bok = new ExcelJS.Workbook();
  await bok.xlsx.readFile(join(HUVUDBOK, 'huvudbok.xlsx'));
  const blad = bok.worksheets[0];
  const rubriker = (blad.getRow(1).values as string[]).slice(1);
  const kol = (namn: string) => rubriker.indexOf(namn) + 1;
  const ut = new Map<string, { budget: number; utfall: number; arsbudget: number; prognos: number; rader: number }>();
  blad.eachRow((rad, nr) => {
    if (nr === 1) return;
    assert.equal(rad.getCell(kol('Period')).value, 202512);
    const enhet = koder.get(String(rad.getCell(kol('Ansvar')).value));
    assert.ok(enhet, `rad ${nr} har en kod i kodmappningen`);
    const s = ut.get(enhet) ?? { budget: 0, utfall: 0, arsbudget: 0, prognos: 0, rader: 0 };
    s.budget += rad.getCell(kol('Budget ack')).value as number;
    s.utfall += rad.getCell(kol('Utfall ack')).value as number;
    s.arsbudget += rad.getCell(kol('Årsbudget')).value as number;
    s.prognos += rad.getCell(kol('Prognos helår')).value as number;
    s.rader++;
    ut.set(enhet, s);
  });
  return ut;
}

describe('huvudboksexport: kodmappning, rubrikmappning och summering per enhet och period', function () {
  this.timeout(120000);
  let mapp: string;
  let store: string;

  before(() => {
    mapp = mkdtempSync(join(tmpdir(), 'bk-huvudbok-'));
    store = join(mapp, 'store.json');
    assert.equal(importeraCli(DEMO, store).kod, 0);
  });

  it('exemplet i data/huvudbok ger summorna per enhet som raderna själva ger', async () => {
    const vantat = await vantadeSummor();
    const antalRader = [...vantat.values()].reduce((a, s) => a + s.rader, 0);
    assert.ok(antalRader > 2000, `några tusen kontorader (${antalRader})`);
    const r = importeraCli(HUVUDBOK, store);
    assert.equal(r.kod, 0, r.fel);
    assert.match(r.ut, new RegExp(`utfall ${vantat.size}, kodmappningar \\d+, rubrikmappningar 2`));
    const s = await Store.oppna(store);
    for (const [enhet, v] of vantat) {
      const rad = s.register.senasteVersion(enhet, '2025-12');
      assert.ok(rad, `${enhet} har december`);
      assert.ok(Math.abs(rad.budget_ack - v.budget) < 0.01, `${enhet} budget ${rad.budget_ack} ≈ ${v.budget}`);
      assert.ok(Math.abs(rad.utfall_ack - v.utfall) < 0.01, `${enhet} utfall ${rad.utfall_ack} ≈ ${v.utfall}`);
      assert.ok(Math.abs(rad.budget_helar! - v.arsbudget) < 0.01, `${enhet} årsbudget`);
      assert.ok(Math.abs(rad.prognos_helar! - v.prognos) < 0.01, `${enhet} prognos`);
      assert.equal(rad.kalla, 'huvudbok');
    }
    // A parent is the sum of its units, now for December too.
    const ao = siffrorFor(s.register, 'ao', '2025-12')!;
    const vantatAo = ['hemtjanst', 'sabo', 'korttid'].reduce((a, e) => a + vantat.get(e)!.utfall, 0);
    assert.ok(Math.abs(ao.utfall_ack - vantatAo) < 0.05, `äldreomsorgen ${ao.utfall_ack} ≈ ${vantatAo}`);
    assert.equal(s.dokument.kodmappningar.length, readFileSync(join(HUVUDBOK, 'kodmappning.csv'), 'utf-8').trim().split('\n').length - 1);
    await s.stang();

    const igen = importeraCli(HUVUDBOK, store);
    assert.equal(igen.kod, 0, igen.fel);
    assert.match(igen.ut, /Inget nytt att importera/);
  });

  it('en kod som inte finns i kodmappningen är ett fel som nämner koden; inget sparas', async () => {
    const kopia = mkdtempSync(join(tmpdir(), 'bk-huvudbok-kopia-'));
    cpSync(HUVUDBOK, kopia, { recursive: true });
    const bok = new ExcelJS.Workbook();
    await bok.xlsx.readFile(join(kopia, 'huvudbok.xlsx'));
    const blad = bok.worksheets[0];
    const rad = blad.addRow(['99999', 'Okänt ansvar', 4010, 'Köp av huvudverksamhet', 202512, 10, 12, 10, 12]);
    await bok.xlsx.writeFile(join(kopia, 'huvudbok.xlsx'));
    const fil = join(mapp, 'okand.json');
    copyFileSync(store, fil);
    copyFileSync(`${store}.granskningslogg`, `${fil}.granskningslogg`);
    const s = await Store.oppna(fil, () => new Date(DEMO_NU));
    const fore = JSON.stringify(s.dokument);
    await assert.rejects(importera(s, await läsImportkalla(kopia)), (e: unknown) => {
      assert.ok(e instanceof Importfel);
      assert.deepEqual(e.fel, [
        `huvudbok.xlsx:Huvudbok december:${rad.number}: koden "99999" finns inte i kodmappningen; lägg till den i kodmappning.csv (kod;enhet)`,
      ]);
      return true;
    });
    assert.equal(JSON.stringify(s.dokument), fore);
  });

  it('utan rubrikmappning känns exportens rubriker inte igen, och felet säger vad som saknas', async () => {
    const s = await Store.oppna(join(mkdtempSync(join(tmpdir(), 'bk-hb-')), 'store.json'), () => new Date(DEMO_NU));
    await importera(s, await läsImportkalla(DEMO));
    const filer = await läsImportkalla(join(HUVUDBOK, 'huvudbok.xlsx'));
    await assert.rejects(importera(s, filer), (e: unknown) => {
      assert.ok(e instanceof Importfel);
      assert.match(
        e.fel[0],
        /^huvudbok\.xlsx:Huvudbok december:1: bladet är inte ett av .*som huvudboksexport saknar det kod; .*rubrikmappning\.csv/,
      );
      return true;
    });
  });
});
