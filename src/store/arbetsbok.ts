// Loaded when a workbook is read or written, not at start-up (about 0.45 s CPU).
import type ExcelJS from 'exceljs';
import type { CsvRad } from './csv.js';
import { kanoniskRubrik } from './rubriker.js';

/** A cell as text; `datum` when Excel held a date (then the text is ÅÅÅÅ-MM-DD). */
export interface Cell {
  text: string;
  datum?: true;
}

/** One sheet as read: its header row and its rows, each with its row number in Excel. */
export interface Blad {
  /** what its errors begin with: `fil:blad` from the command line, `blad` in Teams */
  kalla: string;
  namn: string;
  rubrikrad: number;
  rubriker: string[];
  rader: Array<{ rad: number; celler: Cell[] }>;
}

export class Arbetsboksfel extends Error {}

const tal = new Intl.NumberFormat('sv-SE', { useGrouping: false, maximumFractionDigits: 10 });
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Excel's value as the text a CSV file would have held: numbers in Swedish form, dates as ÅÅÅÅ-MM-DD. */
function somCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number') return { text: tal.format(v).replace('\u2212', '-') };
  if (typeof v === 'string') return { text: v.trim() };
  if (typeof v === 'boolean') return { text: v ? 'sant' : 'falskt' };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { text: '' } : { text: iso(v), datum: true };
  if ('result' in v) return somCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('richText' in v)
    return {
      text: v.richText
        .map((r) => r.text)
        .join('')
        .trim(),
    };
  if ('text' in v && typeof v.text === 'string') return { text: v.text.trim() };
  if ('error' in v) return { text: String(v.error) };
  return { text: '' };
}

/** Every sheet that has anything in it, in the workbook's order; `prefix` is put before the sheet name in errors. */
export async function läsArbetsbok(data: Buffer, prefix: string): Promise<Blad[]> {
  const { default: Excel } = await import('exceljs');
  const bok = new Excel.Workbook();
  try {
    await bok.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new Arbetsboksfel(`kan inte läsas som en Excel-arbetsbok (.xlsx): ${(e as Error).message}`);
  }
  const blad: Blad[] = [];
  bok.eachSheet((ark) => {
    const rader: Blad['rader'] = [];
    ark.eachRow({ includeEmpty: false }, (rad, nr) => {
      const celler: Cell[] = [];
      const varden = rad.values as ExcelJS.CellValue[];
      for (let i = 1; i < varden.length; i++) celler.push(somCell(varden[i]));
      while (celler.length && celler[celler.length - 1].text === '') celler.pop();
      if (celler.length) rader.push({ rad: nr, celler });
    });
    if (!rader.length) return;
    const [rubrikrad, ...resten] = rader;
    blad.push({
      kalla: prefix ? `${prefix}:${ark.name}` : ark.name,
      namn: ark.name,
      rubrikrad: rubrikrad.rad,
      rubriker: rubrikrad.celler.map((c) => c.text),
      rader: resten,
    });
  });
  return blad;
}

/**
 * The sheet's rows keyed by contract column, as a CSV file's would be: headers matched to `kanda` without regard
 * to case, spaces or diacritics; a date in the period column is its month.
 */
export function bladSomRader(
  blad: Blad,
  kanda: readonly string[],
): { kalla: string; rubrikrad: number; rubriker: string[]; rader: CsvRad[] } {
  const rubriker = blad.rubriker.map((r) => kanoniskRubrik(r, kanda));
  const rader = blad.rader.map(({ rad, celler }) => {
    const varden: Record<string, string> = {};
    rubriker.forEach((r, i) => {
      if (!r) return;
      const c = celler[i] ?? { text: '' };
      varden[r] = c.datum && r === 'period' ? c.text.slice(0, 7) : c.text;
    });
    return { rad, varden };
  });
  return { kalla: blad.kalla, rubrikrad: blad.rubrikrad, rubriker, rader };
}
