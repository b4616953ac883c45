import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { Register } from '../domain/register.js';
import { type Dokument, DokumentSchema, type Handelse, tomtDokument } from '../domain/schema.js';
import type { Delad } from './delad.js';
import { Granskningslogg } from './granskningslogg.js';
import { Journal, type Journalpost } from './journal.js';
import { Lagringsfel } from './fel.js';
import { låsLagringen } from './skrivlas.js';
import { migrera, utflyttadeHandelser } from './migrering.js';
import { Snapshotfil } from './snapshotfil.js';
import { type Snabbkontroll, kompilera } from './validering.js';
import { type Nyckelsamling, type Operation, Positioner, type Rad, type Tillvaxtsamling, läggIMinnet } from './samlingar.js';

interface Snapshot {
  sekvens: number;
  /** bytes of the audit log (granskningslogg.ts) that this snapshot accounts for; absent before version 4 */
  granskningslogg?: number;
  dokument: Dokument;
}

/** Who made a change and through what, for the audit log. */
export interface Aktor {
  vem: string;
  kalla: 'import' | 'kort' | 'chatt' | 'system';
}

const GRANSKADE: ReadonlySet<string> = new Set([
  'enheter',
  'utfall',
  'atgarder',
  'atgardsplaner',
  'nyckeltal',
  'anvandare',
  'trosklar',
  'prenumerationer',
  'rapporteringsplaner',
  'klarmarkeringar',
  'kodmappningar',
  'rubrikmappningar',
]);
const KOMPRIMERA_EFTER_POSTER = 5000;

/** A change being built: applied to memory at once, undone if anything fails before it is durable. */
export class Transaktion {
  readonly ops: Operation[] = [];
  private readonly angra: Array<() => void> = [];

  constructor(
    private readonly dok: Dokument,
    private readonly pos: Positioner,
    readonly register: Register,
    private readonly aktor: Aktor,
    readonly nu: Date,
  ) {}

  sätt<S extends Nyckelsamling>(samling: S, rad: Rad<S>): void {
    const { fore, angra } = this.pos.sätt(samling, rad);
    this.angra.push(angra);
    this.ops.push({ op: 'satt', samling, rad });
    indexeraIRegister(this.register, samling, rad);
    if (GRANSKADE.has(samling)) this.granska(samling, rad, fore);
  }

  lagg<S extends Tillvaxtsamling>(samling: S, rad: Rad<S>): void {
    const lista = this.dok[samling] as unknown[];
    if (läggIMinnet(this.dok, samling, rad)) this.angra.push(() => lista.pop());
    this.ops.push({ op: 'lagg', samling, rad });
    indexeraIRegister(this.register, samling, rad);
    if (GRANSKADE.has(samling)) this.granska(samling, rad, undefined);
  }

  angraAllt(): void {
    for (const f of this.angra.reverse()) f();
  }

  private granska(samling: string, efter: unknown, fore: unknown): void {
    const handelse = {
      tid: this.nu.toISOString(),
      vem: this.aktor.vem,
      kalla: this.aktor.kalla,
      typ: samling,
      nyckel: granskningsnyckel(samling, efter),
      ...(fore === undefined ? {} : { fore }),
      efter,
    };
    const lista = this.dok.handelser;
    if (läggIMinnet(this.dok, 'handelser', handelse)) this.angra.push(() => lista.pop());
    this.ops.push({ op: 'lagg', samling: 'handelser', rad: handelse });
  }
}

function granskningsnyckel(samling: string, rad: unknown): string {
  const r = rad as Record<string, unknown>;
  if (samling === 'utfall') return `${r.enhet}|${r.period}|v${r.version}`;
  if (samling === 'rapporteringsplaner') return `${r.enhet}|${r.period ?? '*'}`;
  if (samling === 'kodmappningar') return String(r.kod);
  if (samling === 'rubrikmappningar') return String(r.rubrik);
  return [r.id, r.enhet, r.nr, r.period, r.nyckeltal, r.konversation].filter((v) => v !== undefined).join('|');
}

