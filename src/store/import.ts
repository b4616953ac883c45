import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Register } from '../domain/register.js';
import type { ZodType } from 'zod';
import {
  type Anvandare,
  type Atgard,
  type Atgardsplan,
  type Enhet,
  type Kodmappning,
  KodmappningSchema,
  type Nyckeltal,
  type Rapporteringsplan,
  type Rubrikmappning,
  RubrikmappningSchema,
  type Troskel,
  type Utfall,
} from '../domain/schema.js';
import { summeraHuvudbok, tolkaKodmappning, tolkaRubrikmappning } from './huvudbok.js';
import { CsvFel, type CsvRad, läsCsv } from './csv.js';
import {
  Granskare,
  IMPORTSCHEMAN,
  type Importatgard,
  type Importutfall,
  enhetskontroll,
  läsRader as läsFilensRader,
  type Radtolk,
  tolkaAnvandare,
  tolkaAtgard,
  tolkaAtgardsplan,
  tolkaEnhet,
  tolkaNyckeltal,
  tolkaRapporteringsplan,
  tolkaTroskel,
  type Importplanrad,
  tolkaUtfall,
} from './importrader.js';

export const IMPORTFILER = {
  'enheter.csv': ['id', 'namn', 'typ', 'foralder', 'alias'],
  'utfall.csv': ['enhet', 'period', 'budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar', 'kommentar'],
  'atgarder.csv': ['enhet', 'nr', 'atgard', 'ansvarig', 'tidplan', 'uppfoljning', 'kategori', 'status', 'kommentar'],
  'atgardsplaner.csv': ['enhet', 'namn', 'sparbeting', 'angiven_summa'],
  'nyckeltal.csv': ['enhet', 'period', 'nyckeltal', 'varde', 'mal'],
  'anvandare.csv': ['id', 'namn', 'roll', 'enheter'],
  'trosklar.csv': ['enhet', 'varning_procent', 'kritisk_procent', 'varning_prognos_tkr', 'kritisk_prognos_tkr'],
  'rapporteringsplan.csv': ['enhet', 'period', 'sista_dag', 'paminn_dagar', 'klockslag', 'uppehall'],
  'kodmappning.csv': ['kod', 'enhet'],
  'rubrikmappning.csv': ['rubrik', 'kolumn'],
} as const;

export type Filnamn = keyof typeof IMPORTFILER;

/** A kind's rows already read, from a workbook's sheet: `kalla` is what its errors begin with (`fil:blad`). */
export interface Lastblad {
  kalla: string;
  /** the header row's number in the sheet */
  rubrikrad: number;
  rubriker: string[];
  rader: CsvRad[];
}

/** What an import reads: per kind a CSV file, or a sheet already read. */
export type Importfiler = Partial<Record<Filnamn, Buffer | Lastblad>> & {
  /** ledger exports (huvudbok): rows per code and account, summed per unit and period through the code mapping */
  huvudbok?: Lastblad[];
};

/** What a valid import would write; rows without a key in the store or with other values. */
export interface Importplan {
  enheter: Enhet[];
  utfall: Importutfall[];
  atgarder: Importatgard[];
  atgardsplaner: Atgardsplan[];
  nyckeltal: Nyckeltal[];
  anvandare: Anvandare[];
  trosklar: Troskel[];
  rapporteringsplaner: Importplanrad[];
  kodmappningar: Kodmappning[];
  rubrikmappningar: Rubrikmappning[];
}

export class Importfel extends Error {
  constructor(readonly fel: string[]) {
    super(fel.join('\n'));
  }
}

/** Rows of the file that the store lacks or holds with other values. */
function nya<T>(
  rader: Array<{ rad: T }>,
  befintlig: (rad: T) => unknown,
  lika: (fore: never, rad: T) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b),
): T[] {
  return rader
    .map((r) => r.rad)
    .filter((rad) => {
      const fore = befintlig(rad);
      return fore === undefined || !lika(fore as never, rad);
    });
}

