import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/**
 * The lowdb adapter for the snapshot. The file is ordinary JSON, written one row per line:
 *
 *   {"sekvens":12,"granskningslogg":48213,"dokument":{
 *   "schemaversion":4,
 *   "enheter":[
 *   {"id":"kommun",...},
 *   {"id":"sn",...}
 *   ],
 *   ...
 *   "mottagna":[]
 *   }}
 *
 * so it can be read in pieces instead of as one string the size of the store (33 MB for 1 000 units),
 * which halves what start-up needs at its peak, and written in pieces, never holding the whole text.
 * Reading accepts exactly that layout; any other JSON (an older compact snapshot, a hand-edited file)
 * is read whole with JSON.parse as before, so what a file means never depends on how it is laid out.
 * Writing is atomic and durable: a temporary file, synced, renamed over the old one, directory synced.
 */
export class Snapshotfil<T> implements Adapter<T> {
  private ko: Promise<unknown> = Promise.resolve();

  constructor(
    readonly fil: string,
    /** the whole text, parsed and checked: the path for anything not in the row-per-line layout */
    private readonly tolkaText: (text: string) => T,
    /** the parsed value, checked: the row-per-line path ends here */
    private readonly tolkaVarde: (varde: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    let varde: unknown;
    try {
      varde = await läsRadvis(this.fil);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    if (varde !== INTE_RADVIS) return this.tolkaVarde(varde);
    let text: string;
    try {
      text = await readFile(this.fil, 'utf-8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return this.tolkaText(text);
  }

  write(data: T): Promise<void> {
    const steg = this.ko.then(() => skrivRadvis(this.fil, data));
    this.ko = steg.catch(() => undefined);
    return steg;
  }
}

const INTE_RADVIS = Symbol('inte radvis');
const BITAR = 1 << 20;

/** Reads the row-per-line layout; INTE_RADVIS as soon as the file is anything else. */
async function läsRadvis(fil: string): Promise<unknown> {
  const fh = await open(fil, 'r');
  try {
    const lasare = new Radlasare();
    const buf = Buffer.allocUnsafe(BITAR);
    // the start of a line that the previous piece ended in the middle of
    let rest: Buffer | null = null;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      const bit = buf.subarray(0, bytesRead);
      let start = 0;
      let nl = bit.indexOf(10);
      if (rest) {
        if (nl < 0) {
          rest = Buffer.concat([rest, bit]);
          continue;
        }
        if (!lasare.rad(Buffer.concat([rest, bit.subarray(0, nl)]).toString('utf-8'))) return INTE_RADVIS;
        rest = null;
        start = nl + 1;
        nl = bit.indexOf(10, start);
      }
      for (; nl >= 0; nl = bit.indexOf(10, start)) {
        if (!lasare.rad(bit.toString('utf-8', start, nl))) return INTE_RADVIS;
        start = nl + 1;
      }
      if (start < bit.length) rest = Buffer.from(bit.subarray(start));
    }
    if (rest && !lasare.rad(rest.toString('utf-8'))) return INTE_RADVIS;
    return lasare.klar() ?? INTE_RADVIS;
  } finally {
    await fh.close();
  }
}

const TAL = '(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)';
const HUVUD = new RegExp(`^\\{"sekvens":${TAL},(?:"granskningslogg":${TAL},)?"dokument":\\{$`);
const SAMLING = /^("(?:[^"\\]|\\.)*"):\[$/;

/**
 * The layout's grammar, line by line. Each row is parsed by JSON.parse on its own; every comma the whole
 * document needs must be where the layout puts it, or the file is not in the layout.
 */
class Radlasare {
  private lage: 'huvud' | 'nyckel' | 'rader' | 'slut' | 'klar' = 'huvud';
  private sekvens = 0;
  private granskningslogg: number | undefined;
  private readonly dokument: Record<string, unknown> = {};
  private samling: unknown[] = [];
  private samlingsnamn = '';
  /** a row or entry before this one ended with a comma, so another must follow */
  private vantarMer = false;
  private readonly strangar = new Map<string, string>();
  rad(rad: string): boolean {
    switch (this.lage) {
      case 'huvud': {
        const m = HUVUD.exec(rad);
        if (!m) return false;
        this.sekvens = JSON.parse(m[1]) as number;
        if (m[2] !== undefined) this.granskningslogg = JSON.parse(m[2]) as number;
        this.lage = 'nyckel';
        return true;
      }
      case 'nyckel': {
        if (rad === '}}') {
          if (this.vantarMer) return false;
          this.lage = 'klar';
          return true;
        }
        if (Object.keys(this.dokument).length && !this.vantarMer) return false;
        const s = SAMLING.exec(rad);
        if (s) {
          this.samlingsnamn = JSON.parse(s[1]) as string;
          this.samling = [];
          this.vantarMer = false;
          this.lage = 'rader';
          return true;
        }
        // "nyckel":värde on one line, with or without the comma
        const komma = rad.endsWith(',');
        const falt = tolka(`{${komma ? rad.slice(0, -1) : rad}}`);
        if (!falt || typeof falt !== 'object' || Array.isArray(falt)) return false;
        const nycklar = Object.keys(falt);
        if (nycklar.length !== 1) return false;
        this.satt(nycklar[0], (falt as Record<string, unknown>)[nycklar[0]]);
        this.vantarMer = komma;
        return true;
      }
      case 'rader': {
        if (rad === ']' || rad === '],') {
          if (this.vantarMer) return false;
          this.satt(this.samlingsnamn, this.samling);
          this.vantarMer = rad === '],';
          this.lage = 'nyckel';
          return true;
        }
        if (this.samling.length && !this.vantarMer) return false;
        const komma = rad.endsWith(',');
        const varde = tolka(komma ? rad.slice(0, -1) : rad);
        if (varde === INTE_RADVIS) return false;
        this.samling.push(this.dela(varde));
        this.vantarMer = komma;
        return true;
      }
      case 'klar':
        // only an empty last line may follow
        if (rad !== '') return false;
        this.lage = 'slut';
        return true;
      default:
        return false;
    }
  }

  klar(): unknown {
    if (this.lage !== 'klar' && this.lage !== 'slut') return null;
    return this.granskningslogg === undefined
      ? { sekvens: this.sekvens, dokument: this.dokument }
      : { sekvens: this.sekvens, granskningslogg: this.granskningslogg, dokument: this.dokument };
  }

  private satt(nyckel: string, varde: unknown): void {
    // as JSON.parse: a repeated key keeps the last value, in the place of the first
    if (nyckel === '__proto__')
      Object.defineProperty(this.dokument, nyckel, { value: varde, enumerable: true, configurable: true, writable: true });
    else this.dokument[nyckel] = varde;
  }

  /** The same value with fewer objects: repeated strings (timestamps, ids, months) become one string. */
  private dela(varde: unknown): unknown {
    return this.internera(varde);
  }

  private internera(v: unknown): unknown {
    if (typeof v === 'string') return this.strang(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x === 'string') v[i] = this.strang(x);
        else if (x !== null && typeof x === 'object') this.internera(x);
      }
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      // own keys only: a parsed JSON object inherits nothing enumerable
      for (const k in o) {
        const x = o[k];
        // always assigned: strings compare by value, so whether it was another copy cannot be asked
        if (typeof x === 'string') o[k] = this.strang(x);
        else if (x !== null && typeof x === 'object') this.internera(x);
      }
    }
    return v;
  }