/** Keeps the register in step with one row written; also for changes replayed from another instance. */
export function indexeraIRegister(reg: Register, samling: string, rad: unknown): void {
  switch (samling) {
    case 'utfall':
      reg.indexeraUtfall(rad as Dokument['utfall'][number]);
      break;
    case 'atgarder':
      reg.indexeraAtgard(rad as Dokument['atgarder'][number]);
      break;
    case 'atgardsplaner':
      reg.indexeraPlan(rad as Dokument['atgardsplaner'][number]);
      break;
    case 'nyckeltal':
      reg.indexeraNyckeltal(rad as Dokument['nyckeltal'][number]);
      break;
    case 'anvandare': {
      const a = rad as Dokument['anvandare'][number];
      reg.anvandare.set(a.id, a);
      reg.generation++;
      reg.personnamngeneration++;
      break;
    }
    case 'konversationer':
      reg.generation++;
      reg.personnamngeneration++;
      break;
    case 'trosklar': {
      const t = rad as Dokument['trosklar'][number];
      reg.trosklar.set(t.enhet, t);
      reg.generation++;
      break;
    }
    case 'enheter':
      reg.indexeraEnhet(rad as Dokument['enheter'][number]);
      break;
    case 'mottagna':
      reg.mottagna.add(rad as string);
      break;
    case 'rapporteringsplaner':
    case 'klarmarkeringar':
    case 'kodmappningar':
    case 'rubrikmappningar':
      // read from the document where needed (src/domain/rapporteringsplan.ts, klarmarkering.ts); few rows
      reg.generation++;
      break;
    default:
  }
}

export { Lagringsfel };

/**
 * What the bot, the CLIs and the alerts use, whichever store is behind it: the embedded lowdb file
 * (`Fillagring`, below) or PostgreSQL (`src/store/postgres/`); `oppnaStore` (src/store/oppna.ts) chooses.
 * Answers read `register` and `dokument` in memory; every change goes through `ändra`.
 */
export interface Store {
  readonly register: Register;
  readonly dokument: Readonly<Dokument>;
  /** where the data lives, for messages and logs: the file, or the database without its password */
  readonly plats: string;
  /** Runs `bygg` against the live data; resolves only once the change is durable, undoes everything if it is not. */
  ändra<T>(aktor: Aktor, bygg: (tx: Transaktion) => T): Promise<T>;
  /** Waits for queued changes. */
  vanta(): Promise<void>;
  /** The whole audit log, every event acknowledged so far, in order; read from disk or the database, not kept in memory. */
  granskningslogg(): Promise<Handelse[]>;
  /** Waits for queued changes and lets go of files and connections. */
  stang(): Promise<void>;
  /** Only a store that several instances share has this (src/store/delad.ts). */
  readonly delad?: Delad;
}

/**
 * The embedded store: a lowdb snapshot plus an append-only journal. Every change goes through
 * `ändra`, one at a time, and is durable (journal line synced) before the promise resolves.
 */
export class Fillagring implements Store {
  private ko: Promise<unknown> = Promise.resolve();
  private register_: Register;
  private positioner: Positioner;
  private journalPoster = 0;

  private constructor(
    private readonly db: Low<Snapshot>,
    private readonly journal: Journal,
    private readonly logg: Granskningslogg,
    /** audit events acknowledged since the snapshot (in the journal), for the audit log at the next compaction */
    private vantande: unknown[],
    private sekvens: number,
    readonly fil: string,
    private readonly klocka: () => Date,
  ) {
    this.register_ = new Register(db.data.dokument);
    this.positioner = new Positioner(db.data.dokument);
  }

