import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import { Register } from '../../domain/register.js';
import type { Dokument, Handelse } from '../../domain/schema.js';
import type { Logg } from '../../logg.js';
import type { Ansprak, Delad } from '../delad.js';
import { Lagringsfel } from '../fel.js';
import { type Operation, Positioner, läggIMinnet } from '../samlingar.js';
import { type Aktor, type Store, Transaktion, indexeraIRegister } from '../store.js';
import { arForbindelsefel, beskrivForbindelsefel, utanLosenord } from './adress.js';
import { laddaDokument } from './laddning.js';
import { migrera } from './migrering.js';
import { Pgnyckelvarden } from './nyckelvarden.js';
import { KANAL, byggSkrivning } from './skrivning.js';

/** The one writer lock of a database: every change of every instance takes it, so changes have one order. */
export const SKRIVLAS = 0x42_4b_53_4b_52; // "BKSKR"

export interface Pgval {
  /** how long a claim on an outbox entry holds before another instance may take it over (default 120 s) */
  leaseMs?: number;
  logg?: Logg;
  /** how often the change log is read when no notification has come (default 300 ms) */
  pollMs?: number;
  /** the longest a change waits for another instance's change (an import) before it is refused (default 15 s) */
  lasvantanMs?: number;
  /** connections in the pool besides the listener (default 4) */
  anslutningar?: number;
}

const STANDARD_LEASE_MS = 120_000;
const STANDARD_POLL_MS = 300;
const STANDARD_LASVANTAN_MS = 15_000;
const LANGSTA_OMFORSOK_MS = 2_000;
const HAMTA_PER_GANG = 20;

interface Andringsrad {
  seq: string | number;
  ops: Operation[];
}

/**
 * The store on PostgreSQL, shared by any number of instances. Each instance keeps the whole document and its
 * register in memory, so answers are as fast as with the embedded store, and follows the others through the
 * change log (LISTEN/NOTIFY to wake up, a poll every few hundred ms so a lost notification loses nothing).
 *
 * A change: BEGIN; the writer lock; catch up on the log; `bygg` against memory, so every decision (the
 * version a card was built on, the import's plan) is made against the database's latest state; its rows,
 * audit entries and alerts into the tables and one row into the change log; NOTIFY; COMMIT. It is
 * acknowledged only after COMMIT, and undone in memory on any failure.
 */
