// Promise 4, the import: generated broken CSV folders (wrong encoding, BOM, quotes, ragged rows, duplicate
// keys, …) are refused as a whole with file:line reasons, and the store stays byte-identical.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { IMPORTFILER, Importfel, läsImportmapp } from '../../src/store/import.js';
import { importera } from '../../src/usecases/import.js';
import { type Fillagring, Store } from '../../src/store/store.js';
import { importeraCli } from '../support/cli.js';
import { DEMO, DEMO_NU, demoStore } from '../support/demo.js';
import { figur, lagrat } from './stod.js';
import { fuzzfro } from '../support/fro.js';

type Filnamn = keyof typeof IMPORTFILER;
const DEMOMAPPENS = läsImportmapp(DEMO);
/** The files the demo folder has to damage (it has no rapporteringsplan.csv; test/runda/ tests that file). */
const FILER = (Object.keys(IMPORTFILER) as Filnamn[]).filter((f) => DEMOMAPPENS[f]);
const SKALA = Number(process.env.FUZZ_SKALA ?? 1);
const SEED = fuzzfro(import.meta.url);
const DEMOFILER = läsImportmapp(DEMO) as Record<Filnamn, Buffer>;

const BELOPPSKOLUMNER: Partial<Record<Filnamn, RegExp>> = {
  'utfall.csv': /^(budget_ack|utfall_ack|budget_helar|prognos_helar)$/,
  'atgarder.csv': /^(plan|utfall)_\d{4}$/,
  'atgardsplaner.csv': /^(sparbeting|angiven_summa)$/,
  'nyckeltal.csv': /^(varde|mal)$/,
  'trosklar.csv': /^(varning|kritisk)_/,
};
const ENHETSKOLUMN: Record<Filnamn, string> = {
  'enheter.csv': 'foralder',
  'utfall.csv': 'enhet',
  'atgarder.csv': 'enhet',
  'atgardsplaner.csv': 'enhet',
  'nyckeltal.csv': 'enhet',
  'anvandare.csv': 'enheter',
  'trosklar.csv': 'enhet',
  'rapporteringsplan.csv': 'enhet',
  'kodmappning.csv': 'enhet',
  'rubrikmappning.csv': 'kolumn',
};

/** A CSV file as header and rows of fields, so a corruption can aim at a column. */
interface Tabell {
  rubrik: string[];
  rader: string[][];
}
const tabell = (b: Buffer): Tabell => {
  const [rubrik, ...rader] = b
    .toString('utf-8')
    .trimEnd()
    .split('\n')
    .map((r) => r.split(';'));
  return { rubrik, rader };
};
const somText = (t: Tabell) => `${[t.rubrik, ...t.rader].map((r) => r.join(';')).join('\n')}\n`;
const kol = (t: Tabell, namn: string) => t.rubrik.indexOf(namn);

/** A corruption that must make the import fail: its name and what it does to the file. */
type Fel = { namn: string; gor: (fil: Filnamn, b: Buffer, val: number) => Buffer | null; sist?: true };