  private strang(s: string): string {
    if (s.length > 200) return s;
    const finns = this.strangar.get(s);
    if (finns !== undefined) return finns;
    this.strangar.set(s, s);
    return s;
  }
}

function tolka(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return INTE_RADVIS;
  }
}

/** The layout, written in pieces of about a megabyte, to a synced temporary file renamed into place. */
async function skrivRadvis(fil: string, data: unknown): Promise<void> {
  const tmp = join(dirname(fil), `.${basename(fil)}.tmp`);
  const fh = await open(tmp, 'w');
  try {
    let bit: string[] = [];
    let storlek = 0;
    const skriv = async (text: string) => {
      bit.push(text);
      storlek += text.length;
      if (storlek >= BITAR) {
        await fh.write(bit.join(''));
        bit = [];
        storlek = 0;
      }
    };
    const { sekvens, granskningslogg, dokument } = data as {
      sekvens: unknown;
      granskningslogg?: unknown;
      dokument: Record<string, unknown>;
    };
    const rest = Object.fromEntries(
      Object.entries(data as Record<string, unknown>).filter(([k]) => k !== 'sekvens' && k !== 'granskningslogg' && k !== 'dokument'),
    );
    if (
      Object.keys(rest).length ||
      typeof sekvens !== 'number' ||
      (granskningslogg !== undefined && typeof granskningslogg !== 'number') ||
      !dokument ||
      typeof dokument !== 'object' ||
      Object.keys(data as object)[0] !== 'sekvens'
    ) {
      // not the snapshot's shape: plain JSON, still atomic
      await skriv(JSON.stringify(data));
    } else {
      const logg = granskningslogg === undefined ? '' : `"granskningslogg":${JSON.stringify(granskningslogg)},`;
      await skriv(`{"sekvens":${JSON.stringify(sekvens)},${logg}"dokument":{\n`);
      const nycklar = Object.keys(dokument).filter((k) => dokument[k] !== undefined);
      for (let i = 0; i < nycklar.length; i++) {
        const k = nycklar[i];
        const v = dokument[k];
        const komma = i < nycklar.length - 1 ? ',' : '';
        if (Array.isArray(v) && v.length) {
          await skriv(`${JSON.stringify(k)}:[\n`);
          for (let j = 0; j < v.length; j++)
            await skriv(`${JSON.stringify(v[j] === undefined ? null : v[j])}${j < v.length - 1 ? ',' : ''}\n`);
          await skriv(`]${komma}\n`);
        } else {
          await skriv(`${JSON.stringify(k)}:${JSON.stringify(v)}${komma}\n`);
        }
      }
      await skriv('}}');
    }
    if (bit.length) await fh.write(bit.join(''));
    await fh.datasync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  await rename(tmp, fil);
  const mapp = await open(dirname(fil), 'r');
  try {
    await mapp.sync();
  } finally {
    await mapp.close();
  }
}
