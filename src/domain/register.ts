import type { Anvandare, Atgard, Atgardsplan, Dokument, Enhet, Nyckeltal, Troskel, Utfall } from './schema.js';
import type { Period } from './period.js';

const nyckel = (enhet: string, period: string) => `${enhet}|${period}`;

/**
 * Indexes over the store document so answers never scan all rows.
 * The store keeps it in step with every change; everything here is read-only for callers.
 */
export class Register {
  readonly enheter = new Map<string, Enhet>();
  readonly barn = new Map<string, Enhet[]>();
  /** by unit, then month: the stored row's own strings as keys, no key built per row (half the index's cost at start) */
  private readonly versioner = new Map<string, Map<Period, Utfall[]>>();
  private readonly perioderPerEnhet = new Map<string, Set<Period>>();
  private readonly atgarderPerEnhet = new Map<string, Atgard[]>();
  private readonly planer = new Map<string, Atgardsplan>();
  private readonly nyckeltalIndex = new Map<string, Nyckeltal[]>();
  readonly anvandare = new Map<string, Anvandare>();
  readonly trosklar = new Map<string, Troskel>();
  /** ids of the cards already processed, so a retried card is found without scanning them all */
  readonly mottagna = new Set<string>();
  /** Bumped on every change; caches derived from the register key on it. */
  generation = 0;
  /** Bumped only when units change, for caches over names (the question parser's index). */
  enhetsgeneration = 0;
  /** Bumped only when a measure's, plan's or KPI's name is added or changed, for the parser's index of their names. */
  namngeneration = 0;
  /** Bumped when users or conversations change: their names too are shown in answers. */
  personnamngeneration = 0;
  /** For each unit, how many units of its subtree (itself included) have figures for each period; null until asked for. */
  private perioderIDeltrad: Map<string, Map<Period, number>> | null = null;
  private readonly sorteradePerioder = new Map<string, Period[]>();
  private readonly underliggandeCache = new Map<string, Enhet[]>();
  private readonly utfallslyssnare: Array<(enhet: string, period: Period) => void> = [];
  private nyckeltalsnamnLista: string[] | null = null;

  constructor(readonly dokument: Dokument) {
    for (const e of dokument.enheter) this.enheter.set(e.id, e);
    this.byggTrad();
    for (const u of dokument.utfall) this.indexeraUtfall(u);
    for (const a of dokument.atgarder) this.indexeraAtgard(a);
    for (const p of dokument.atgardsplaner) this.planer.set(p.enhet, p);
    for (const n of dokument.nyckeltal) this.indexeraNyckeltal(n);
    for (const a of dokument.anvandare) this.anvandare.set(a.id, a);
    for (const t of dokument.trosklar) this.trosklar.set(t.enhet, t);
    for (const m of dokument.mottagna) this.mottagna.add(m);
  }

  byggTrad(): void {
    this.barn.clear();
    for (const e of this.enheter.values()) this.laggUnder(e);
    this.tradetAndrades();
  }

  /** One unit added or changed; the whole tree is rebuilt only when a unit moves (an import adds thousands one by one). */
  indexeraEnhet(e: Enhet): void {
    const fore = this.enheter.get(e.id);
    this.enheter.set(e.id, e);
    if (fore && fore.foralder !== e.foralder) return this.byggTrad();
    const syskon = e.foralder === null ? undefined : this.barn.get(e.foralder);
    const plats = fore && syskon ? syskon.indexOf(fore) : -1;
    if (plats >= 0) syskon![plats] = e;
    else this.laggUnder(e);
    this.tradetAndrades();
  }

  private laggUnder(e: Enhet): void {
    if (e.foralder === null) return;
    const syskon = this.barn.get(e.foralder) ?? [];
    syskon.push(e);
    this.barn.set(e.foralder, syskon);
  }

  /** Drops what is derived from the tree. */
  private tradetAndrades(): void {
    this.perioderIDeltrad = null;
    this.sorteradePerioder.clear();
    this.underliggandeCache.clear();
    this.generation++;
    this.enhetsgeneration++;
  }

