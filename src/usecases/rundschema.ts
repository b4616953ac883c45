import { REALTID, type Tid } from '../alerts/utkorg.js';
import { STANDARD_KLOCKSLAG } from '../domain/rapporteringsplan.js';
import { SVENSK_TIDSZON, lokaltid, ogonblick, plusDagar } from '../domain/tidszon.js';
import type { Logg } from '../logg.js';
import type { Store } from '../store/store.js';
import { korRunda } from './runda.js';

export interface Rundschemaval {
  store: Store;
  logg: Logg;
  /** the bot's clock (BUDGETKOLLEN_NOW in tests and demos) */
  klocka: () => Date;
  /** timers; sinon's fake clock in tests */
  tid?: Tid;
  /** called when a round planned something, so the outbox sends it now instead of at its next look */
  planerat?: () => void;
  /** the longest wait between two looks, also when no reminder time is near (a new installation, a changed plan) */
  intervallMs?: number;
}

/**
 * Runs the reporting round at start and then at each reminder time of day (Swedish time, so the change to and
 * from summer time moves nothing), and at the latest every `intervallMs`. A round only plans what is due and
 * not yet planned (src/alerts/runda.ts), so looking too often costs nothing and never sends twice.
 */
export class Rundschema {
  private readonly tid: Tid;
  private timer: unknown = null;
  private pagar: Promise<void> | null = null;
  private stoppad = true;

  constructor(private readonly o: Rundschemaval) {
    this.tid = o.tid ?? REALTID;
  }

  starta(): void {
    if (!this.stoppad) return;
    this.stoppad = false;
    this.planera(0);
  }

  async stoppa(): Promise<void> {
    this.stoppad = true;
    if (this.timer !== null) this.tid.rensa(this.timer);
    this.timer = null;
    await this.pagar;
  }

  /** Resolves when a round in progress is done; for tests. */
  async vila(): Promise<void> {
    while (this.pagar) await this.pagar;
  }

  /** How long until the next reminder time of day after now, or the interval if sooner. */
  nastaVantan(): number {
    const nu = this.o.klocka();
    const reg = this.o.store.register;
    const { datum } = lokaltid(nu, SVENSK_TIDSZON);
    const klockslag = new Set([STANDARD_KLOCKSLAG, ...reg.dokument.rapporteringsplaner.map((r) => r.klockslag ?? STANDARD_KLOCKSLAG)]);
    let nasta = this.o.intervallMs ?? 15 * 60_000;
    for (const k of klockslag)
      for (const dag of [datum, plusDagar(datum, 1)]) {
        const ms = ogonblick(dag, k).getTime() - nu.getTime();
        if (ms > 0) nasta = Math.min(nasta, ms);
      }
    return Math.max(1_000, nasta);
  }

  private planera(ms: number): void {
    if (this.stoppad) return;
    if (this.timer !== null) this.tid.rensa(this.timer);
    this.timer = this.tid.sätt(() => {
      this.timer = null;
      this.pagar = this.runda().finally(() => {
        this.pagar = null;
        this.planera(this.nastaVantan());
      });
    }, ms);
  }

  private async runda(): Promise<void> {
    // The shared database is gone: nothing can be planned now; the next look tries again.
    if (this.o.store.delad?.otillgangligSedan()) return;
    try {
      if ((await korRunda(this.o.store, this.o.logg)) > 0) this.o.planerat?.();
    } catch (e) {
      this.o.logg.error('rapporteringsrundan misslyckades; försöker igen vid nästa tillfälle', { fel: e as Error });
    }
  }
}