/** Validates a whole import folder against itself and the store; writes nothing. */
export function planeraImport(filer: Importfiler, reg: Register): Importplan {
  const fel: string[] = [];
  const rader = {} as Record<Filnamn, CsvRad[]>;
  const kallor = {} as Record<Filnamn, string>;
  for (const [fil, kolumner] of Object.entries(IMPORTFILER) as Array<[Filnamn, readonly string[]]>) {
    const data = filer[fil];
    kallor[fil] = data && !Buffer.isBuffer(data) ? data.kalla : fil;
    if (!data) continue;
    try {
      rader[fil] = Buffer.isBuffer(data) ? läsCsv(fil, data, kolumner) : kontrolleradeRader(data, kolumner);
    } catch (e) {
      if (e instanceof CsvFel) fel.push(e.message);
      else throw e;
    }
  }
  const läsRader = <T>(fil: Filnamn, rad: CsvRad[] | undefined, f: string[], tolka: Radtolk<T>, schema: ZodType<T>, g?: Granskare) =>
    läsFilensRader(kallor[fil], rad, f, tolka, schema, g);
  if (Object.keys(filer).length === 0) fel.push(`ingen av filerna ${Object.keys(IMPORTFILER).join(', ')} finns i mappen`);

  const enhetsgranskare = new Granskare(kallor['enheter.csv']);
  const enhetsrader = läsRader('enheter.csv', rader['enheter.csv'], [], tolkaEnhet, IMPORTSCHEMAN.enhet, enhetsgranskare);
  const enheter = new Map<string, Enhet>(reg.enheter);
  for (const { rad } of enhetsrader) enheter.set(rad.id, rad);
  for (const { rad, radnr } of enhetsrader) {
    if (rad.foralder !== null && !enheter.has(rad.foralder)) enhetsgranskare.notera(radnr, `föräldern "${rad.foralder}" finns inte`);
    else if (ärCykel(enheter, rad.id))
      enhetsgranskare.notera(radnr, `enheten ${rad.id} ligger under sig själv (foralder bildar en slinga)`);
  }
  const rotter = [...enheter.values()].filter((e) => e.foralder === null);
  if (rotter.length > 1)
    enhetsgranskare.notera(
      enhetsrader.find((r) => r.rad.id === rotter[1].id)?.radnr ?? 1,
      `bara en enhet får sakna förälder (${rotter.map((e) => e.id).join(', ')} saknar)`,
    );
  fel.push(...enhetsgranskare.fel);

  const kand = enhetskontroll((id) => enheter.has(id));
  const kodrader = läsRader('kodmappning.csv', rader['kodmappning.csv'], fel, tolkaKodmappning(kand), KodmappningSchema);
  const rubrikrader = läsRader('rubrikmappning.csv', rader['rubrikmappning.csv'], fel, tolkaRubrikmappning, RubrikmappningSchema);
  const utfallsrader = läsRader('utfall.csv', rader['utfall.csv'], fel, tolkaUtfall(kand), IMPORTSCHEMAN.utfall);
  const huvudbok = filer.huvudbok?.length
    ? summeraHuvudbok(
        filer.huvudbok,
        new Map([...reg.dokument.kodmappningar, ...kodrader.map((r) => r.rad)].map((k) => [k.kod, k.enhet])),
        new Map([...reg.dokument.rubrikmappningar, ...rubrikrader.map((r) => r.rad)].map((k) => [k.rubrik, k.kolumn])),
        reg,
        fel,
        Object.keys(IMPORTFILER).map((f) => f.replace(/\.csv$/, '')),
        new Set(utfallsrader.map((u) => `${u.rad.enhet}|${u.rad.period}`)),
      )
    : [];
  const plan: Importplan = {
    enheter: nya(enhetsrader, (e) => reg.enhet(e.id)),
    utfall: nya([...utfallsrader, ...huvudbok.map((rad) => ({ rad }))], (u) => reg.senasteVersion(u.enhet, u.period), sammaUtfall),
    atgarder: nya(
      läsRader('atgarder.csv', rader['atgarder.csv'], fel, tolkaAtgard(kand), IMPORTSCHEMAN.atgard),
      (a) => reg.atgarder(a.enhet).find((x) => x.nr === a.nr),
      sammaAtgard,
    ),
    atgardsplaner: nya(
      läsRader('atgardsplaner.csv', rader['atgardsplaner.csv'], fel, tolkaAtgardsplan(kand), IMPORTSCHEMAN.atgardsplan),
      (p) => reg.atgardsplan(p.enhet),
    ),
    nyckeltal: nya(läsRader('nyckeltal.csv', rader['nyckeltal.csv'], fel, tolkaNyckeltal(kand), IMPORTSCHEMAN.nyckeltal), (n) =>
      reg.nyckeltal(n.enhet, n.nyckeltal).find((x) => x.period === n.period),
    ),
    anvandare: nya(
      läsRader(
        'anvandare.csv',
        rader['anvandare.csv'],
        fel,
        tolkaAnvandare((id) => enheter.has(id)),
        IMPORTSCHEMAN.anvandare,
      ),
      (a) => reg.anvandare.get(a.id),
    ),
    trosklar: nya(läsRader('trosklar.csv', rader['trosklar.csv'], fel, tolkaTroskel(kand), IMPORTSCHEMAN.troskel), (t) =>
      reg.trosklar.get(t.enhet),
    ),
    rapporteringsplaner: nya(
      läsRader('rapporteringsplan.csv', rader['rapporteringsplan.csv'], fel, tolkaRapporteringsplan(kand), IMPORTSCHEMAN.rapporteringsplan),
      (p) => reg.dokument.rapporteringsplaner.find((x) => x.enhet === p.enhet && x.period === p.period),
      samaPlan,
    ),
    kodmappningar: nya(kodrader, (k) => reg.dokument.kodmappningar.find((x) => x.kod === k.kod)),
    rubrikmappningar: nya(rubrikrader, (k) => reg.dokument.rubrikmappningar.find((x) => x.rubrik === k.rubrik)),
  };
  if (fel.length) throw new Importfel(fel);
  return plan;
}

