import { distance } from 'fastest-levenshtein';
import Fuse from 'fuse.js';
import type { Register } from '../domain/register.js';
import type { Enhet } from '../domain/schema.js';
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
}

export interface Enhetstraff {
  /** Units named in the question, in the order they appear. */
  enheter: Enhet[];
  /** Spans where several units matched equally well. */
  tvetydiga: Enhet[][];
  /** Word positions used by unit names. */
  anvanda: Set<number>;
}

const BOJNINGAR = ['en', 'et', 'n', 't', 'na', 's', 'ens', 'ets', 'ns', 'ts', 'arna', 'erna', 'orna', 'ar', 'er', 'or'];
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
    if (distance(bas, term) <= tillatet || distance(fraga, term) <= tillatet) return 0.8;
  }
  if (fraga.length >= 4 && term.length > fraga.length + 2 && term.startsWith(fraga)) return 0.6;
  // Swedish compounds: "hemtjänstgruppen" is a kind of "hemtjänst".
  if (term.length >= 5 && fraga.length > term.length + 2 && fraga.startsWith(term)) return 0.7;
  return 0;
}

function sammaBojning(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  return x.length === y.length && x.every((o, i) => ordlikhet(o, y[i], false) >= 0.95);
}

function stam(fraga: string, term: string): string {
  for (const b of BOJNINGAR) if (fraga.endsWith(b) && Math.abs(fraga.length - b.length - term.length) <= 1) return fraga.slice(0, -b.length);
  return fraga;
}

/** Unit names, aliases and generic synonyms, as word lists; rebuilt when the register changes. */
export class Enhetsindex {
  private readonly termer: Term[] = [];
  private readonly fuse: Fuse<{ enhet: Enhet; namn: string }>;

  constructor(readonly register: Register, private readonly skyddadeOrd: ReadonlySet<string>) {
    const grupper = VERKSAMHETSSYNONYMER.map((g) => new Set(g));
    const sokbara: Array<{ enhet: Enhet; namn: string }> = [];
    for (const enhet of register.enheter.values()) {
      const egna = new Set([enhet.namn, ...enhet.alias].map(normalisera).filter(Boolean));
      for (const t of egna) this.termer.push({ enhet, ord: t.split(' '), vikt: 1 });
      const generiska = new Set<string>(TYPTERMER[enhet.typ] ?? []);
      for (const grupp of grupper) if ([...egna].some((t) => [...grupp].some((g) => sammaBojning(t, g)))) for (const g of grupp) generiska.add(g);
      for (const g of generiska) if (!egna.has(g)) this.termer.push({ enhet, ord: g.split(' '), vikt: 0.9 });
      for (const namn of [enhet.namn, ...enhet.alias]) sokbara.push({ enhet, namn });
    }
    this.fuse = new Fuse(sokbara, { keys: ['namn'], threshold: 0.5, ignoreLocation: true, includeScore: true });
  }

  /** Finds the units a question names; overlapping matches keep the best. */
  hitta(ordlista: string[], original: string[] = ordlista): Enhetstraff {
    const kandidater: Traff[] = [];
    for (const term of this.termer) {
      const n = term.ord.length;
      for (let start = 0; start + n <= ordlista.length; start++) {
        let summa = 0;
        let ok = true;
        for (let i = 0; i < n; i++) {
          const likhet = ordlikhet(ordlista[start + i], term.ord[i], this.skyddadeOrd.has(ordlista[start + i]));
          if (likhet === 0) { ok = false; break; }
          summa += likhet * Math.min(term.ord[i].length, ordlista[start + i].length);
        }
        if (!ok) continue;
        // Short bare abbreviations ("pa", "dv", "gb") only count when written exactly,
        // and one that is also an ordinary word ("sen", "mot") only when written with a capital.
        if (n === 1 && term.ord[0].length <= 3 && ordlista[start] !== term.ord[0]) continue;
        if (n === 1 && term.ord[0].length <= 4 && this.skyddadeOrd.has(term.ord[0]) && original[start] === original[start]?.toLowerCase()) continue;
        kandidater.push({ enhet: term.enhet, start, slut: start + n, poang: summa * term.vikt });
      }
      if (n >= 2) this.delvisTraff(term, ordlista, kandidater);
    }
    kandidater.sort((a, b) => b.poang - a.poang || (b.slut - b.start) - (a.slut - a.start));
    const anvanda = new Set<number>();
    const valda: Traff[] = [];
    const tvetydiga: Enhet[][] = [];
    for (const k of kandidater) {
      let overlapp = false;
      for (let i = k.start; i < k.slut; i++) if (anvanda.has(i)) overlapp = true;
      if (overlapp) continue;
      const lika = kandidater.filter((x) => x.start === k.start && x.slut === k.slut && Math.abs(x.poang - k.poang) < 1e-9);
      const olika = [...new Map(lika.map((x) => [x.enhet.id, x.enhet])).values()];
      if (olika.length > 1) tvetydiga.push(olika);
      for (let i = k.start; i < k.slut; i++) anvanda.add(i);
      valda.push(k);
    }
    valda.sort((a, b) => a.start - b.start);
    const enheter = [...new Map(valda.map((v) => [v.enhet.id, v.enhet])).values()];
    return { enheter, tvetydiga, anvanda };
  }

  /**
   * "hemtjänsten" for units named "Hemtjänst Norr" and "Hemtjänst Söder": the leading word of a longer
   * name counts, weakly, so that two such units become a question of which one rather than no answer.
   */
  private delvisTraff(term: Term, ordlista: string[], kandidater: Traff[]): void {
    const forsta = term.ord[0];
    if (forsta.length < 5) return;
    for (let start = 0; start < ordlista.length; start++) {
      const o = ordlista[start];
      if (this.skyddadeOrd.has(o)) continue;
      const likhet = ordlikhet(o, forsta, false);
      if (likhet < 0.8) continue;
      if (ordlista[start + 1] !== undefined && ordlikhet(ordlista[start + 1], term.ord[1], false) > 0) continue;
      kandidater.push({ enhet: term.enhet, start, slut: start + 1, poang: likhet * Math.min(forsta.length, o.length) * term.vikt * 0.5 });
    }
  }

  /** The closest unit names to something that matched nothing, for "menade du …". */
  narmaste(text: string, antal = 3): Enhet[] {
    const traffar = this.fuse.search(text, { limit: antal * 3 });
    return [...new Map(traffar.map((t) => [t.item.enhet.id, t.item.enhet])).values()].slice(0, antal);
  }
}
