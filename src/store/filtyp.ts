import yauzl from 'yauzl';
import { megabyte } from '../domain/nedladdning.js';

export type Filtyp = { ok: true; typ: 'xlsx' | 'csv' } | { ok: false; orsak: string };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const MAX_POSTER = 20_000;

/** The zip's central directory, read with yauzl without unpacking anything: names and unpacked sizes. */
function zipkatalog(data: Buffer): Promise<Array<{ namn: string; storlek: number }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('ingen zip'));
      const poster: Array<{ namn: string; storlek: number }> = [];
      zip.on('entry', (e: yauzl.Entry) => {
        poster.push({ namn: e.fileName, storlek: e.uncompressedSize });
        if (poster.length > MAX_POSTER) {
          zip.close();
          resolve(poster);
        } else zip.readEntry();
      });
      zip.on('end', () => resolve(poster));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * What a file sent to the bot is, by its content and not its name: an Excel workbook (a zip with a workbook in it,
 * whose unpacked size is within `maxUppackat`) or a CSV file (UTF-8 text). Anything else is refused, saying why.
 */
export async function filtyp(data: Buffer, maxUppackat: number): Promise<Filtyp> {
  if (data.subarray(0, 4).equals(ZIP)) {
    let poster: Array<{ namn: string; storlek: number }>;
    try {
      poster = await zipkatalog(data);
    } catch {
      return { ok: false, orsak: 'filen ser ut som en Excel-arbetsbok men är trasig' };
    }
    if (poster.length > MAX_POSTER) return { ok: false, orsak: `arbetsboken har fler än ${MAX_POSTER} delar` };
    const uppackat = poster.reduce((a, p) => a + p.storlek, 0);
    if (uppackat > maxUppackat)
      return { ok: false, orsak: `uppackad vore arbetsboken ${megabyte(uppackat)}, mer än gränsen ${megabyte(maxUppackat)}` };
    const namn = new Set(poster.map((p) => p.namn));
    if (!namn.has('[Content_Types].xml') || !namn.has('xl/workbook.xml'))
      return { ok: false, orsak: 'filen är en zip-fil men ingen Excel-arbetsbok (.xlsx)' };
    return { ok: true, typ: 'xlsx' };
  }
  if (data.subarray(0, 4).equals(OLE))
    return { ok: false, orsak: 'filen är en äldre Excel-fil (.xls); spara den som Excel-arbetsbok (.xlsx)' };
  if (data.includes(0)) return { ok: false, orsak: 'filen är varken en Excel-arbetsbok (.xlsx) eller en CSV-fil' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { ok: false, orsak: 'filen är varken en Excel-arbetsbok (.xlsx) eller en CSV-fil i UTF-8' };
  }
  return { ok: true, typ: 'csv' };
}
