import { parse } from 'csv-parse/sync';

export interface CsvRad {
  rad: number;
  varden: Record<string, string>;
}

export class CsvFel extends Error {
  constructor(
    readonly fil: string,
    readonly rad: number,
    orsak: string,
  ) {
    super(`${fil}:${rad}: ${orsak}`);
  }
}

/**
 * Reads a `;`-separated file with a header row. Refuses what is not UTF-8, strips a BOM,
 * and checks the columns the caller needs; extra columns are kept for the caller to ignore or use.
 */
export function läsCsv(fil: string, data: Buffer, obligatoriska: readonly string[]): CsvRad[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new CsvFel(fil, 1, 'filen är inte UTF-8; spara den som UTF-8 (CSV UTF-8 i Excel) och försök igen');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let poster: Array<{ record: string[]; info: { lines: number } }>;
  try {
    poster = parse(text, {
      delimiter: ';',
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      bom: false,
      trim: false,
    }) as never;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new CsvFel(fil, err.lines ?? 1, `kan inte läsa raden som CSV (${err.message.replace(/^Invalid [^:]*: /, '')})`);
  }
  if (poster.length === 0) throw new CsvFel(fil, 1, 'filen är tom; den ska ha en rubrikrad');
  const rubriker = poster[0].record.map((r) => r.trim().toLowerCase());
  for (const kolumn of obligatoriska) {
    if (!rubriker.includes(kolumn))
      throw new CsvFel(fil, 1, `kolumnen "${kolumn}" saknas (rubrikraden ska innehålla ${obligatoriska.join(';')})`);
  }
  const dubblett = rubriker.find((r, i) => r && rubriker.indexOf(r) !== i);
  if (dubblett) throw new CsvFel(fil, 1, `kolumnen "${dubblett}" finns två gånger`);
  return poster.slice(1).map(({ record, info }) => {
    if (record.length !== rubriker.length) {
      throw new CsvFel(fil, info.lines, `raden har ${record.length} kolumner men rubrikraden har ${rubriker.length}`);
    }
    const varden: Record<string, string> = {};
    rubriker.forEach((r, i) => {
      varden[r] = record[i].trim();
    });
    return { rad: info.lines, varden };
  });
}
