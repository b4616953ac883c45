import { stemmer } from '@orama/stemmers/swedish';
import { distance } from 'fastest-levenshtein';
import { kanoniskt } from './glosor.js';
import { normalisera } from './normalisera.js';

/**
 * Finds which of the store's named things (KPIs, measures) a question means by their own words: inflections
 * ("egenkontrollerna"), compounds ("placeringsdygnen", "lärarbehörigheten"), parts of the name, typos and
 * missing diacritics. Words shared by many names count less than words that tell them apart.
 */

/** Words that carry no meaning in a name. */
const FYLLORD = new Set(
  'och i for med som av att pa om de den det sitt sin sina till enligt via per utifran ar en ett inom vid fran kring mot har kan ska'.split(
    ' ',
  ),
);
const INFLEKTION = [
  '',
  'n',
  'en',
  'et',
  't',
  'na',
  'a',
  'e',
  'ar',
  'er',
  'or',
  'arna',
  'erna',
  'orna',
  'ens',
  'ets',
  's',
  'ns',
  'ts',
  'heten',
  'het',
];

const stammar = new Map<string, string>();
export function stam(ord: string): string {
  let s = stammar.get(ord);
  if (s === undefined) {
    s = stemmer(ord);
    if (stammar.size > 50_000) stammar.clear();
    stammar.set(ord, s);
  }
  return s;
}

/** The words of a name as the matcher compares them. */
export function namnord(namn: string): string[] {
  return namnordPar(namn).map((p) => p.ord);
}

/** The words of a name in their canonical KPI form, each with the form it was written in. */
function namnordPar(namn: string): Array<{ ord: string; skrivet: string }> {
  const ut: Array<{ ord: string; skrivet: string }> = [];
  for (const skrivet of normalisera(namn).split(' ')) {
    if (!skrivet || FYLLORD.has(skrivet)) continue;
    const ord = kanoniskt(skrivet);
    if (!ut.some((p) => p.ord === ord)) ut.push({ ord, skrivet });
  }
  return ut;
}

/** Within `tillatet` edits, a swap of two neighbouring letters counting as one ("förksola", "kutlur"). */
export function inomStavfel(a: string, b: string, tillatet: number): boolean {
  if (Math.abs(a.length - b.length) > tillatet) return false;
  if (distance(a, b) <= tillatet) return true;
  if (a.length !== b.length) return false;
  const olika: number[] = [];
  for (let i = 0; i < a.length && olika.length <= 2 + tillatet; i++) if (a[i] !== b[i]) olika.push(i);
  // one swap, plus at most tillatet − 1 other changes
  for (let k = 0; k < olika.length - 1; k++) {
    const i = olika[k];
    if (olika[k + 1] === i + 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && olika.length - 2 <= tillatet - 1) return true;
  }
  return false;
}

/** How alike a question word is to a word of a name: 1 equal, less for inflection, compound, abbreviation or typo. */
export function ordlikhet(q: string, w: string, forkortning = false): number {
  if (q === w) return 1;
  if (q.length < 3 || w.length < 2) return 0;
  const sq = stam(q);
  const sw = stam(w);
  if (sq === sw && sq.length >= 3) return 0.95;
  for (const b of INFLEKTION) {
    if (q === w + b || w === q + b) return 0.95;
  }
  // "inst." in a name is the start of "institution"
  if (forkortning && w.length >= 3 && q.startsWith(w)) return 0.85;
  const kort = Math.min(q.length, w.length);
  if (kort >= 5 && inomStavfel(q, w, kort >= 9 ? 2 : 1)) return 0.8;
  // compounds: "placeringsdygnen" holds "placering(ar)" and "dygn"; "lärarbehörigheten" holds "lärar(e)" and "behörig(a)"
  if (q.length > w.length) {
    const del = [w, sw, w.replace(/[aeo]$/, '')].filter((d) => d.length >= 4);
    for (const d of del) {
      if (q.startsWith(d) && q.length - d.length >= 3) return 0.85;
      // the head of a compound alone ("tjänst" in "räddningstjänsten") counts, but tells nothing apart
      const i = q.lastIndexOf(d);
      if (i >= 3 && INFLEKTION.includes(q.slice(i + d.length))) return 0.6;
      if (d.length >= 5 && i > 0) return 0.6;
    }
  } else if (w.length > q.length) {
    // the question names part of a compound in the name: "hemgång" in "hemgångsstöd"
    const d = sq.length >= 5 ? sq : q;
    if (d.length >= 5 && (w.startsWith(d) || w.endsWith(d))) return 0.8;
  }
  return 0;
}

/** Words written as abbreviations in a name ("Inst.", "funktionsneds."). */
function forkortningar(namn: string): Set<string> {
  return new Set([...namn.matchAll(/(?<!\p{L})(\p{L}+)\./gu)].map((m) => normalisera(m[1])));
}

