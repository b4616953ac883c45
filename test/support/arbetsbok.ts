import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type Varde = string | number | Date | null;

/** A folder of CSV files as a workbook the way a person would make it: a sheet per file, headers written out. */
export function csvSomArk(mapp: string): Record<string, { rubriker: string[]; rader: string[][] }> {
  const ut: Record<string, { rubriker: string[]; rader: string[][] }> = {};
  for (const fil of readdirSync(mapp).filter((f) => f.endsWith('.csv'))) {
    const [rubriker, ...rader] = parse(readFileSync(join(mapp, fil), 'utf-8'), { delimiter: ';', bom: true }) as string[][];
    ut[fil.replace(/\.csv$/, '')] = { rubriker, rader };
  }
  return ut;
}

export async function skrivArbetsbok(ark: Array<{ namn: string; rader: Varde[][] }>): Promise<Buffer> {
  const bok = new ExcelJS.Workbook();
  for (const a of ark) {
    const blad = bok.addWorksheet(a.namn);
    for (const rad of a.rader) blad.addRow(rad);
  }
  return Buffer.from(await bok.xlsx.writeBuffer());
}

/** "17795,6" as the number Excel would hold. */
export const somExceltal = (s: string): number | string => (/^-?\d+(,\d+)?$/.test(s) ? Number(s.replace(',', '.')) : s);

/** "2025-11" as the first of the month as an Excel date. */
export const somExceldatum = (period: string): Date => new Date(`${period}-01T00:00:00Z`);
