import Fuse from 'fuse.js';
import type { Register } from '../domain/register.js';
import type { Enhet } from '../domain/schema.js';
import { inomStavfel } from './namnmatchning.js';
import { normalisera } from './normalisera.js';
import { VERKSAMHETSSYNONYMER } from './synonymer.js';

interface Term {
  enhet: Enhet;
  ord: string[];
  /** 1 for the unit's own name and aliases, lower for generic synonyms */
  vikt: number;
}

export interface Traff {
  enhet: Enhet;
  start: number;
  slut: number;
  poang: number;
  /** how alike the words were on average: 1 written as the name, less for a typo, prefix or compound */
  styrka: number;
}

export interface Enhetstraff {
  /** Units named in the question, in the order they appear. */
  enheter: Enhet[];
  /** Spans where several units matched equally well. */
  tvetydiga: Enhet[][];
  /** Where each of those spans is, in the same order. */
  tvetydigaSpann: Array<{ start: number; slut: number }>;
  /** Word positions used by unit names. */
  anvanda: Set<number>;
  /** Each named unit's word positions and how alike they were to its name. */
  traffar: Traff[];
  /** Positions whose unit the other words of the question decided. */
  avgjorda: Set<number>;
}

type Kandidat = Traff & { term: number; fas: number };
/** Candidates best first; ties by length, then the term's place, so a scan of every term would order them the same. */
const iOrdning = (a: Kandidat, b: Kandidat) =>
  b.poang - a.poang || b.slut - b.start - (a.slut - a.start) || a.term - b.term || a.fas - b.fas || a.start - b.start;

const BOJNINGAR = ['en', 'et', 'n', 't', 'na', 's', 'ens', 'ets', 'ns', 'ts', 'arna', 'erna', 'orna', 'ar', 'er', 'or', 'a', 'ma'];
/** The tail of a compound that makes it another body: "kultur|nämnden", "omsorgs|nämnden", "skol|förvaltningen". */
const ANNAN_ORGAN = /^s?(namnd|forvaltning|styrelse|kontor|bolag|fullmaktige|utskott)/;
const TYPTERMER: Record<string, string[]> = { kommun: ['kommunen', 'hela kommunen', 'kommunen totalt', 'kommunen som helhet'] };

/** How alike a word in the question is to a word of a unit's name: 1 exact, less for inflection, typo or prefix. */
export function ordlikhet(fraga: string, term: string, skyddat: boolean): number {
  if (fraga === term) return 1;
  if (skyddat) return 0;
  const kort = Math.min(fraga.length, term.length);
  if (kort >= 2) {
    if (fraga.startsWith(term) && BOJNINGAR.includes(fraga.slice(term.length))) return 0.95;
    if (term.startsWith(fraga) && BOJNINGAR.includes(term.slice(fraga.length))) return 0.95;
  }
  if (kort >= 5) {
    const tillatet = kort >= 9 ? 2 : 1;
    const bas = fraga.length > term.length && BOJNINGAR.some((b) => fraga.endsWith(b)) ? stam(fraga, term) : fraga;
    if (inomStavfel(bas, term, tillatet) || inomStavfel(fraga, term, tillatet)) return 0.8;
  }
  if (fraga.length >= 4 && term.length > fraga.length + 2 && term.startsWith(fraga)) return 0.6;
  // Swedish compounds: "hemtjänstgruppen" is a kind of "hemtjänst"; but "kulturnämnden" is no "kultur", it is another body.
  if (term.length >= 5 && fraga.length > term.length + 2 && fraga.startsWith(term))
    return ANNAN_ORGAN.test(fraga.slice(term.length)) ? 0 : 0.7;
  return 0;
}

function sammaBojning(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  return x.length === y.length && x.every((o, i) => ordlikhet(o, y[i], false) >= 0.95);
}