const rad = (t: Tabell, val: number) => {
  if (!t.rader.length) t.rader.push(t.rubrik.map(() => ''));
  return t.rader[val % t.rader.length];
};
const FEL: Fel[] = [
  {
    namn: 'latin-1 i stället för UTF-8',
    sist: true,
    gor: (_f, b, val) => {
      const t = tabell(b);
      rad(t, val)[0] += 'Åö';
      return Buffer.from(somText(t), 'latin1');
    },
  },
  { namn: 'UTF-16 med BOM', sist: true, gor: (_f, b) => Buffer.from(`\ufeff${b.toString('utf-8')}`, 'utf16le') },
  { namn: 'ogiltiga UTF-8-byte sist', sist: true, gor: (_f, b) => Buffer.concat([b, Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a])]) },
  {
    namn: 'ett citattecken som aldrig stängs',
    gor: (_f, b, val) => {
      const t = tabell(b);
      const r = rad(t, val);
      r[val % r.length] = `"${r[val % r.length]}`;
      return Buffer.from(somText(t));
    },
  },
  {
    namn: 'ett citattecken mitt i ett fält',
    gor: (_f, b, val) => {
      const t = tabell(b);
      const r = rad(t, val);
      r[val % r.length] = `a"b${r[val % r.length]}`;
      return Buffer.from(somText(t));
    },
  },
  {
    namn: 'en rad med en kolumn för lite',
    gor: (_f, b, val) => {
      const t = tabell(b);
      rad(t, val).pop();
      return Buffer.from(somText(t));
    },
  },
  {
    namn: 'en rad med en kolumn för mycket',
    gor: (_f, b, val) => {
      const t = tabell(b);
      rad(t, val).push('extra');
      return Buffer.from(somText(t));
    },
  },
  { namn: 'en rad med bara NUL-tecken', sist: true, gor: (_f, b) => Buffer.concat([b, Buffer.from('\u0000\u0000\u0000\n')]) },
  {
    namn: 'dubblett av en rad (samma nyckel)',
    gor: (_f, b, val) => {
      const t = tabell(b);
      t.rader.push([...rad(t, val)]);
      return Buffer.from(somText(t));
    },
  },
  {
    namn: 'en obligatorisk kolumn saknas',
    gor: (f, b, val) => {
      const t = tabell(b);
      const i = kol(t, IMPORTFILER[f][val % IMPORTFILER[f].length]);
      if (i < 0) return null;
      t.rubrik.splice(i, 1);
      for (const r of t.rader) r.splice(i, 1);
      return Buffer.from(somText(t));
    },
  },
  {
    namn: 'en kolumn två gånger',
    gor: (_f, b, val) => {
      const t = tabell(b);
      const i = val % t.rubrik.length;
      t.rubrik.push(t.rubrik[i]);
      for (const r of t.rader) r.push(r[i]);
      return Buffer.from(somText(t));
    },
  },
  { namn: 'tom fil', sist: true, gor: () => Buffer.alloc(0) },
  { namn: 'bara en BOM', sist: true, gor: () => Buffer.from('\ufeff') },
  { namn: 'bara tomma rader', sist: true, gor: () => Buffer.from('\n\n\r\n') },
  { namn: 'komma som avgränsare', gor: (_f, b) => Buffer.from(b.toString('utf-8').replace(/;/g, ',')) },
  {
    namn: 'ett belopp som inte är ett tal',
    gor: (f, b, val) => {
      const monster = BELOPPSKOLUMNER[f];
      if (!monster) return null;
      const t = tabell(b);
      const kolumner = t.rubrik.map((k, i) => (monster.test(k) ? i : -1)).filter((i) => i >= 0);
      if (!kolumner.length) return null;
      rad(t, val)[kolumner[val % kolumner.length]] = ['NaN', '1e5', 'Infinity', '12,3,4', '1 000 000 000', 'abc', '0x10', '--5', '−'][
        val % 9
      ];
      return Buffer.from(somText(t));
    },
  },
  {
    namn: 'en okänd enhet',
    gor: (f, b, val) => {
      const t = tabell(b);
      const i = kol(t, ENHETSKOLUMN[f]);
      if (i < 0) return null;
      const r = f === 'enheter.csv' ? (t.rader.find((x) => x[i]) ?? rad(t, val)) : rad(t, val);
      r[i] = 'simhallen';
      return Buffer.from(somText(t));
    },
  },
  {
    namn: 'en ogiltig period',
    gor: (_f, b, val) => {
      const t = tabell(b);
      const i = kol(t, 'period');
      if (i < 0) return null;
      rad(t, val)[i] = ['2025-13', '2025-1', '25-11', '2025/11', ''][val % 5];
      return Buffer.from(somText(t));
    },
  },
  {
    namn: 'en slinga i enhetsträdet',
    gor: (f, b) => {
      if (f !== 'enheter.csv') return null;
      const t = tabell(b);
      const sn = t.rader.find((x) => x[0] === 'sn');
      if (!sn || kol(t, 'foralder') !== 3) return null;
      sn[3] = 'bou';
      return Buffer.from(somText(t));
    },
  },
  {
    namn: 'två rotenheter',
    gor: (f, b) => {
      if (f !== 'enheter.csv') return null;
      const t = tabell(b);
      const bn = t.rader.find((x) => x[0] === 'bn');
      if (!bn || kol(t, 'foralder') !== 3) return null;
      bn[3] = '';
      return Buffer.from(somText(t));
    },
  },
];

/** Changes that keep the file valid: the import must accept them. */
const GILTIGT: Array<{ namn: string; gor: (b: Buffer) => Buffer }> = [
  { namn: 'BOM', gor: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]) },
  { namn: 'CRLF', gor: (b) => Buffer.from(b.toString('utf-8').replace(/\n/g, '\r\n')) },
  { namn: 'tomma rader sist', gor: (b) => Buffer.concat([b, Buffer.from('\n\n')]) },
  {
    namn: 'blanksteg runt fälten',
    gor: (b) =>
      Buffer.from(
        b
          .toString('utf-8')
          .split('\n')
          .map((r, i) =>
            i === 0 || !r
              ? r
              : r
                  .split(';')
                  .map((f) => ` ${f} `)
                  .join(';'),
          )
          .join('\n'),
      ),
  },
];

function fordarva(fil: Filnamn, falt: Array<{ fel: Fel; val: number }>, giltiga: number[]): { data: Buffer; namn: string[] } | null {
  let data = DEMOFILER[fil];
  const namn: string[] = [];
  const tillampa = (f: { fel: Fel; val: number }) => {
    const ny = f.fel.gor(fil, data, f.val);
    if (!ny) return;
    data = ny;
    namn.push(f.fel.namn);
  };
  // Damage to rows and columns first, then the harmless changes, and re-encoding or emptying the file last.
  // One at a time: two row or column changes can undo each other (a column added, then the original removed).
  falt
    .filter((f) => !f.fel.sist)
    .slice(0, 1)
    .forEach(tillampa);
  for (const g of giltiga) data = GILTIGT[g].gor(data);
  falt
    .filter((f) => f.fel.sist)
    .slice(0, 1)
    .forEach(tillampa);
  return namn.length ? { data, namn: [...namn, ...giltiga.map((g) => GILTIGT[g].namn)] } : null;
}