export class Pglagring implements Store {
  private ko: Promise<unknown> = Promise.resolve();
  private register_: Register;
  private positioner: Positioner;
  private lyssnare: pg.Client | null = null;
  private otillganglig: Date | null = null;
  private stangd = false;
  private vakt: Promise<void> | null = null;
  private vack: ((varfor?: 'avisering') => void) | null = null;
  /** the highest change another instance has announced */
  private aviserad = 0;
  private vantan: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly lasvantanMs: number;
  /** this instance, as it names itself in claims on the outbox */
  readonly instans = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly plats: string;
  readonly delad: Delad;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly dok: Dokument,
    private sekvens: number,
    private readonly klocka: () => Date,
    private readonly namn: string,
    private readonly val: Pgval,
  ) {
    this.plats = utanLosenord(url);
    this.register_ = new Register(dok);
    this.positioner = new Positioner(dok);
    this.leaseMs = val.leaseMs ?? STANDARD_LEASE_MS;
    this.pollMs = val.pollMs ?? STANDARD_POLL_MS;
    this.lasvantanMs = val.lasvantanMs ?? STANDARD_LASVANTAN_MS;
    this.vantan = this.pollMs;
    const nyckelvarden = new Pgnyckelvarden(pool);
    this.delad = {
      otillgangligSedan: () => this.otillganglig,
      nyckelvarden: {
        las: (n) => this.bevakat(() => nyckelvarden.las(n)),
        skriv: (p) => this.bevakat(() => nyckelvarden.skriv(p)),
        radera: (n) => this.bevakat(() => nyckelvarden.radera(n)),
      },
      gripaUtskick: (u, granser) => this.bevakat(() => this.gripa(u, granser)),
    };
  }

  /**
   * Connects, brings the schema up to date, loads the current state and starts following the others.
   * `skrivare` names the process in the database's list of connections (pg_stat_activity).
   */
  static async oppna(url: string, klocka: () => Date = () => new Date(), skrivare?: string, val: Pgval = {}): Promise<Pglagring> {
    const plats = utanLosenord(url);
    const namn = (skrivare ?? 'Budgetkollen').slice(0, 60);
    const pool = new pg.Pool({
      connectionString: url,
      max: val.anslutningar ?? 4,
      application_name: namn,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
    });
    // An idle connection that breaks is dropped by the pool; the next query opens a new one.
    pool.on('error', () => undefined);
    // The pool takes its own error listener off a connection as it hands it out, and the caller's comes a tick
    // later; a termination that arrives in the same packet as the connection's readiness (a database restarting)
    // would be thrown as uncaught and stop the process. Every connection keeps a listener; the failed statement
    // that follows reports the error.
    pool.on('connect', (klient) => klient.on('error', () => undefined));
    let klient: pg.PoolClient;
    try {
      klient = await pool.connect();
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw new Lagringsfel(
        `Kan inte nå databasen ${plats}: ${beskrivForbindelsefel(e, url)}. Kontrollera STORE_URL (eller --store) och att databasen är igång och släpper in den här datorn. Inget har ändrats.`,
      );
    }
    const nerkopplad = () => undefined;
    klient.on('error', nerkopplad);
    let lagring: Pglagring;
    let slappt = false;
    try {
      const tillampade = await migrera(klient, plats);
      if (tillampade.length) val.logg?.info('databasens schema uppdaterat', { migreringar: tillampade, databas: plats });
      const { sekvens, dokument } = await laddaDokument(klient, plats);
      klient.off('error', nerkopplad);
      klient.release();
      slappt = true;
      lagring = new Pglagring(pool, url, dokument, sekvens, klocka, namn, val);
      await lagring.anslutLyssnare();
    } catch (e) {
      if (!slappt) klient.release(true);
      await pool.end().catch(() => undefined);
      if (e instanceof Lagringsfel) throw e;
      throw new Lagringsfel(`Kan inte öppna databasen ${plats}: ${beskrivForbindelsefel(e, url)}. Inget har ändrats.`);
    }
    lagring.startaVakt();
    return lagring;
  }

  get register(): Register {
    return this.register_;
  }

  get dokument(): Readonly<Dokument> {
    return this.dok;
  }

  /** The last change this instance has applied. */
  get andring(): number {
    return this.sekvens;
  }

  ändra<T>(aktor: Aktor, bygg: (tx: Transaktion) => T): Promise<T> {
    const steg = this.ko.then(() => this.utfor(aktor, bygg));
    this.ko = steg.catch(() => undefined);
    return steg;
  }

  async vanta(): Promise<void> {
    await this.ko;
  }

  /** The whole audit log, as committed, from its table. */
  async granskningslogg(): Promise<Handelse[]> {
    const { rows } = await this.bevakat(() =>
      this.pool.query<[Handelse]>({ text: 'SELECT rad FROM handelser ORDER BY andring, nr', rowMode: 'array' }),
    );
    return rows.map((r) => r[0]);
  }

  /** Catches up on every change committed so far; for tests and the import's report. */
  ikapp(): Promise<void> {
    return this.iKon(() => this.hamta());
  }

  private iKon(steg: () => Promise<void> | undefined): Promise<void> {
    const p = this.ko.then(steg);
    this.ko = p.catch(() => undefined);
    return p;
  }

  async stang(): Promise<void> {
    this.stangd = true;
    this.vack?.();
    await this.vakt;
    await this.ko;
    const lyssnare = this.lyssnare;
    this.lyssnare = null;
    await lyssnare?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  private async utfor<T>(aktor: Aktor, bygg: (tx: Transaktion) => T): Promise<T> {
    if (this.stangd) throw new Lagringsfel('Lagringen är stängd, så ändringen sparades inte.');
    let klient: pg.PoolClient;
    try {
      klient = await this.pool.connect();
    } catch (e) {
      throw this.ejSparat(e);
    }
    // A connection that breaks between two statements reports it here; the next statement fails with it too.
    const nerkopplad = (e: unknown) => this.markeraOtillganglig(e);
    klient.on('error', nerkopplad);
    let trasig = false;
    const avbryt = async () => {
      try {
        await klient.query('ROLLBACK');
      } catch {
        trasig = true;
      }
    };
    try {
      try {
        const svar = (await klient.query(
          `BEGIN; SET LOCAL lock_timeout = ${Math.max(1, Math.round(this.lasvantanMs))}; SELECT pg_advisory_xact_lock(${SKRIVLAS}); ` +
            `SELECT seq, ops FROM andringar WHERE seq > ${this.sekvens} ORDER BY seq`,
        )) as unknown as pg.QueryResult<Andringsrad>[];
        this.tillampa(svar[svar.length - 1].rows);
      } catch (e) {
        if (arForbindelsefel(e)) trasig = true;
        else await avbryt();
        throw this.ejSparat(e);
      }

      const tx = new Transaktion(this.dok, this.positioner, this.register_, aktor, this.klocka());
      let resultat: T;
      try {
        resultat = bygg(tx);
      } catch (e) {
        this.aterstall(tx);
        await avbryt();
        throw e;
      }
      if (tx.ops.length === 0) {
        await klient.query('COMMIT').catch((e) => {
          trasig = true;
          if (arForbindelsefel(e)) this.markeraOtillganglig(e);
        });
        return resultat;
      }

      const seq = this.sekvens + 1;
      const token = randomUUID();
      const skrivning = byggSkrivning(seq, token, aktor, tx.ops);
      try {
        const r = await klient.query<{ atgarder: number }>({ text: skrivning.text, values: skrivning.values });
        if (r.rows[0].atgarder !== skrivning.atgarder)
          throw new Lagringsfel('En åtgärd ändrades samtidigt från ett annat håll, så ändringen sparades inte. Öppna åtgärden igen.');
      } catch (e) {
        this.aterstall(tx);
        if (arForbindelsefel(e)) trasig = true;
        else await avbryt();
        throw e instanceof Lagringsfel ? e : this.ejSparat(e);
      }
      try {
        await klient.query('COMMIT');
      } catch (e) {
        this.aterstall(tx);
        if (!arForbindelsefel(e)) {
          // refused at COMMIT (a deferred key): nothing was written
          await avbryt();
          throw this.ejSparat(e);
        }
        trasig = true;
        // The connection broke during COMMIT: whether it committed is known only to the database.
        const fanns = await this.fannsAndringen(token);
        if (fanns === true) {
          // Committed: acknowledged. Memory gets it from the log, now or on the next catch-up.
          await this.hamta().catch((fel) => this.markeraOtillganglig(fel));
          return resultat;
        }
        if (fanns === null)
          throw new Lagringsfel(
            'Databasen slutade svara medan ändringen sparades, så det är oklart om den hann sparas. Kontrollera om den syns och försök annars igen; ett kort som redan har sparats känns igen.',
          );
        throw this.ejSparat(e);
      }
      this.sekvens = seq;
      return resultat;
    } finally {
      klient.off('error', nerkopplad);
      klient.release(trasig);
    }
  }

  /** Applies other instances' changes, in order, to memory and the register. */
  private tillampa(rader: readonly Andringsrad[]): void {
    for (const rad of rader) {
      const seq = Number(rad.seq);
      if (seq <= this.sekvens) continue;
      for (const op of rad.ops) {
        if (op.op === 'satt') this.positioner.sätt(op.samling, op.rad);
        else läggIMinnet(this.dok, op.samling, op.rad);
        indexeraIRegister(this.register_, op.samling, op.rad);
      }
      this.sekvens = seq;
    }
  }

  /** Reads and applies the change log after the last change applied here; only inside the queue. */
  private async hamta(): Promise<void> {
    for (;;) {
      const { rows } = await this.pool.query<Andringsrad>({
        text: 'SELECT seq, ops FROM andringar WHERE seq > $1 ORDER BY seq LIMIT $2',
        values: [this.sekvens, HAMTA_PER_GANG],
      });
      this.tillampa(rows);
      if (rows.length < HAMTA_PER_GANG) return;
    }
  }

  private aterstall(tx: Transaktion): void {
    tx.angraAllt();
    this.register_ = new Register(this.dok);
    this.positioner = new Positioner(this.dok);
  }

  /** Whether the change with this token is in the log: true, false, or null when the database cannot be asked. */
  private async fannsAndringen(token: string): Promise<boolean | null> {
    for (let forsok = 0; forsok < 10; forsok++) {
      try {
        const { rowCount } = await this.pool.query('SELECT 1 FROM andringar WHERE token = $1', [token]);
        return (rowCount ?? 0) > 0;
      } catch {
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    return null;
  }

  private ejSparat(e: unknown): Lagringsfel {
    if (e instanceof Lagringsfel) return e;
    if (arForbindelsefel(e)) {
      this.markeraOtillganglig(e);
      return new Lagringsfel(
        `Databasen går inte att nå just nu (${beskrivForbindelsefel(e, this.url)}), så ändringen sparades inte. Försök igen om en stund.`,
      );
    }
    const fel = e as { code?: string; message?: string };
    if (fel.code === '55P03')
      return new Lagringsfel(
        'Databasen är upptagen med en annan ändring (till exempel en import), så den här sparades inte. Försök igen om en stund.',
      );
    if (fel.code === '23505')
      return new Lagringsfel('Samma uppgift sparades samtidigt från ett annat håll, så den här sparades inte. Öppna formuläret igen.');
    return new Lagringsfel(`Databasen tog inte emot ändringen (${String(fel.message ?? e).slice(0, 300)}), så den sparades inte.`);
  }

  private markeraOtillganglig(e: unknown): void {
    if (this.stangd) return;
    if (!this.otillganglig) {
      this.otillganglig = new Date();
      this.val.logg?.warn('databasen går inte att nå; svar ges ur minnet och ändringar vägras tills den är tillbaka', {
        databas: this.plats,
        orsak: beskrivForbindelsefel(e, this.url),
      });
    }
    this.vack?.();
  }

  /** A shared-store call that notes a lost database, so answers say their figures may be stale. */
  private async bevakat<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (arForbindelsefel(e)) this.markeraOtillganglig(e);
      throw e;
    }
  }

  private async gripa(u: { id: string; konversation: string }, granser: ReadonlyArray<{ antal: number; ms: number }>): Promise<Ansprak> {
    const { rows } = await this.pool.query<{ fick: boolean; vanta_ms: string | null }>(
      'SELECT fick, vanta_ms::text FROM bk_gripa_utskick($1, $2, $3, $4, $5::json)',
      [u.id, u.konversation, this.instans, Math.round(this.leaseMs), JSON.stringify(granser)],
    );
    const r = rows[0];
    return r.fick ? { fick: true } : { fick: false, vantaMs: r.vanta_ms === null ? null : Number(r.vanta_ms) };
  }

  // ---- following the others -----------------------------------------------------------------------------

  private async anslutLyssnare(): Promise<void> {
    const klient = new pg.Client({
      connectionString: this.url,
      application_name: `${this.namn} (lyssnar)`.slice(0, 63),
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    const tappad = (e?: unknown) => {
      if (this.lyssnare !== klient) return;
      this.lyssnare = null;
      klient.end().catch(() => undefined);
      this.markeraOtillganglig(e ?? new Error('Connection terminated'));
    };
    klient.on('error', tappad);
    klient.on('end', () => tappad());
    klient.on('notification', (n) => {
      this.aviserad = Math.max(this.aviserad, Number(n.payload) || 0);
      if (this.aviserad > this.sekvens) this.vack?.('avisering');
    });
    try {
      await klient.connect();
      await klient.query(`LISTEN ${KANAL}`);
    } catch (e) {
      await klient.end().catch(() => undefined);
      throw e;
    }
    this.lyssnare = klient;
  }

  /**
   * Wakes on a notification or every poll interval: reconnects the listener if it is gone and reads the
   * change log. While the database cannot be reached it retries with a growing wait, and clears the
   * "unreachable" mark once the listener is back and the log has been read.
   */
  private startaVakt(): void {
    this.vakt = (async () => {
      while (!this.stangd) {
        const varfor = await new Promise<'tid' | 'avisering' | undefined>((r) => {
          const t = setTimeout(() => r('tid'), this.vantan);
          this.vack = (v) => {
            clearTimeout(t);
            r(v);
          };
        });
        this.vack = null;
        if (this.stangd) break;
        try {
          if (!this.lyssnare) await this.anslutLyssnare();
          // A notification of this instance's own change (or one a write here has caught up on) needs no read.
          if (varfor === 'avisering' && !this.otillganglig)
            await this.iKon(() => (this.aviserad > this.sekvens ? this.hamta() : undefined));
          else await this.ikapp();
          if (this.otillganglig && this.lyssnare) {
            this.val.logg?.info('databasen nås igen', { databas: this.plats, borta_ms: Date.now() - this.otillganglig.getTime() });
            this.otillganglig = null;
          }
          this.vantan = this.pollMs;
        } catch (e) {
          this.markeraOtillganglig(e);
          this.vantan = Math.min(LANGSTA_OMFORSOK_MS, Math.max(100, this.vantan * 2));
        }
      }
    })();
  }
}