/** Synonym phrases by their first word, with the index of their group. */
function synonymerEfterForstaOrd(grupper: Array<Set<string>>): Map<string, Array<[number, string]>> {
  const ut = new Map<string, Array<[number, string]>>();
  grupper.forEach((grupp, i) => {
    for (const g of grupp) lagg(ut, g.split(' ')[0], [i, g] as [number, string]);
  });
  return ut;
}

/** The synonym phrases whose first word equals the term's first word or is an inflection ending apart from it. */
function* kandidatSynonymer(synonymer: Map<string, Array<[number, string]>>, term: string): Iterable<[number, string]> {
  const forsta = term.split(' ')[0];
  const former = new Set([forsta]);
  for (const b of BOJNINGAR) {
    if (forsta.endsWith(b)) former.add(forsta.slice(0, -b.length));
    former.add(forsta + b);
  }
  for (const f of former) yield* synonymer.get(f) ?? [];
}

function lagg<K, V>(karta: Map<K, V[]>, nyckel: K, varde: V): void {
  const lista = karta.get(nyckel);
  if (lista) lista.push(varde);
  else karta.set(nyckel, [varde]);
}

/** Index of the first word in `sorterade` that is ≥ prefix. */
function forstaMedPrefix(sorterade: string[], prefix: string): number {
  let lo = 0;
  let hi = sorterade.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorterade[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function stam(fraga: string, term: string): string {
  for (const b of BOJNINGAR)
    if (fraga.endsWith(b) && Math.abs(fraga.length - b.length - term.length) <= 1) return fraga.slice(0, -b.length);
  return fraga;
}

/** Unit names, aliases and generic synonyms, as word lists; rebuilt when the register changes. */
export class Enhetsindex {
  private readonly termer: Term[] = [];
  private readonly fuse: Fuse<{ enhet: Enhet; namn: string }>;
  /**
   * One-word terms by their word, longer terms by their first two words (so that "hemtjänst björkdalen" tries
   * the few terms that begin so, not every "Hemtjänst …"), and those long enough for a partial match by their first word.
   */
  private readonly ettOrd = new Map<string, number[]>();
  private readonly tvaOrd = new Map<string, number[]>();
  private readonly delvisaForstaOrd = new Map<string, Map<number, number[]>>();
  /** Every word of every term: as a set, by length, and sorted for prefix search. */
  private readonly termord = new Set<string>();
  private readonly perLangd = new Map<number, string[]>();
  private readonly sorterade: string[];
  /** ordlikhet of a question word against every term word, only the non-zero ones; a pure function, so kept. */
  private readonly likheter = new Map<string, Map<string, number>>();

  constructor(
    readonly register: Register,
    private readonly skyddadeOrd: ReadonlySet<string>,
  ) {
    const grupper = VERKSAMHETSSYNONYMER.map((g) => new Set(g));
    const synonymer = synonymerEfterForstaOrd(grupper);
    const sokbara: Array<{ enhet: Enhet; namn: string }> = [];
    for (const enhet of register.enheter.values()) {
      const egna = new Set([enhet.namn, ...enhet.alias].map(normalisera).filter(Boolean));
      for (const t of egna) this.termer.push({ enhet, ord: t.split(' '), vikt: 1 });
      // "OF, omsorg & stöd, funktionsneds.", "Övr. insatser /Ekonomiskt bistånd": each part of a listed name names it too
      const delar = new Set(
        [enhet.namn, ...enhet.alias]
          .flatMap((n) => (/[,/]/.test(n) ? n.split(/[,/]/) : []))
          .map(normalisera)
          .filter((d) => d && !egna.has(d) && (d.includes(' ') || d.length >= 3)),
      );
      // "Komvux och SFI", "Obligatorisk skola och fritidshem": two activities in one name, each names it
      for (const n of [enhet.namn, ...enhet.alias]) {
        const m = /^([^-]+?) och ([^-]+)$/.exec(n);
        if (!m || /[,/]/.test(n)) continue;
        for (const d of [m[1], m[2]].map(normalisera)) if (d.length >= 3 && !skyddadeOrd.has(d) && !egna.has(d)) delar.add(d);
      }
      for (const d of delar) this.termer.push({ enhet, ord: d.split(' '), vikt: 0.95 });
      const generiska = new Set<string>(TYPTERMER[enhet.typ] ?? []);
      const traffade = new Set<number>();
      for (const t of [...egna, ...delar])
        for (const [i, g] of kandidatSynonymer(synonymer, t)) if (!traffade.has(i) && sammaBojning(t, g)) traffade.add(i);
      // "Obligatorisk skola och fritidshem" begins with a known activity; "funktionsneds." abbreviates one
      const forkortade = [enhet.namn, ...enhet.alias].flatMap((n) =>
        [...n.matchAll(/(?<!\p{L})(\p{L}{6,})\./gu)].map((m) => normalisera(m[1])),
      );
      grupper.forEach((grupp, i) => {
        for (const g of grupp) {
          if (traffade.has(i)) break;
          const langFras = g.includes(' ') || g.length >= 8;
          if (langFras && [...egna, ...delar].some((t) => t.startsWith(`${g} `))) traffade.add(i);
          if (forkortade.some((f) => g.split(' ').some((o) => o.length > f.length && o.startsWith(f)))) traffade.add(i);
        }
      });
      grupper.forEach((grupp, i) => {
        if (traffade.has(i)) for (const g of grupp) generiska.add(g);
      });
      for (const g of generiska) if (!egna.has(g)) this.termer.push({ enhet, ord: g.split(' '), vikt: 0.9 });
      // "Verksamhet 51": the code alone ("inom 51") names it too
      for (const t of egna) {
        const kod = /^[a-z ]+ (\d{2,3})$/.exec(t)?.[1];
        if (kod) this.termer.push({ enhet, ord: [kod], vikt: 0.9 });
      }
      for (const namn of [enhet.namn, ...enhet.alias]) sokbara.push({ enhet, namn });
    }
    this.fuse = new Fuse(sokbara, { keys: ['namn'], threshold: 0.5, ignoreLocation: true, includeScore: true });
    this.termer.forEach((term, i) => {
      const forsta = term.ord[0];
      if (term.ord.length === 1) lagg(this.ettOrd, forsta, i);
      else lagg(this.tvaOrd, `${forsta} ${term.ord[1]}`, i);
      if (term.ord.length >= 2 && forsta.length >= 5) {
        const perVikt = this.delvisaForstaOrd.get(forsta) ?? this.delvisaForstaOrd.set(forsta, new Map()).get(forsta)!;
        lagg(perVikt, term.vikt, i);
      }
      for (const o of term.ord) this.termord.add(o);
    });
    for (const o of this.termord) lagg(this.perLangd, o.length, o);
    this.sorterade = [...this.termord].sort();
  }

  /**
   * The term words that `ordlikhet(fraga, ·, false)` can rate above zero, with their rating. Only words that
   * can pass one of its tests are tried: equal, an inflection ending apart, within edit distance 2 (so at most
   * 6 shorter or 2 longer), or a prefix either way; the rating itself always comes from ordlikhet.
   */
  private likheterFor(fraga: string): Map<string, number> {
    const sparad = this.likheter.get(fraga);
    if (sparad) return sparad;
    const kandidater = new Set<string>();
    const om = (o: string) => {
      if (this.termord.has(o)) kandidater.add(o);
    };
    om(fraga);
    for (const b of BOJNINGAR) {
      if (fraga.endsWith(b)) om(fraga.slice(0, -b.length));
      om(fraga + b);
    }
    if (fraga.length >= 5) {
      for (let l = Math.max(5, fraga.length - 6); l <= fraga.length + 2; l++) for (const o of this.perLangd.get(l) ?? []) kandidater.add(o);
    }
    if (fraga.length >= 4) {
      for (let i = forstaMedPrefix(this.sorterade, fraga); i < this.sorterade.length && this.sorterade[i].startsWith(fraga); i++)
        kandidater.add(this.sorterade[i]);
    }
    for (let l = 5; l < fraga.length - 2; l++) om(fraga.slice(0, l));
    const ut = new Map<string, number>();
    for (const o of kandidater) {
      const v = ordlikhet(fraga, o, false);
      if (v > 0) ut.set(o, v);
    }
    if (this.likheter.size >= 20_000) this.likheter.clear();
    this.likheter.set(fraga, ut);
    return ut;
  }

  /**
   * Finds the units a question names; overlapping matches keep the best. Only terms whose first word is like
   * a word of the question are tried, and candidates are ordered as a scan of every term at every position
   * would have found them, so ties are broken the same way. `original` gives the words with their case; it is
   * only asked for when a short alias is also an ordinary word.
   */
  hitta(ordlista: string[], original?: () => string[]): Enhetstraff {
    let versaler: string[] | undefined;
    const skyddad = ordlista.map((o) => this.skyddadeOrd.has(o));
    const likheter = ordlista.map((o) => this.likheterFor(o));
    // an ordinary word inside a name ("Politiska verksamheten") may be inflected, never misspelt
    const likhet = (pos: number, term: string) =>
      skyddad[pos]
        ? ordlista[pos] === term
          ? 1
          : ordlikhet(ordlista[pos], term, false) >= 0.95
            ? 0.95
            : 0
        : (likheter[pos].get(term) ?? 0);
    const kandidater: Kandidat[] = [];
    const grupper = new Map<Kandidat, () => Kandidat[]>();
    for (let start = 0; start < ordlista.length; start++) {
      // The first word's likeness comes with it; the term's other words are looked up.
      const forsta: Iterable<[string, number]> = skyddad[start]
        ? this.termord.has(ordlista[start])
          ? [[ordlista[start], 1]]
          : []
        : likheter[start];
      // the words a term's second word may be: any word like the next one, or for an ordinary word only its inflections
      const andra =
        start + 1 >= ordlista.length
          ? []
          : skyddad[start + 1]
            ? [...likheter[start + 1]].filter(([, v]) => v >= 0.95).map(([o]) => o)
            : [...likheter[start + 1].keys()];
      for (const [f, forstaLikhet] of forsta) {
        for (const ti of this.termerSomBorjar(f, andra)) {
          const term = this.termer[ti];
          const n = term.ord.length;
          if (start + n > ordlista.length) continue;
          let langd = Math.min(f.length, ordlista[start].length);
          let summa = forstaLikhet * langd;
          let ok = true;
          for (let i = 1; i < n; i++) {
            const l = likhet(start + i, term.ord[i]);
            if (l === 0) {
              ok = false;
              break;
            }
            const m = Math.min(term.ord[i].length, ordlista[start + i].length);
            summa += l * m;
            langd += m;
          }
          if (!ok) continue;
          // Short bare abbreviations ("pa", "dv", "gb") only count when written exactly,
          // and one that is also an ordinary word ("sen", "mot") only when written with a capital.
          if (n === 1 && term.ord[0].length <= 3 && ordlista[start] !== term.ord[0]) continue;
          if (n === 1 && term.ord[0].length <= 4 && this.skyddadeOrd.has(term.ord[0])) {
            versaler ??= original?.() ?? ordlista;
            if (versaler[start] === versaler[start]?.toLowerCase()) continue;
          }
          kandidater.push({ enhet: term.enhet, start, slut: start + n, poang: summa * term.vikt, styrka: summa / langd, term: ti, fas: 0 });
        }
      }
      if (!skyddad[start]) this.delvisTraff(start, ordlista, likheter, kandidater, grupper);
    }
    kandidater.sort(iOrdning);
    const anvanda = new Set<number>();
    const valda: Traff[] = [];
    const tvetydiga: Enhet[][] = [];
    const tvetydigaSpann: Array<{ start: number; slut: number }> = [];
    for (const k of kandidater) {
      let overlapp = false;
      for (let i = k.start; i < k.slut; i++) if (anvanda.has(i)) overlapp = true;
      if (overlapp) continue;
      const likaHar = kandidater.filter((x) => x.start === k.start && x.slut === k.slut && Math.abs(x.poang - k.poang) < 1e-9);
      const lika = likaHar.some((x) => grupper.has(x)) ? likaHar.flatMap((x) => grupper.get(x)?.() ?? [x]).sort(iOrdning) : likaHar;
      if (lika.length > 1) {
        const olika = [...new Map(lika.map((x) => [x.enhet.id, x.enhet])).values()];
        if (olika.length > 1) {
          tvetydiga.push(olika);
          tvetydigaSpann.push({ start: k.start, slut: k.slut });
        }
      }
      for (let i = k.start; i < k.slut; i++) anvanda.add(i);
      valda.push(k);
    }
    valda.sort((a, b) => a.start - b.start);
    const enheter = valda.length < 2 ? valda.map((v) => v.enhet) : [...new Map(valda.map((v) => [v.enhet.id, v.enhet])).values()];
    return { enheter, tvetydiga, tvetydigaSpann, anvanda, traffar: valda, avgjorda: new Set() };
  }

  /** The terms whose first word is `forsta`: those of one word, and those whose second word is one of `andra`. */
  private *termerSomBorjar(forsta: string, andra: string[]): Iterable<number> {
    yield* this.ettOrd.get(forsta) ?? [];
    for (const a of andra) yield* this.tvaOrd.get(`${forsta} ${a}`) ?? [];
  }

  /**
   * "hemtjänsten" for units named "Hemtjänst Norr" and "Hemtjänst Söder": the leading word of a longer
   * name counts, weakly, so that two such units become a question of which one rather than no answer.
   */
  private delvisTraff(
    start: number,
    ordlista: string[],
    likheter: Array<Map<string, number>>,
    kandidater: Kandidat[],
    grupper: Map<Kandidat, () => Kandidat[]>,
  ): void {
    const o = ordlista[start];
    const nasta = ordlista[start + 1] !== undefined ? likheter[start + 1] : null;
    for (const [forsta, likhet] of likheter[start]) {
      if (likhet < 0.8) continue;
      const perVikt = this.delvisaForstaOrd.get(forsta);
      if (!perVikt) continue;
      // a term whose second word is like the question's next word is a full match, not a partial one
      const utom = new Set<number>();
      if (nasta) for (const a of nasta.keys()) for (const ti of this.tvaOrd.get(`${forsta} ${a}`) ?? []) utom.add(ti);
      const kandidat = (ti: number): Kandidat => ({
        enhet: this.termer[ti].enhet,
        start,
        slut: start + 1,
        poang: likhet * Math.min(forsta.length, o.length) * this.termer[ti].vikt * 0.5,
        styrka: likhet * 0.5,
        term: ti,
        fas: 1,
      });
      // The terms of a weight all score alike here: the first stands for them all (only it can be chosen, the
      // others overlap it), and the rest are made only when asked which units match as well.
      for (const termer of perVikt.values()) {
        const forst = termer.find((ti) => !utom.has(ti));
        if (forst === undefined) continue;
        const k = kandidat(forst);
        kandidater.push(k);
        grupper.set(k, () => termer.filter((ti) => !utom.has(ti)).map((ti) => (ti === forst ? k : kandidat(ti))));
      }
    }
  }

  /** The closest unit names to something that matched nothing, for "menade du …". */
  narmaste(text: string, antal = 3): Enhet[] {
    const traffar = this.fuse.search(text, { limit: antal * 3 });
    return [...new Map(traffar.map((t) => [t.item.enhet.id, t.item.enhet])).values()].slice(0, antal);
  }
}
