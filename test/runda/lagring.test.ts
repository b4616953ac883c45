import { SCHEMAVERSION } from '../../src/domain/schema.js';
// rapporteringsplan.csv in the import contract, and a store file from before the round (schema version 1) opened as is.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Importfel, läsImportmapp } from '../../src/store/import.js';
import { Store } from '../../src/store/store.js';
import { importera } from '../../src/usecases/import.js';
import { DEMO, DEMO_NU, demoStore } from '../support/demo.js';

const plan = (rader: string) => ({
  'rapporteringsplan.csv': Buffer.from(`enhet;period;sista_dag;paminn_dagar;klockslag;uppehall\n${rader}`),
});

describe('rapporteringsplan.csv', () => {
  it('frister per kommun, nämnd och månad importeras; samma fil igen ändrar ingenting', async () => {
    const store = await demoStore();
    const filer = plan('kommun;;arbetsdag 5;3;08:00;juli\nsn;;arbetsdag 3;;7.30;\nkommun;2025-11;2025-12-12;;;\nbn;2026-07;ingen;;;\n');
    const resultat = await importera(store, filer);
    assert.equal(resultat.rapporteringsplaner, 4);
    const regler = Object.fromEntries(store.dokument.rapporteringsplaner.map((r) => [`${r.enhet}|${r.period ?? '*'}`, r]));
    assert.deepEqual(
      { ...regler['kommun|*'], andrad: undefined },
      {
        enhet: 'kommun',
        period: null,
        frist: 'arbetsdag',
        arbetsdag: 5,
        datum: null,
        uppehall: [7],
        paminn_dagar: 3,
        klockslag: '08:00',
        andrad_av: 'import',
        andrad: undefined,
      },
    );
    assert.equal(regler['sn|*'].klockslag, '07:30');
    assert.equal(regler['kommun|2025-11'].datum, '2025-12-12');
    assert.equal(regler['bn|2026-07'].frist, 'ingen');
    assert.equal((await importera(store, filer)).rapporteringsplaner, 0);
    assert.ok((await store.granskningslogg()).some((h) => h.typ === 'rapporteringsplaner' && h.nyckel === 'kommun|*'));
  });

  it('varje fel rad nämns med fil:rad, och inget sparas', async () => {
    const store = await demoStore();
    const fore = JSON.stringify(store.dokument);
    await assert.rejects(
      importera(
        store,
        plan(
          'kommun;;arbetsdag 30;;;\nokand;;arbetsdag 5;;;\nsn;;snart;;;\nkommun;;2025-12-05;;;\nkommun;2025-11;2025-11-20;;;\nbn;;arbetsdag 5;x;25:00;julli\nsn;2025-11;arbetsdag 2;;;juli\n',
        ),
      ),
      (e: unknown) => {
        assert.ok(e instanceof Importfel);
        assert.deepEqual(e.fel, [
          'rapporteringsplan.csv:2: sista_dag: arbetsdag 30 finns inte; skriv en arbetsdag mellan 1 och 23',
          'rapporteringsplan.csv:3: okänd enhet "okand"',
          'rapporteringsplan.csv:4: sista_dag: "snart" är ingen frist; skriv till exempel "arbetsdag 5", "2025-12-05" eller "ingen"',
          'rapporteringsplan.csv:5: sista_dag: ett datum gäller en månad; fyll i period',
          'rapporteringsplan.csv:6: sista_dag: 2025-11-20 ligger inte efter 2025-11',
          'rapporteringsplan.csv:7: paminn_dagar: "x" ska vara ett heltal mellan 0 och 20',
          'rapporteringsplan.csv:7: klockslag: "25:00" ska skrivas TT:MM, t.ex. 08:00',
          'rapporteringsplan.csv:7: uppehall: "julli" är ingen månad',
          'rapporteringsplan.csv:8: uppehall anges på raden utan period (den som gäller varje månad)',
        ]);
        return true;
      },
    );
    assert.equal(JSON.stringify(store.dokument), fore);
  });
});

describe('lagringsfilen före rapporteringsrundan', () => {
  it('en fil med schemaversion 1 öppnas som den nuvarande, med tomma frister, klarmarkeringar och mappningar, och innehållet orört', async () => {
    const mapp = mkdtempSync(join(tmpdir(), 'bk-v1-'));
    const fil = join(mapp, 'store.json');
    const ny = await Store.oppna(fil, () => new Date(DEMO_NU));
    await importera(ny, läsImportmapp(DEMO));
    await ny.komprimera();
    await ny.stang();
    const json = JSON.parse(readFileSync(fil, 'utf-8')) as { sekvens: number; dokument: Record<string, unknown> };
    const v1: Record<string, unknown> = { ...json.dokument, schemaversion: 1 };
    delete v1.rapporteringsplaner;
    delete v1.klarmarkeringar;
    delete v1.kodmappningar;
    delete v1.rubrikmappningar;
    writeFileSync(fil, JSON.stringify({ sekvens: json.sekvens, dokument: v1 }));
    const oppnad = await Store.oppna(fil, () => new Date(DEMO_NU));
    assert.equal(oppnad.dokument.schemaversion, SCHEMAVERSION);
    assert.deepEqual(
      [
        oppnad.dokument.rapporteringsplaner,
        oppnad.dokument.klarmarkeringar,
        oppnad.dokument.kodmappningar,
        oppnad.dokument.rubrikmappningar,
      ],
      [[], [], [], []],
    );
    assert.equal(oppnad.dokument.utfall.length, (json.dokument.utfall as unknown[]).length);
    assert.deepEqual(Object.keys(oppnad.dokument), Object.keys(json.dokument), 'the keys in the schema order');
  });

  it('en fil med schemaversion 2 öppnas som den nuvarande, med tomma kod- och rubrikmappningar, och innehållet orört', async () => {
    const fil = join(mkdtempSync(join(tmpdir(), 'bk-v2-')), 'store.json');
    const ny = await Store.oppna(fil, () => new Date(DEMO_NU));
    await importera(ny, läsImportmapp(DEMO));
    await ny.komprimera();
    await ny.stang();
    const json = JSON.parse(readFileSync(fil, 'utf-8')) as { sekvens: number; dokument: Record<string, unknown> };
    const v2: Record<string, unknown> = { ...json.dokument, schemaversion: 2 };
    delete v2.kodmappningar;
    delete v2.rubrikmappningar;
    writeFileSync(fil, JSON.stringify({ sekvens: json.sekvens, dokument: v2 }));
    const oppnad = await Store.oppna(fil, () => new Date(DEMO_NU));
    assert.equal(oppnad.dokument.schemaversion, SCHEMAVERSION);
    assert.deepEqual([oppnad.dokument.kodmappningar, oppnad.dokument.rubrikmappningar], [[], []]);
    assert.equal(JSON.stringify(oppnad.dokument), JSON.stringify(json.dokument));
  });
});