export interface Namntraff<T> {
  item: T;
  /** weighted sum of the name's words found in the question */
  poang: number;
  /** share of the name's weight found */
  tackning: number;
  /** question positions that matched a word of the name */
  positioner: ReadonlySet<number>;
  /** a word that tells this name from the others was found outside the words used by a unit's name */
  distinkt: boolean;
  /** the weight found on such words */
  distinktPoang: number;
  /** some word of the name was found outside a unit's name */
  egetOrd: boolean;
  /** the longest such telling word of the name */
  distinktLangd: number;
}

/** One way of writing a name; items named alike (the same measure in many units) share it. */
interface Namn {
  ord: Array<{ ord: string; vikt: number; forkortning: boolean; skrivet: string }>;
  total: number;
}

interface Post<T> {
  item: T;
  namn: Namn;
}

/** What a name scores against a question: the same for every item that has that name. */
type Poang = Omit<Namntraff<never>, 'item'>;

/** A form of a name's word to compare with: canonical or as written, and whether the name abbreviates it. */
interface Form {
  form: string;
  forkortning: boolean;
  /** compared with the question's word as written, not its canonical form */
  skriven: boolean;
}
const formnyckel = (f: Form) => `${f.skriven ? 's:' : ''}${f.form}${f.forkortning ? '.' : ''}`;

/** Whether ordlikhet can be above zero, by cheap tests first: shared start, near length, or one holding a part of the other. */
function kanLikna(q: string, w: string): boolean {
  if (q[0] === w[0] && q[1] === w[1]) return true;
  if (Math.abs(q.length - w.length) <= 2 && Math.min(q.length, w.length) >= 5) return true;
  return (w.length >= 4 && q.includes(w.slice(0, 4))) || (q.length >= 5 && w.includes(q.slice(0, 5)));
}

export class Namnmatchare<T> {
  private readonly poster: Array<Post<T>> = [];
  /** every form of every name word, and which posts have it */
  private readonly former = new Map<string, Form>();
  private readonly forekomster = new Map<string, number[]>();
  /** each form's word weight, and whether that word could tell a name apart (what `poangsatt` counts in distinktPoang) */
  private readonly formvikt = new Map<string, { vikt: number; distinkt: number }>();
  /** scratch per post for the bound in `basta`, zero between questions */
  private tak: Float64Array | null = null;
  private takDistinkt: Float64Array | null = null;
  /** for a question word (canonical and as written): the forms it is like, with how much; kept across questions */
  private readonly likheter = new Map<string, Map<string, number>>();
  /** each item's first post, which orders items that rank alike */
  private readonly forsta = new Map<T, number>();

  constructor(items: readonly T[], namn: (item: T) => string[]) {
    const df = new Map<string, number>();
    const råa = items.map((item) => {
      const varianter = namn(item).map((n) => ({
        ord: namnordPar(n),
        forkortade: forkortningar(n),
      }));
      const unika = new Set(varianter.flatMap((v) => v.ord.map((p) => stam(p.ord))));
      for (const s of unika) df.set(s, (df.get(s) ?? 0) + 1);
      return { item, varianter };
    });
    const namnen = new Map<string, Namn>();
    for (const { item, varianter } of råa) {
      for (const v of varianter) {
        const ord = v.ord.map((p) => ({
          ord: p.ord,
          skrivet: p.skrivet,
          vikt: 1 / Math.sqrt(df.get(stam(p.ord)) ?? 1),
          forkortning: v.forkortade.has(p.skrivet),
        }));
        if (!ord.length) continue;
        const index = this.poster.length;
        for (const o of ord) {
          for (const f of [
            { form: o.ord, forkortning: o.forkortning, skriven: false },
            ...(o.skrivet !== o.ord ? [{ form: o.skrivet, forkortning: o.forkortning, skriven: true }] : []),
          ]) {
            const nyckel = formnyckel(f);
            this.former.set(nyckel, f);
            this.formvikt.set(nyckel, { vikt: o.vikt, distinkt: o.vikt >= 0.5 && !/^\d+$/.test(o.ord) ? o.vikt : 0 });
            const lista = this.forekomster.get(nyckel);
            if (!lista) this.forekomster.set(nyckel, [index]);
            else if (lista[lista.length - 1] !== index) lista.push(index);
          }
        }
        const nyckel = ord.map((o) => `${o.ord}|${o.skrivet}|${o.vikt}|${o.forkortning}`).join(' ');
        let namn = namnen.get(nyckel);
        if (!namn) namnen.set(nyckel, (namn = { ord, total: ord.reduce((s, o) => s + o.vikt, 0) }));
        if (!this.forsta.has(item)) this.forsta.set(item, index);
        this.poster.push({ item, namn });
      }
    }
  }

