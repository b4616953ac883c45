import type { Nyckelvarden } from '../store/delad.js';
import type { Importfiler, Lastblad } from '../store/import.js';

/** A preview shown and not yet imported or cancelled: whose, which file, and the file's rows as read. */
export interface Forhandsvisning {
  id: string;
  anvandare: string;
  filnamn: string;
  /** sha256 of the file, hex */
  hash: string;
  /** sha256 of what the preview showed: Importera imports only if the store would still change exactly that */
  avtryck: string;
  filer: Sparadefiler;
  skapad: string;
}

/** Importfiler as JSON: a CSV file as base64. */
export type Sparadefiler = Record<string, { csv: string } | Lastblad | Lastblad[]>;

export function sparbara(filer: Importfiler): Sparadefiler {
  const ut: Sparadefiler = {};
  for (const [k, v] of Object.entries(filer)) if (v) ut[k] = Buffer.isBuffer(v) ? { csv: v.toString('base64') } : v;
  return ut;
}

export function återställda(filer: Sparadefiler): Importfiler {
  const ut: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filer)) ut[k] = !Array.isArray(v) && 'csv' in v ? Buffer.from(v.csv, 'base64') : v;
  return ut as Importfiler;
}

/** Where previews wait for Importera: in this process, or shared by every instance (PostgreSQL). */
export interface Forhandsvisningar {
  spara(f: Forhandsvisning): Promise<void>;
  hamta(id: string): Promise<Forhandsvisning | undefined>;
  taBort(id: string): Promise<void>;
}

const GILTIG_MS = 24 * 60 * 60 * 1000;
const MAX_I_MINNET = 100;

export class Minnesforhandsvisningar implements Forhandsvisningar {
  private readonly karta = new Map<string, Forhandsvisning>();
  constructor(private readonly klocka: () => Date) {}

  async spara(f: Forhandsvisning): Promise<void> {
    this.karta.set(f.id, f);
    // the oldest go first when many wait
    while (this.karta.size > MAX_I_MINNET) this.karta.delete(this.karta.keys().next().value!);
  }

  async hamta(id: string): Promise<Forhandsvisning | undefined> {
    const f = this.karta.get(id);
    return f && this.klocka().getTime() - Date.parse(f.skapad) < GILTIG_MS ? f : undefined;
  }

  async taBort(id: string): Promise<void> {
    this.karta.delete(id);
  }
}

export class Deladeforhandsvisningar implements Forhandsvisningar {
  constructor(
    private readonly nv: Nyckelvarden,
    private readonly klocka: () => Date,
  ) {}

  async spara(f: Forhandsvisning): Promise<void> {
    await this.nv.skriv({ [`filimport|${f.id}`]: f });
  }

  async hamta(id: string): Promise<Forhandsvisning | undefined> {
    const f = (await this.nv.las([`filimport|${id}`]))[`filimport|${id}`] as Forhandsvisning | undefined;
    return f && this.klocka().getTime() - Date.parse(f.skapad) < GILTIG_MS ? f : undefined;
  }

  async taBort(id: string): Promise<void> {
    await this.nv.radera([`filimport|${id}`]);
  }
}