  /** `skrivare`: who opens it as its one writer (the bot, a CLI); the store is then locked against others. */
  static async oppna(fil: string, klocka: () => Date = () => new Date(), skrivare?: string): Promise<Fillagring> {
    mkdirSync(dirname(fil), { recursive: true });
    if (skrivare) låsLagringen(fil, skrivare);
    // a document older than version 4 brings its audit events, to be moved to the audit log
    let utflyttade: unknown[] | null = null;
    const db = new Low<Snapshot>(
      new Snapshotfil<Snapshot>(
        fil,
        (text) => läsSnapshot(fil, text, (h) => (utflyttade = h)),
        (json) => tolkaSnapshot(fil, json, (h) => (utflyttade = h)),
      ),
      { sekvens: 0, granskningslogg: 0, dokument: tomtDokument() },
    );
    await db.read();
    const logg = new Granskningslogg(`${fil}.granskningslogg`);
    db.data.granskningslogg ??= 0;
    await logg.kontrollera(db.data.granskningslogg);
    const journal = new Journal(`${fil}.journal`);
    let poster: Journalpost[];
    try {
      poster = await journal.läs();
      await journal.kapaRivenSvans();
    } catch (e) {
      throw new Lagringsfel(`Kan inte läsa ${fil}: ${(e as Error).message}. Filen har inte ändrats.`);
    }
    let sekvens = db.data.sekvens;
    const vantande: unknown[] = utflyttade ?? [];
    for (const post of poster) {
      if (post.sekvens <= sekvens) continue;
      spelaUpp(db.data.dokument, post.ops, vantande);
      sekvens = post.sekvens;
    }
    if (poster.length && !dokumentkontroll()(db.data.dokument)) {
      const kontroll = DokumentSchema.safeParse(db.data.dokument);
      if (!kontroll.success)
        throw new Lagringsfel(`Journalen för ${fil} ger ett ogiltigt dokument: ${beskrivZodfel(kontroll.error)}. Inget har ändrats.`);
    }
    const store = new Fillagring(db, journal, logg, vantande, sekvens, fil, klocka);
    if (poster.length || utflyttade) await store.komprimera();
    return store;
  }

  get register(): Register {
    return this.register_;
  }

  get plats(): string {
    return this.fil;
  }

  get dokument(): Readonly<Dokument> {
    return this.db.data.dokument;
  }

  /**
   * Runs `bygg` against the live data and makes its changes durable. If `bygg` throws, or the
   * write fails, every change is undone and the error passed on: nothing half-written remains.
   */
  ändra<T>(aktor: Aktor, bygg: (tx: Transaktion) => T): Promise<T> {
    const steg = this.ko.then(() => this.utfor(aktor, bygg));
    this.ko = steg.catch(() => undefined);
    return steg;
  }

  private async utfor<T>(aktor: Aktor, bygg: (tx: Transaktion) => T): Promise<T> {
    const tx = new Transaktion(this.db.data.dokument, this.positioner, this.register_, aktor, this.klocka());
    let resultat: T;
    try {
      resultat = bygg(tx);
    } catch (e) {
      this.aterstall(tx);
      throw e;
    }
    if (tx.ops.length === 0) return resultat;
    const post = { sekvens: this.sekvens + 1, ops: tx.ops };
    try {
      await this.journal.skriv(post);
    } catch (e) {
      this.aterstall(tx);
      throw new Lagringsfel(`Ändringen kunde inte sparas: ${(e as Error).message}`);
    }
    this.sekvens = post.sekvens;
    this.db.data.sekvens = this.sekvens;
    for (const op of tx.ops) if (op.samling === 'handelser') this.vantande.push(op.rad);
    if (++this.journalPoster >= KOMPRIMERA_EFTER_POSTER) await this.komprimeraNu();
    return resultat;
  }

  private aterstall(tx: Transaktion): void {
    tx.angraAllt();
    this.register_ = new Register(this.db.data.dokument);
    this.positioner = new Positioner(this.db.data.dokument);
  }

  /**
   * Appends the audit events since the last snapshot to the audit log, then writes the whole snapshot (atomically,
   * through lowdb) naming the log's new length, and empties the journal. See granskningslogg.ts for why a crash
   * anywhere in between neither loses nor repeats an event. Queued after the changes before it, so no change
   * lands between the snapshot and the emptied journal.
   */
  komprimera(): Promise<void> {
    const steg = this.ko.then(() => this.komprimeraNu());
    this.ko = steg.catch(() => undefined);
    return steg;
  }

  private async komprimeraNu(): Promise<void> {
    const fore = this.db.data.granskningslogg ?? 0;
    const langd = await this.logg.lagg(this.vantande, fore);
    this.db.data.sekvens = this.sekvens;
    this.db.data.granskningslogg = langd;
    try {
      await this.db.write();
    } catch (e) {
      this.db.data.granskningslogg = fore;
      throw e;
    }
    this.vantande = [];
    await this.journal.tom();
    this.journalPoster = 0;
  }