  /** The forms a question word is like: the canonical word against canonical forms, the word as written against written ones. */
  private likheterFor(o: string, radt: string): Map<string, number> {
    const k = `${o}|${radt}`;
    let ut = this.likheter.get(k);
    if (ut) return ut;
    ut = new Map();
    for (const [nyckel, f] of this.former) {
      const q = f.skriven ? radt : o;
      if (!kanLikna(q, f.form) && !(f.forkortning && q.startsWith(f.form))) continue;
      const l = ordlikhet(q, f.form, f.forkortning);
      if (l > 0) ut.set(nyckel, l);
    }
    if (this.likheter.size > 5_000) this.likheter.clear();
    this.likheter.set(k, ut);
    return ut;
  }

  /**
   * Every name with something found, best first. `bortse` are positions that may not be used (a period, a
   * number); `enhetsord` are positions a unit's name used, which still count but do not tell a name apart.
   * Names found only by the words of a unit's name are scored only when nearly all their words are there (a
   * measure called what a unit is called), and with `egetOrd` not at all.
   */
  matcha(
    ordlista: string[],
    bortse: ReadonlySet<number>,
    enhetsord: ReadonlySet<number>,
    svaga: ReadonlySet<number> = new Set(),
    egetOrd = false,
  ): Array<Namntraff<T>> {
    return this.sok(ordlista, bortse, enhetsord, svaga, egetOrd, false);
  }

  /**
   * The first of `matcha`'s list and all that rank within 1e-9 of it, in the same order, without scoring the
   * names that cannot get there: a common word of the question ("över", "efter") touches every name that has
   * it, and there may be thousands.
   */
  basta(
    ordlista: string[],
    bortse: ReadonlySet<number>,
    enhetsord: ReadonlySet<number>,
    svaga: ReadonlySet<number> = new Set(),
    egetOrd = false,
  ): Array<Namntraff<T>> {
    return this.sok(ordlista, bortse, enhetsord, svaga, egetOrd, true);
  }

  private sok(
    ordlista: string[],
    bortse: ReadonlySet<number>,
    enhetsord: ReadonlySet<number>,
    svaga: ReadonlySet<number>,
    egetOrd: boolean,
    baraBasta: boolean,
  ): Array<Namntraff<T>> {
    const fraga = ordlista
      .map((o, i) => ({ o: kanoniskt(o), radt: o, i }))
      .filter(({ o, i }) => !bortse.has(i) && !FYLLORD.has(o) && o.length >= 2);
    if (!fraga.length) return [];
    // only the names that have a word like one of the question's are scored
    const perOrd = fraga.map(({ o, radt }) => this.likheterFor(o, radt));
    const beroerda = new Set<number>();
    const viaEnhet = new Set<number>();
    const viaEnhetNycklar = new Map<Namn, Set<string>>();
    perOrd.forEach((karta, j) => {
      const i = fraga[j].i;
      if (egetOrd && enhetsord.has(i)) return;
      for (const [nyckel, l] of karta) {
        if (svaga.has(i) && l < 0.95) continue;
        const poster = this.forekomster.get(nyckel) ?? [];
        if (!enhetsord.has(i)) {
          for (const p of poster) beroerda.add(p);
          continue;
        }
        const form = nyckel.replace(/^s:/, '');
        for (const p of poster) {
          viaEnhet.add(p);
          const namn = this.poster[p].namn;
          const s = viaEnhetNycklar.get(namn);
          if (s) s.add(form);
          else viaEnhetNycklar.set(namn, new Set([form]));
        }
      }
    });
    for (const p of viaEnhet) {
      const { namn } = this.poster[p];
      if (viaEnhetNycklar.get(namn)!.size >= Math.max(1, namn.ord.length * 0.9)) beroerda.add(p);
    }
    // items with the same name score the same: each name is scored once
    const poangFor = new Map<Namn, Poang | null>();
    const poangsattFor = (namn: Namn) => {
      let poang = poangFor.get(namn);
      if (poang === undefined) poangFor.set(namn, (poang = poangsatt(namn, fraga, perOrd, enhetsord, svaga)));
      return poang;
    };
    const nycklar = baraBasta ? new Set(perOrd.flatMap((karta) => [...karta.keys()])) : null;
    const tak = nycklar && this.takFor(nycklar, beroerda);
    // The best rank so far: a post whose bound is below it cannot be among the best. Begun with the post of the highest bound.
    let golv = -Infinity;
    if (tak) {
      let hogst = -1;
      for (const pi of beroerda) if (hogst < 0 || tak[pi] > tak[hogst]) hogst = pi;
      const poang = hogst < 0 ? null : poangsattFor(this.poster[hogst].namn);
      if (poang) golv = rang(poang);
    }
    const basta = new Map<T, { traff: Namntraff<T>; rang: number }>();
    for (const pi of beroerda) {
      const post = this.poster[pi];
      if (tak && tak[pi] < golv - 1e-6) continue;
      const poang = poangsattFor(post.namn);
      if (!poang) continue;
      const traff = { item: post.item, ...poang };
      const r = rang(traff);
      if (r > golv) golv = r;
      const fore = basta.get(post.item);
      if (!fore || r > fore.rang) basta.set(post.item, { traff, rang: r });
    }
    if (nycklar) this.nollstallTak(nycklar);
    return [...basta.values()]
      .filter((b) => !tak || b.rang >= golv - 1e-9)
      .sort((a, b) => b.rang - a.rang || this.forsta.get(a.traff.item)! - this.forsta.get(b.traff.item)!)
      .map((b) => b.traff);
  }