/** A sheet's rows, once its header row has every column the kind needs once. */
function kontrolleradeRader(blad: Lastblad, obligatoriska: readonly string[]): CsvRad[] {
  for (const kolumn of obligatoriska) {
    if (!blad.rubriker.includes(kolumn))
      throw new CsvFel(blad.kalla, blad.rubrikrad, `kolumnen "${kolumn}" saknas (rubrikraden ska innehålla ${obligatoriska.join(', ')})`);
  }
  const dubblett = blad.rubriker.find((r, i) => r && blad.rubriker.indexOf(r) !== i);
  if (dubblett) throw new CsvFel(blad.kalla, blad.rubrikrad, `kolumnen "${dubblett}" finns två gånger`);
  return blad.rader;
}

function ärCykel(enheter: Map<string, Enhet>, id: string): boolean {
  const sedda = new Set<string>();
  let e = enheter.get(id);
  while (e?.foralder) {
    if (sedda.has(e.id)) return true;
    sedda.add(e.id);
    e = enheter.get(e.foralder);
  }
  return false;
}

export function sammaUtfall(
  a: Pick<Utfall, 'budget_ack' | 'utfall_ack' | 'budget_helar' | 'prognos_helar' | 'kommentar'>,
  b: typeof a,
): boolean {
  return (
    a.budget_ack === b.budget_ack &&
    a.utfall_ack === b.utfall_ack &&
    a.budget_helar === b.budget_helar &&
    a.prognos_helar === b.prognos_helar &&
    (a.kommentar ?? null) === (b.kommentar ?? null)
  );
}

function samaPlan(a: Rapporteringsplan, b: Importplanrad): boolean {
  const { andrad_av: _a, andrad: _t, ...rest } = a;
  return JSON.stringify(rest) === JSON.stringify(b);
}

function sammaAtgard(a: Atgard, b: Importatgard): boolean {
  const { version: _v, andrad_av: _a, andrad: _t, ...rest } = a;
  return JSON.stringify(rest) === JSON.stringify(b);
}

export function läsImportmapp(mapp: string): Partial<Record<Filnamn, Buffer>> {
  if (!existsSync(mapp)) throw new Importfel([`${mapp}: mappen finns inte`]);
  const filer: Partial<Record<Filnamn, Buffer>> = {};
  for (const fil of Object.keys(IMPORTFILER) as Filnamn[]) {
    const sokvag = join(mapp, fil);
    if (existsSync(sokvag)) filer[fil] = readFileSync(sokvag);
  }
  return filer;
}
