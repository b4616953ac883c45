import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Arbetsboksfel, type Blad, bladSomRader, läsArbetsbok } from './arbetsbok.js';
import { type Filnamn, IMPORTFILER, Importfel, type Importfiler, läsImportmapp } from './import.js';
import { CsvFel, läsCsv } from './csv.js';
import { jamforbar } from './rubriker.js';

const SLAG = Object.keys(IMPORTFILER) as Filnamn[];
const slagFor = (namn: string): Filnamn | undefined => SLAG.find((f) => jamforbar(f.replace(/\.csv$/, '')) === jamforbar(namn));

/** The columns a sheet of this kind is matched to; the optional ones too, so "Källa" becomes kalla. */
export function kandaKolumner(slag: Filnamn): string[] {
  return [...IMPORTFILER[slag], 'kalla'];
}

/**
 * A workbook's sheets as an import's kinds: a sheet named as a kind (`Utfall`, `Åtgärder`) is that kind; with
 * `slag` (a file named as a kind) its first sheet is. Any other sheet is a ledger export (huvudbok), checked
 * when the import is planned. Two sources of one kind is an error.
 */
export function bladTillFiler(blad: readonly Blad[], filer: Importfiler, fel: string[], slag?: Filnamn): void {
  for (const [i, b] of blad.entries()) {
    const kind = slag ? (i === 0 ? slag : undefined) : slagFor(b.namn);
    if (slag && i > 0) continue;
    if (!kind) {
      (filer.huvudbok ??= []).push(bladSomRader(b, []));
      continue;
    }
    const fore = filer[kind];
    if (fore) {
      fel.push(`${b.kalla}:${b.rubrikrad}: ${kind.replace(/\.csv$/, '')} finns redan i ${Buffer.isBuffer(fore) ? kind : fore.kalla}`);
      continue;
    }
    filer[kind] = bladSomRader(b, kandaKolumner(kind));
  }
}

/**
 * `npm run import`'s argument: a folder of CSV files and workbooks (one per kind, named as the kind, or any
 * workbook with a sheet per kind), or one workbook. Errors name `fil:blad:rad`.
 */
export async function läsImportkalla(sokvag: string): Promise<Importfiler> {
  if (!existsSync(sokvag)) throw new Importfel([`${sokvag}: finns inte`]);
  const fel: string[] = [];
  let filer: Importfiler;
  const bocker: string[] = [];
  if (statSync(sokvag).isDirectory()) {
    filer = läsImportmapp(sokvag);
    for (const namn of readdirSync(sokvag).sort()) {
      const ext = extname(namn).toLowerCase();
      if (ext === '.xlsx' && !namn.startsWith('~$')) bocker.push(join(sokvag, namn));
      // a CSV file not named as a kind is a ledger export
      if (ext === '.csv' && !slagFor(basename(namn, ext))) {
        try {
          const rader = läsCsv(namn, readFileSync(join(sokvag, namn)), []);
          (filer.huvudbok ??= []).push({ kalla: namn, rubrikrad: 1, rubriker: Object.keys(rader[0]?.varden ?? {}), rader });
        } catch (e) {
          if (e instanceof CsvFel) fel.push(e.message);
          else throw e;
        }
      }
    }
  } else if (extname(sokvag).toLowerCase() === '.xlsx') {
    filer = {};
    bocker.push(sokvag);
  } else throw new Importfel([`${sokvag}: ange en mapp med CSV-filer eller en Excel-arbetsbok (.xlsx)`]);
  for (const bok of bocker) {
    const namn = basename(bok);
    try {
      const blad = await läsArbetsbok(readFileSync(bok), namn);
      bladTillFiler(blad, filer, fel, slagFor(basename(namn, extname(namn))));
    } catch (e) {
      if (e instanceof Arbetsboksfel) fel.push(`${namn}: ${e.message}`);
      else throw e;
    }
  }
  if (fel.length) throw new Importfel(fel);
  return filer;
}

/**
 * A file sent to the bot, already checked to be a workbook or CSV text by its content: a workbook's sheets by
 * their names (errors `blad:rad`), a CSV file by its name (`utfall.csv`), any other CSV as a ledger export.
 */
export async function läsSkickadFil(namn: string, data: Buffer, typ: 'xlsx' | 'csv'): Promise<{ filer: Importfiler; fel: string[] }> {
  const filer: Importfiler = {};
  const fel: string[] = [];
  const bas = basename(namn, extname(namn));
  if (typ === 'xlsx') {
    try {
      bladTillFiler(await läsArbetsbok(data, ''), filer, fel, slagFor(bas));
    } catch (e) {
      if (e instanceof Arbetsboksfel) fel.push(`${namn}: ${e.message}`);
      else throw e;
    }
    return { filer, fel };
  }
  const slag = slagFor(bas);
  if (slag) filer[slag] = data;
  else {
    try {
      const rader = läsCsv(namn, data, []);
      filer.huvudbok = [{ kalla: namn, rubrikrad: 1, rubriker: Object.keys(rader[0]?.varden ?? {}), rader }];
    } catch (e) {
      if (e instanceof CsvFel) fel.push(e.message);
      else throw e;
    }
  }
  return { filer, fel };
}