  /**
   * For each post touched, a rank it cannot exceed: every word of its name that some word of the question is
   * like counted as found in full (`rang` is at most that weight, plus half of it over the name's total, plus
   * the part of it that could tell the name apart). A word found in two forms counts twice, which only loosens it.
   */
  private takFor(nycklar: ReadonlySet<string>, beroerda: ReadonlySet<number>): Float64Array {
    const tak = (this.tak ??= new Float64Array(this.poster.length));
    const distinkt = (this.takDistinkt ??= new Float64Array(this.poster.length));
    for (const nyckel of nycklar) {
      const { vikt, distinkt: d } = this.formvikt.get(nyckel)!;
      for (const p of this.forekomster.get(nyckel) ?? []) {
        tak[p] += vikt;
        distinkt[p] += d;
      }
    }
    for (const p of beroerda) tak[p] += 0.5 * (tak[p] / this.poster[p].namn.total) + distinkt[p];
    return tak;
  }

  private nollstallTak(nycklar: ReadonlySet<string>): void {
    for (const nyckel of nycklar)
      for (const p of this.forekomster.get(nyckel) ?? []) {
        this.tak![p] = 0;
        this.takDistinkt![p] = 0;
      }
  }
}

/** How well a name is found among the question's words, or null if not at all. */
function poangsatt(
  namn: Namn,
  fraga: Array<{ i: number }>,
  perOrd: Array<Map<string, number>>,
  enhetsord: ReadonlySet<number>,
  svaga: ReadonlySet<number>,
): Poang | null {
  let poang = 0;
  let distinktPoang = 0;
  let distinktLangd = 0;
  let egetOrd = false;
  const positioner = new Set<number>();
  const ordvis = namn.ord.map((w) => {
    const kanon = formnyckel({ form: w.ord, forkortning: w.forkortning, skriven: false });
    // the canonical forms, or as written: a typo in "korttidssjukfrånvaro" is still that word
    const skriven = w.skrivet !== w.ord ? formnyckel({ form: w.skrivet, forkortning: w.forkortning, skriven: true }) : null;
    let bast = 0;
    let pos = -1;
    fraga.forEach(({ i }, j) => {
      const l = Math.max(perOrd[j].get(kanon) ?? 0, skriven ? (perOrd[j].get(skriven) ?? 0) : 0);
      if (l > bast) {
        bast = l;
        pos = i;
      }
    });
    return { bast, pos };
  });
  // one word of the question holding two words of the name ("familjehemsdygn") is that name
  const perPosition = new Map<number, number>();
  for (const { bast, pos } of ordvis) if (bast > 0) perPosition.set(pos, (perPosition.get(pos) ?? 0) + 1);
  for (const [i, w] of namn.ord.entries()) {
    let { bast } = ordvis[i];
    const { pos } = ordvis[i];
    if (bast <= 0) continue;
    if ((perPosition.get(pos) ?? 0) >= 2 && bast >= 0.6) bast = Math.max(bast, 0.9);
    // a weak word (an ordinary word of the question) counts only written as in the name
    if (svaga.has(pos) && bast < 0.95) continue;
    poang += bast * w.vikt;
    positioner.add(pos);
    if (!enhetsord.has(pos)) egetOrd = true;
    if (bast >= 0.75 && w.vikt >= 0.5 && !enhetsord.has(pos) && !svaga.has(pos) && !/^\d+$/.test(w.ord)) {
      distinktPoang += bast * w.vikt;
      distinktLangd = Math.max(distinktLangd, w.ord.length);
    }
  }
  if (poang <= 0) return null;
  return {
    poang,
    tackning: poang / namn.total,
    positioner,
    distinkt: distinktPoang > 0,
    distinktPoang,
    distinktLangd,
    egetOrd,
  };
}

/** Words that tell a name apart count twice; then the weight found, then the share of the name found. */
export function rang(t: { poang: number; tackning: number; distinktPoang: number }): number {
  return t.poang + 0.5 * t.tackning + t.distinktPoang;
}
