import type { Svar } from '../answers/svar.js';
import { type Dokument, type Konversation, RUNDSLAG, type Utskick } from '../domain/schema.js';
import type { Logg } from '../logg.js';
import type { Aktor, Store } from '../store/store.js';
import { type Larmvy, larmSvar } from './larmvy.js';
import { skyddaSvar } from '../answers/namnskydd.js';

/** One alert on its way to one conversation. */
export interface Leverans {
  konversation: Konversation;
  svar: Svar;
  utskick: Utskick;
}

/** Posts to a conversation; on failure it rejects, with a Leveransundantag when it can tell why. */
export interface Transport {
  skicka(leverans: Leverans): Promise<void>;
}

/** The clock and timers; real ones by default, sinon's fake clock in tests. */
export interface Tid {
  nu(): number;
  sätt(fn: () => void, ms: number): unknown;
  rensa(handtag: unknown): void;
}

export const REALTID: Tid = {
  nu: () => Date.now(),
  sätt: (fn, ms) => setTimeout(fn, ms),
  rensa: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Teams' limits for a bot posting to one conversation (Microsoft Learn, "Rate limiting for bots"). */
export const TEAMS_GRANSER: ReadonlyArray<{ antal: number; ms: number }> = [
  { antal: 7, ms: 1_000 },
  { antal: 8, ms: 2_000 },
  { antal: 60, ms: 30_000 },
  { antal: 1_800, ms: 3_600_000 },
];

export interface Utkorgsval {
  store: Store;
  transport: Transport;
  logg: Logg;
  tid?: Tid;
  /** 0 ≤ x < 1; the jitter */
  slump?: () => number;
  /** how often the outbox is looked at when nothing is due sooner */
  intervallMs?: number;
  /** first retry after about this long, doubling, at most maxMs */
  basMs?: number;
  maxMs?: number;
  /** attempts before an entry is given up as failed */
  maxForsok?: number;
  granser?: ReadonlyArray<{ antal: number; ms: number }>;
}

/** Why a send failed, as the transport read it (src/teams/avsandare.ts reads Bot Connector's errors). */
export interface Leveransfel {
  status: number | null;
  kod: string | null;
  /** Retry-After, in ms from now */
  vantaMs: number | null;
  meddelande: string;
  /**
   * The request went out and no answer came (the time limit, or the connection broke): the connector may have
   * taken it. Bot Connector has no idempotency key, so sending it again could post it twice; it is not resent.
   */
  kanHaKommitFram?: boolean;
}

/** What a transport rejects with when it knows why; anything else it throws counts as a network failure. */
export class Leveransundantag extends Error {
  constructor(readonly fel: Leveransfel) {
    super(fel.meddelande);
  }
}

function leveransfel(e: unknown): Leveransfel {
  if (e instanceof Leveransundantag) return e.fel;
  const meddelande = (e instanceof Error && e.message ? e.message : String(e)).slice(0, 300);
  return { status: null, kod: null, vantaMs: null, meddelande, kanHaKommitFram: false };
}

const AKTOR: Aktor = { vem: 'larmutskick', kalla: 'system' };
const ARUNDA: ReadonlySet<string> = new Set(RUNDSLAG);

/** A reporting-round message holds its answer as planned (src/alerts/runda.ts). */
function rundSvar(innehall: Record<string, unknown>): Svar {
  const svar = innehall.svar as Svar | undefined;
  if (!svar || typeof svar.text !== 'string') throw new Error('meddelandet saknar text');
  return svar;
}
const MINSTA_VANTAN = 250;
/** What "larmstatus" shows for a send whose outcome is unknown. */
export const OSAKERT = 'Bot Connector svarade inte på sändningen; larmet kan ha kommit fram och skickas därför inte igen';

/** Sliding windows per conversation, so a burst of alerts never trips Teams' throttling. */
export class Hastighetsgrans {
  private readonly tider = new Map<string, number[]>();
  constructor(private readonly granser: ReadonlyArray<{ antal: number; ms: number }>) {}

  /** The earliest time a post to this conversation stays within every window. */
  tidigast(konversation: string, nu: number): number {
    const tider = this.tider.get(konversation) ?? [];
    let tidigast = nu;
    for (const g of this.granser) {
      const inom = tider.filter((t) => t > nu - g.ms);
      if (inom.length >= g.antal) tidigast = Math.max(tidigast, inom[inom.length - g.antal] + g.ms);
    }
    return tidigast;
  }

  notera(konversation: string, nu: number): void {
    const langst = Math.max(...this.granser.map((g) => g.ms));
    const tider = (this.tider.get(konversation) ?? []).filter((t) => t > nu - langst);
    tider.push(nu);
    this.tider.set(konversation, tider);
  }
}

export interface Utkorgslage {
  vantar: number;
  skickat: number;
  misslyckat: number;
  aldstaVantande: Utskick | null;
  senastMisslyckade: Utskick[];
  senastSkickade: Utskick | null;
}

/** For "larmstatus": what waits, what went, what failed. */
export function utkorgslage(dok: Pick<Dokument, 'utskick'>): Utkorgslage {
  const lage: Utkorgslage = { vantar: 0, skickat: 0, misslyckat: 0, aldstaVantande: null, senastMisslyckade: [], senastSkickade: null };
  for (const u of dok.utskick) {
    if (u.status === 'väntar') {
      lage.vantar++;
      if (!lage.aldstaVantande || u.skapad < lage.aldstaVantande.skapad) lage.aldstaVantande = u;
    } else if (u.status === 'skickat') {
      lage.skickat++;
      if (!lage.senastSkickade || (u.skickat ?? '') > (lage.senastSkickade.skickat ?? '')) lage.senastSkickade = u;
    } else {
      lage.misslyckat++;
      lage.senastMisslyckade.push(u);
    }
  }
  lage.senastMisslyckade = lage.senastMisslyckade.slice(-3).reverse();
  return lage;
}

type Andring = Partial<Pick<Utskick, 'status' | 'forsok' | 'nasta_forsok' | 'senaste_fel' | 'skickat'>>;

/**
 * Drains the outbox: the oldest waiting entry of each conversation, when due, one at a time.
 * Every outcome is written back through the store, so after a restart the same entries are
 * picked up where they were: sent ones never again, waiting ones at their next attempt.
 */
export class Utkorgsavsandare {
  private readonly tid: Tid;
  private readonly slump: () => number;
  private readonly grans: Hastighetsgrans;
  private timer: unknown = null;
  private pagar: Promise<void> | null = null;
  private igen = false;
  private stoppad = true;
  /** the last pass found nothing waiting (said once in the log, at debug, so a test or an operator can wait for it) */
  private tom = false;
  /** sent but not yet recorded (the store write failed): never sent twice by this process */
  private readonly skickadeEjSparade = new Map<string, Andring>();
  /** shared store: entries another instance holds, or that its limits hold back, and until when */
  private readonly ejGripna = new Map<string, number>();

  constructor(private readonly o: Utkorgsval) {
    this.tid = o.tid ?? REALTID;
    this.slump = o.slump ?? Math.random;
    this.grans = new Hastighetsgrans(o.granser ?? TEAMS_GRANSER);
  }

  private get intervall(): number {
    return this.o.intervallMs ?? 500;
  }
  private get basMs(): number {
    return this.o.basMs ?? 2_000;
  }
  private get maxMs(): number {
    return this.o.maxMs ?? 600_000;
  }
  private get maxForsok(): number {
    return this.o.maxForsok ?? 10;
  }

  starta(): void {
    if (!this.stoppad) return;
    this.stoppad = false;
    this.planera(0);
  }

  /** Something was written to the outbox: look now instead of at the next poll. */
  vacka(): void {
    if (!this.stoppad) this.planera(0);
  }

  /** Stops the timers and waits for a send in progress to be recorded. */
  async stoppa(): Promise<void> {
    this.stoppad = true;
    if (this.timer !== null) this.tid.rensa(this.timer);
    this.timer = null;
    await this.pagar;
  }

  /** Resolves when the pass in progress (if any) is done; for tests. */
  async vila(): Promise<void> {
    while (this.pagar) await this.pagar;
  }

  /** The wait before attempt n+1 after n failures: doubling, capped, with jitter in [½, 1] of it. */
  fordrojning(forsok: number): number {
    const full = Math.min(this.maxMs, this.basMs * 2 ** Math.max(0, forsok - 1));
    return Math.round(full * (0.5 + 0.5 * this.slump()));
  }

  private planera(ms: number): void {
    if (this.stoppad) return;
    if (this.timer !== null) this.tid.rensa(this.timer);
    this.timer = this.tid.sätt(
      () => {
        this.timer = null;
        this.tick();
      },
      Math.max(0, ms),
    );
  }

  private tick(): void {
    if (this.pagar) {
      this.igen = true;
      return;
    }
    this.pagar = this.varv()
      .catch((e) => {
        this.o.logg.error('utkorgen: varvet misslyckades', { fel: e as Error });
        return this.intervall;
      })
      .then((nasta) => {
        this.pagar = null;
        if (this.igen) {
          this.igen = false;
          this.planera(0);
        } else this.planera(nasta);
      });
  }

  /** One pass: sends until nothing more is due; returns how long until the next pass should run. */
  private async varv(): Promise<number> {
    // The shared database is gone: nothing can be claimed or recorded; its store says when it is back.
    if (this.o.store.delad?.otillgangligSedan()) return this.intervall;
    await this.sparaEjSparade();
    for (let omgang = 0; omgang < 1000 && !this.stoppad; omgang++) {
      const nu = this.tid.nu();
      // Read inside the store's queue: only committed entries, never one a failing write may still undo.
      const { klara, nasta } = await this.o.store.ändra(AKTOR, () => this.forfallna(nu));
      if (!klara.length && nasta === null && !this.tom) this.o.logg.debug('utkorgen: inget väntar');
      this.tom = !klara.length && nasta === null;
      if (!klara.length) return nasta === null ? this.intervall : Math.min(this.intervall, Math.max(0, nasta - this.tid.nu()));
      for (const u of klara) {
        if (this.stoppad) break;
        await this.skicka(u);
      }
    }
    return 0;
  }

  private forfallna(nu: number): { klara: Utskick[]; nasta: number | null } {
    const forsta = new Map<string, Utskick>();
    for (const [id, till] of this.ejGripna) if (till <= nu) this.ejGripna.delete(id);
    for (const u of this.o.store.dokument.utskick) {
      if (u.status !== 'väntar' || this.skickadeEjSparade.has(u.id)) continue;
      if (!forsta.has(u.konversation)) forsta.set(u.konversation, u);
    }
    const klara: Utskick[] = [];
    let nasta: number | null = null;
    for (const u of forsta.values()) {
      const nar = Math.max(
        u.nasta_forsok ? Date.parse(u.nasta_forsok) : nu,
        this.grans.tidigast(u.konversation, nu),
        this.ejGripna.get(u.id) ?? nu,
      );
      if (nar <= nu) klara.push(u);
      else nasta = nasta === null ? nar : Math.min(nasta, nar);
    }
    return { klara, nasta };
  }

  private async skicka(u: Utskick): Promise<void> {
    const { store, logg } = this.o;
    const konversation = store.dokument.konversationer.find((k) => k.id === u.konversation);
    if (!konversation || !konversation.aktiv) {
      await this.markera(u.id, {
        status: 'misslyckat',
        senaste_fel: 'Konversationen är inte längre aktiv (Budgetkollen är borttagen därifrån).',
      });
      logg.warn('larm till inaktiv konversation avbrutet', { utskick: u.id, konversation: u.konversation });
      return;
    }
    let svar: Svar;
    try {
      svar = skyddaSvar(ARUNDA.has(u.slag) ? rundSvar(u.innehall) : larmSvar(u.innehall as unknown as Larmvy), store.register);
    } catch (e) {
      await this.markera(u.id, { status: 'misslyckat', senaste_fel: `Larmet kunde inte byggas: ${(e as Error).message}` });
      logg.error('larm kunde inte byggas', { utskick: u.id, fel: e as Error });
      return;
    }
    const delad = store.delad;
    if (delad) {
      // Several instances: this one sends only what it claims, within the limits counted over all of them.
      const ansprak = await delad.gripaUtskick(u, this.o.granser ?? TEAMS_GRANSER);
      if (!ansprak.fick) {
        this.ejGripna.set(u.id, this.tid.nu() + (ansprak.vantaMs ?? this.intervall));
        return;
      }
      this.ejGripna.delete(u.id);
    }
    const start = this.tid.nu();
    this.grans.notera(u.konversation, start);
    const forsok = u.forsok + 1;
    try {
      await this.o.transport.skicka({ konversation, svar, utskick: u });
    } catch (e) {
      await this.misslyckades(u, forsok, leveransfel(e));
      return;
    }
    const klart: Andring = {
      status: 'skickat',
      forsok,
      skickat: new Date(this.tid.nu()).toISOString(),
      nasta_forsok: null,
      senaste_fel: null,
    };
    this.skickadeEjSparade.set(u.id, klart);
    logg.info(ARUNDA.has(u.slag) ? 'meddelande skickat' : 'larm skickat', {
      utskick: u.id,
      konversation: u.konversation,
      enhet: u.enhet,
      period: u.period,
      slag: u.slag,
      forsok,
    });
    await this.sparaEjSparade();
  }

  private async misslyckades(u: Utskick, forsok: number, f: Leveransfel): Promise<void> {
    const { logg } = this.o;
    const beskrivning = `${f.status ?? 'nätverksfel'}${f.kod ? ` ${f.kod}` : ''}: ${f.meddelande}`.slice(0, 400);
    if (f.kanHaKommitFram) {
      // The one outcome that cannot be retried without risking a second post: it is left for a person to check.
      await this.markera(u.id, {
        status: 'misslyckat',
        forsok,
        senaste_fel: `${OSAKERT} (${beskrivning})`.slice(0, 500),
        nasta_forsok: null,
      });
      logg.error('larmet kan ha kommit fram utan att Bot Connector svarade; det skickas inte igen', {
        utskick: u.id,
        konversation: u.konversation,
        kod: f.kod,
        forsok,
      });
      return;
    }
    if (f.status === 403 || f.status === 404) {
      await this.stangKonversation(u, forsok, beskrivning);
      logg.warn('konversationen nås inte längre; larmen dit är avstängda', { konversation: u.konversation, status: f.status, kod: f.kod });
      return;
    }
    const tillfalligt = f.status === null || f.status === 401 || f.status === 408 || f.status === 429 || f.status >= 500;
    if (!tillfalligt || forsok >= this.maxForsok) {
      await this.markera(u.id, { status: 'misslyckat', forsok, senaste_fel: beskrivning, nasta_forsok: null });
      logg.error('larm kunde inte skickas', { utskick: u.id, konversation: u.konversation, status: f.status, kod: f.kod, forsok });
      return;
    }
    // Never sooner than MINSTA_VANTAN, also for "Retry-After: 0", so a failing connector is not hammered.
    const vanta = Math.max(MINSTA_VANTAN, f.status === 429 && f.vantaMs !== null ? f.vantaMs : this.fordrojning(forsok));
    const nasta = new Date(this.tid.nu() + vanta).toISOString();
    await this.markera(u.id, { forsok, senaste_fel: beskrivning, nasta_forsok: nasta });
    logg.warn('larm skickas igen senare', { utskick: u.id, status: f.status, kod: f.kod, forsok, vantaMs: vanta });
  }

  /** 403 (not in the roster) or 404 (conversation gone): nothing will ever arrive there. */
  private async stangKonversation(u: Utskick, forsok: number, fel: string): Promise<void> {
    await this.o.store.ändra(AKTOR, (tx) => {
      const dok = tx.register.dokument;
      const k = dok.konversationer.find((x) => x.id === u.konversation);
      if (k?.aktiv) tx.sätt('konversationer', { ...k, aktiv: false });
      for (const p of dok.prenumerationer)
        if (p.konversation === u.konversation && p.aktiv) tx.sätt('prenumerationer', { ...p, aktiv: false });
      for (const x of dok.utskick) {
        if (x.konversation !== u.konversation || x.status !== 'väntar') continue;
        tx.sätt('utskick', {
          ...x,
          status: 'misslyckat',
          forsok: x.id === u.id ? forsok : x.forsok,
          nasta_forsok: null,
          senaste_fel: x.id === u.id ? fel : `Inte skickat: ${fel}`,
        });
      }
    });
  }

  private async markera(id: string, andring: Andring): Promise<void> {
    await this.o.store.ändra(AKTOR, (tx) => {
      const fore = tx.register.dokument.utskick.find((x) => x.id === id);
      if (fore) tx.sätt('utskick', { ...fore, ...andring });
    });
  }

  private async sparaEjSparade(): Promise<void> {
    for (const [id, andring] of [...this.skickadeEjSparade]) {
      try {
        await this.markera(id, andring);
        this.skickadeEjSparade.delete(id);
      } catch (e) {
        this.o.logg.error('skickat larm kunde inte markeras som skickat; försöker igen', { utskick: id, fel: e as Error });
        return;
      }
    }
  }
}