describe('härdning 4: import av trasiga CSV-mappar', function () {
  this.timeout(300000);
  let fylld: Fillagring;
  let tom: Store;
  let fall = 0;

  before(async () => {
    fylld = await demoStore();
    await fylld.komprimera();
    tom = await Store.oppna(join(mkdtempSync(join(tmpdir(), 'bk-tom-')), 'store.json'), () => new Date(DEMO_NU));
  });

  after(() => figur('importfuzz_trasiga_mappar', fall));

  it('varje trasig fil avvisas med fil:rad och lagringen är oförändrad, byte för byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FILER),
        fc.array(fc.record({ fel: fc.constantFrom(...FEL), val: fc.nat(10000) }), { minLength: 1, maxLength: 3 }),
        fc.subarray([0, 1, 2, 3]),
        fc.boolean(),
        async (fil, falt, giltiga, iTom) => {
          const trasig = fordarva(fil, falt, giltiga);
          if (!trasig) return;
          // Into an empty store the whole demo folder comes along, so references resolve and only the damage fails.
          const store = iTom ? tom : fylld;
          const filer: Partial<Record<Filnamn, Buffer>> = iTom ? { ...DEMOFILER, [fil]: trasig.data } : { [fil]: trasig.data };
          const fore = lagrat(store);
          const fel = await importera(store, filer).then(
            () => null,
            (e: unknown) => e,
          );
          fall++;
          assert.ok(
            fel instanceof Importfel,
            `${fil} (${trasig.namn.join(', ')}): väntade Importfel, fick ${fel === null ? 'en lyckad import' : String(fel)}`,
          );
          assert.ok(
            fel.fel.length > 0 && fel.fel.every((f) => /^[a-z]+\.csv:\d+: \S/.test(f)),
            `felen anger inte fil:rad: ${fel.fel.slice(0, 3).join(' | ')}`,
          );
          assert.equal(lagrat(store), fore, `${fil} (${trasig.namn.join(', ')}): lagringen ändrades`);
        },
      ),
      { numRuns: Math.max(30, Math.round(400 * SKALA)), seed: SEED, endOnFailure: true },
    );
  });

  it('kontroll: BOM, CRLF, tomma rader och blanksteg är giltiga och ger samma data', async () => {
    for (const fil of FILER) {
      for (const g of GILTIGT) {
        const fore = lagrat(fylld);
        await importera(fylld, { [fil]: g.gor(DEMOFILER[fil]) });
        assert.equal(lagrat(fylld), fore, `${fil} med ${g.namn}: samma data ska inte ändra något`);
      }
    }
  });

  it('npm run import: exit 1, fil:rad på stderr, och lagringsfilen orörd (eller inte skapad)', async () => {
    const fall_: Array<[Filnamn, Fel]> = [
      ['utfall.csv', FEL[0]],
      ['enheter.csv', FEL[3]],
      ['atgarder.csv', FEL[5]],
      ['nyckeltal.csv', FEL[8]],
      ['trosklar.csv', FEL[15]],
    ];
    const storefil = join(mkdtempSync(join(tmpdir(), 'bk-cli-')), 'store.json');
    const demo = importeraCli(DEMO, storefil);
    assert.equal(demo.kod, 0, demo.fel);
    for (const [fil, fel] of fall_) {
      const mapp = mkdtempSync(join(tmpdir(), 'bk-trasig-'));
      writeFileSync(join(mapp, fil), fel.gor(fil, DEMOFILER[fil], 7)!);
      const fore = readFileSync(storefil);
      const r = importeraCli(mapp, storefil);
      assert.equal(r.kod, 1, `${fil} (${fel.namn}): ${r.fel}`);
      assert.match(r.fel, new RegExp(`Importen avbröts; inget har sparats\\.\\n${fil.replace('.', '\\.')}:\\d+: `));
      assert.ok(readFileSync(storefil).equals(fore), `${fil} (${fel.namn}): lagringsfilen ändrades`);
      assert.ok(!existsSync(`${storefil}.journal`) || readFileSync(`${storefil}.journal`).length === 0);
      fall++;
    }
    const ny = join(mkdtempSync(join(tmpdir(), 'bk-cli-ny-')), 'store.json');
    const mapp = mkdtempSync(join(tmpdir(), 'bk-trasig-'));
    mkdirSync(mapp, { recursive: true });
    writeFileSync(join(mapp, 'enheter.csv'), FEL[1].gor('enheter.csv', DEMOFILER['enheter.csv'], 0)!);
    const r = importeraCli(mapp, ny);
    assert.equal(r.kod, 1, r.fel);
    assert.ok(!existsSync(ny), 'en misslyckad import skapade en lagringsfil');
  });
});