  indexeraUtfall(u: Utfall): void {
    let perManad = this.versioner.get(u.enhet);
    if (!perManad) this.versioner.set(u.enhet, (perManad = new Map()));
    const lista = perManad.get(u.period);
    if (lista) {
      lista.push(u);
      lista.sort((a, b) => a.version - b.version);
    } else {
      // most unit-months have one version: an array of one, not an empty one grown by push (17 slots)
      perManad.set(u.period, [u]);
    }
    const perioder = this.perioderPerEnhet.get(u.enhet) ?? new Set();
    if (!perioder.has(u.period)) this.raknaPeriod(u.enhet, u.period, 1);
    perioder.add(u.period);
    this.perioderPerEnhet.set(u.enhet, perioder);
    this.generation++;
    for (const f of this.utfallslyssnare) f(u.enhet, u.period);
  }

  avindexeraUtfall(u: Utfall): void {
    const perManad = this.versioner.get(u.enhet);
    const lista = (perManad?.get(u.period) ?? []).filter((x) => x !== u);
    if (lista.length) perManad!.set(u.period, lista);
    else {
      perManad?.delete(u.period);
      if (this.perioderPerEnhet.get(u.enhet)?.delete(u.period)) this.raknaPeriod(u.enhet, u.period, -1);
    }
    this.generation++;
    for (const f of this.utfallslyssnare) f(u.enhet, u.period);
  }

  /** Tells `f` about every unit and period whose rows change, so sums cached for them and above can be dropped. */
  lyssnaPaUtfall(f: (enhet: string, period: Period) => void): void {
    this.utfallslyssnare.push(f);
  }

  /** Keeps the per-subtree period counts in step when a unit gains or loses its last row for a period. */
  private raknaPeriod(enhet: string, period: Period, steg: 1 | -1): void {
    if (!this.perioderIDeltrad) return;
    for (const e of this.kedja(enhet)) {
      const antal = this.perioderIDeltrad.get(e.id) ?? new Map<Period, number>();
      const nytt = (antal.get(period) ?? 0) + steg;
      if (nytt > 0) antal.set(period, nytt);
      else antal.delete(period);
      this.perioderIDeltrad.set(e.id, antal);
      this.sorteradePerioder.delete(e.id);
    }
  }

  private byggPerioderIDeltrad(): Map<string, Map<Period, number>> {
    const ut = new Map<string, Map<Period, number>>();
    for (const [enhet, perioder] of this.perioderPerEnhet) {
      if (!perioder.size) continue;
      for (const e of this.kedja(enhet)) {
        const antal = ut.get(e.id) ?? new Map<Period, number>();
        for (const p of perioder) antal.set(p, (antal.get(p) ?? 0) + 1);
        ut.set(e.id, antal);
      }
    }
    return ut;
  }

  indexeraAtgard(a: Atgard): void {
    const fore = this.atgarderPerEnhet.get(a.enhet) ?? [];
    const lista = fore.filter((x) => x.nr !== a.nr);
    // a status update keeps the title: the name indexes stay
    if (fore.find((x) => x.nr === a.nr)?.atgard !== a.atgard) this.namngeneration++;
    lista.push(a);
    lista.sort((x, y) => x.nr - y.nr);
    this.atgarderPerEnhet.set(a.enhet, lista);
    this.generation++;
  }

  indexeraPlan(p: Atgardsplan): void {
    const fore = this.planer.get(p.enhet);
    if (!fore || fore.namn !== p.namn) this.namngeneration++;
    this.planer.set(p.enhet, p);
    this.generation++;
  }

  indexeraNyckeltal(n: Nyckeltal): void {
    const k = nyckel(n.enhet, n.nyckeltal);
    const lista = (this.nyckeltalIndex.get(k) ?? []).filter((x) => x.period !== n.period);
    lista.push(n);
    lista.sort((a, b) => (a.period < b.period ? -1 : 1));
    this.nyckeltalIndex.set(k, lista);
    this.nyckeltalsnamnLista = null;
    this.generation++;
    if (lista.length === 1) this.namngeneration++;
  }

  enhet(id: string): Enhet | undefined {
    return this.enheter.get(id);
  }

  barnTill(id: string): Enhet[] {
    return this.barn.get(id) ?? [];
  }