  granskningslogg(): Promise<Handelse[]> {
    const steg = this.ko.then(async () => [...(await this.logg.läs(this.db.data.granskningslogg ?? 0)), ...(this.vantande as Handelse[])]);
    this.ko = steg.catch(() => undefined);
    return steg;
  }

  /** Waits for queued changes; for shutdown and tests. */
  async vanta(): Promise<void> {
    await this.ko;
  }

  async stang(): Promise<void> {
    await this.ko;
  }
}

/** `Store.oppna(fil)` opens the embedded store, as before; `oppnaStore` (src/store/oppna.ts) opens a file or a database. */
export const Store = Fillagring;

function spelaUpp(dok: Dokument, ops: Operation[], handelser: unknown[]): void {
  const pos = new Positioner(dok);
  for (const op of ops) {
    if (op.op === 'satt') pos.sätt(op.samling, op.rad);
    else {
      läggIMinnet(dok, op.samling, op.rad);
      if (op.samling === 'handelser') handelser.push(op.rad);
    }
  }
}

let kompilerad: Snabbkontroll | undefined;
/** The fast check of the whole document (see validering.ts); answers false when zod must decide. */
function dokumentkontroll(): Snabbkontroll {
  kompilerad ??= kompilera(DokumentSchema) ?? (() => false);
  return kompilerad;
}

type Utflyttade = (handelser: unknown[]) => void;

function läsSnapshot(fil: string, text: string, utflyttade: Utflyttade): Snapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Lagringsfel(
      `Lagringsfilen ${fil} är skadad (ogiltig JSON: ${(e as Error).message}). Den har inte ändrats; återställ den från en säkerhetskopia eller flytta den och importera på nytt.`,
    );
  }
  return tolkaSnapshot(fil, json, utflyttade);
}

/** The checks of a parsed snapshot, whichever way it was read. */
function tolkaSnapshot(fil: string, json: unknown, utflyttade: Utflyttade): Snapshot {
  const obj = json as { sekvens?: unknown; granskningslogg?: unknown; dokument?: unknown };
  if (typeof obj !== 'object' || obj === null || !('dokument' in obj)) {
    throw new Lagringsfel(`Lagringsfilen ${fil} är inte en Budgetkollen-fil. Den har inte ändrats.`);
  }
  const gamla = utflyttadeHandelser(obj.dokument);
  const dokument = migrera(fil, obj.dokument);
  const sekvens = typeof obj.sekvens === 'number' ? obj.sekvens : 0;
  // Before version 4 there was no audit log beside the document: whatever is there was left by a crashed upgrade.
  const granskningslogg = gamla === null && typeof obj.granskningslogg === 'number' ? obj.granskningslogg : 0;
  let giltigt: Dokument;
  // A document exactly in the schema's shape is used as read; zod's copy of it would be equal, key for key.
  if (dokumentkontroll()(dokument)) giltigt = dokument as Dokument;
  else {
    const kontroll = DokumentSchema.safeParse(dokument);
    if (!kontroll.success) {
      throw new Lagringsfel(`Lagringsfilen ${fil} klarar inte valideringen: ${beskrivZodfel(kontroll.error)}. Den har inte ändrats.`);
    }
    giltigt = kontroll.data;
  }
  if (gamla !== null) {
    // checked as the events they were; the document keeps only those answers read
    const h = DokumentSchema.shape.handelser.safeParse(gamla);
    if (!h.success)
      throw new Lagringsfel(`Lagringsfilen ${fil} klarar inte valideringen: handelser.${beskrivZodfel(h.error)}. Den har inte ändrats.`);
    utflyttade(h.data);
  }
  return { sekvens, granskningslogg, dokument: giltigt };
}

function beskrivZodfel(fel: import('zod').ZodError): string {
  const forsta = fel.issues[0];
  return `${forsta.path.join('.')}: ${forsta.message}${fel.issues.length > 1 ? ` (och ${fel.issues.length - 1} fel till)` : ''}`;
}