  rot(): Enhet | undefined {
    for (const e of this.enheter.values()) if (e.foralder === null) return e;
    return undefined;
  }

  /** The unit itself first, then its parent, up to the root. */
  kedja(id: string): Enhet[] {
    const kedja: Enhet[] = [];
    const sedda = new Set<string>();
    let e = this.enheter.get(id);
    while (e && !sedda.has(e.id)) {
      kedja.push(e);
      sedda.add(e.id);
      e = e.foralder ? this.enheter.get(e.foralder) : undefined;
    }
    return kedja;
  }

  /** Every unit below id, depth first, not including id. Kept per unit until the tree changes. */
  underliggande(id: string): Enhet[] {
    let ut = this.underliggandeCache.get(id);
    if (!ut) {
      ut = this.underliggandeUtanCache(id);
      this.underliggandeCache.set(id, ut);
    }
    return ut.slice();
  }

  private underliggandeUtanCache(id: string): Enhet[] {
    const ut: Enhet[] = [];
    const stack = [...this.barnTill(id)].reverse();
    while (stack.length) {
      const e = stack.pop()!;
      ut.push(e);
      stack.push(...[...this.barnTill(e.id)].reverse());
    }
    return ut;
  }

  ärUnder(id: string, forfader: string): boolean {
    return this.kedja(id).some((e) => e.id === forfader);
  }

  senasteVersion(enhet: string, period: Period): Utfall | undefined {
    const lista = this.versioner.get(enhet)?.get(period);
    return lista?.[lista.length - 1];
  }

  versionerFor(enhet: string, period: Period): readonly Utfall[] {
    return this.versioner.get(enhet)?.get(period) ?? [];
  }

  harEgnaPerioder(enhet: string): boolean {
    return (this.perioderPerEnhet.get(enhet)?.size ?? 0) > 0;
  }

  /** All periods that have any figures, ascending. */
  perioder(): Period[] {
    const ut = new Set<Period>();
    for (const s of this.perioderPerEnhet.values()) for (const p of s) ut.add(p);
    return [...ut].sort();
  }

  /** Periods with figures for the unit or anything below it, ascending. Kept in step with every change. */
  perioderFor(id: string): readonly Period[] {
    // A unit's subtree is the units whose chain of parents reaches it; for an id that is no unit, ask the tree.
    if (!this.enheter.has(id)) return this.perioderForGenomTradet(id);
    let sorterade = this.sorteradePerioder.get(id);
    if (!sorterade) {
      this.perioderIDeltrad ??= this.byggPerioderIDeltrad();
      sorterade = [...(this.perioderIDeltrad.get(id)?.keys() ?? [])].sort();
      this.sorteradePerioder.set(id, sorterade);
    }
    return sorterade;
  }

  private perioderForGenomTradet(id: string): Period[] {
    const ut = new Set<Period>();
    for (const e of [this.enheter.get(id)!, ...this.underliggande(id)]) {
      if (!e) continue;
      for (const p of this.perioderPerEnhet.get(e.id) ?? []) ut.add(p);
    }
    return [...ut].sort();
  }

  atgarder(enhet: string): readonly Atgard[] {
    return this.atgarderPerEnhet.get(enhet) ?? [];
  }

  allaAtgarder(): Atgard[] {
    return [...this.atgarderPerEnhet.values()].flat();
  }

  atgardsplan(enhet: string): Atgardsplan | undefined {
    return this.planer.get(enhet);
  }

  nyckeltal(enhet: string, namn: string): readonly Nyckeltal[] {
    return this.nyckeltalIndex.get(nyckel(enhet, namn)) ?? [];
  }

  nyckeltalsnamn(): string[] {
    this.nyckeltalsnamnLista ??= [...new Set([...this.nyckeltalIndex.keys()].map((k) => k.slice(k.indexOf('|') + 1)))];
    return this.nyckeltalsnamnLista.slice();
  }

  nyckeltalsnamnFor(enhet: string): string[] {
    return [...this.nyckeltalIndex.keys()].filter((k) => k.startsWith(`${enhet}|`)).map((k) => k.slice(enhet.length + 1));
  }
}
