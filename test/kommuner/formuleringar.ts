import { join } from 'node:path';
import { Kommundata } from './data.js';
import { type Kommun, type Matchning, kpi, tkr } from './forvantan.js';

/** Phrasings a person types for a name: the property test's generators (egenskaper.test.ts). */

export function utanDiakriter(s: string): string {
  return s.replace(/[åä]/g, 'a').replace(/[ÅÄ]/g, 'A').replace(/ö/g, 'o').replace(/Ö/g, 'O').replace(/é/g, 'e');
}

/** One typo in the longest word: two neighbouring letters in its middle swapped (or one dropped if they are equal). */
export function stavfel(s: string): string {
  const ord = s.split(' ');
  let i = -1;
  ord.forEach((o, j) => {
    if (/^\p{L}{5,}$/u.test(o) && (i < 0 || o.length > ord[i].length)) i = j;
  });
  if (i < 0) return s;
  const o = ord[i];
  const m = Math.floor(o.length / 2);
  ord[i] = o[m - 1] === o[m] ? o.slice(0, m) + o.slice(m + 1) : o.slice(0, m - 1) + o[m] + o[m - 1] + o.slice(m + 1);
  return ord.join(' ');
}

/**
 * The definite form of the last word, as Swedish speakers say it ("hemtjänsten", "sjukfrånvaron", "politiska
 * verksamheten"), with the adjective before it agreeing; null where a mechanical rule would say it wrong
 * (a preposition phrase, an abbreviation, a plural or participle noun).
 */
export function bojning(s: string): string | null {
  const ord = s.split(' ');
  const sista = ord.at(-1)!;
  const prepositioner = ['för', 'i', 'av', 'med', 'om', 'till', 'på', 'inom', 'enligt', 'enl.', 'via', 'utifrån', 'genom', 'per', 'som'];
  if (ord.length > 5 || !/^\p{L}+$/u.test(sista) || /^\p{Lu}{2,}/u.test(sista) || ord.some((o) => prepositioner.includes(o.toLowerCase())))
    return null;
  if (/(are|da|[^n]de|rt)$/.test(sista) || ord.some((o) => /rt$/.test(o) && o !== sista)) return null;
  const et = ['stöd', 'bistånd', 'larm', 'index', 'boende', 'mottagande', 'regi'];
  let nytt: string;
  if (/(heter|oner)$/.test(sista)) nytt = `${sista}na`;
  else if (/hem$/.test(sista)) nytt = `${sista}met`;
  else if (/den$/.test(sista)) nytt = `${sista}a`;
  else if (et.some((e) => sista.endsWith(e))) nytt = sista.endsWith('e') ? `${sista}t` : `${sista}et`;
  else if (/[aeo]$/.test(sista)) nytt = `${sista}n`;
  else nytt = `${sista}en`;
  const ut = [...ord.slice(0, -1), nytt];
  if (ut.length > 1) {
    const i = ut.length - 2;
    const fore = ut[i];
    if (/iskt$/i.test(fore)) ut[i] = `${fore.slice(0, -1)}a`;
    else if (/(isk|lig|ig|kt)$/i.test(fore)) ut[i] = `${fore}a`;
    else if (/sam$/i.test(fore)) ut[i] = `${fore}ma`;
    else if (/^särskilt$/i.test(fore)) ut[i] = `${fore.slice(0, -1)}da`;
  }
  return ut.join(' ');
}

interface Foremal {
  slag: 'enhet' | 'nyckeltal' | 'åtgärd';
  namn: string;
  fraga: (namn: string) => string;
  maste: Matchning[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function foremal(k: Kommun): Foremal[] {
  const d = new Kommundata(join(process.cwd(), k.mapp));
  const { ar, period } = k.egenskaper!;
  const aret = period.slice(0, 4);
  const ut: Foremal[] = [];
  for (const e of d.enheter.values()) {
    const s = d.siffror(e.id, period);
    if (!s) continue;
    ut.push({
      slag: 'enhet',
      namn: e.namn,
      fraga: (n) => (ar ? `hur gick ${n} ${aret}?` : `hur ligger ${n}?`),
      maste: [e.namn, tkr(s.utfall)],
    });
  }
  const kpier = new Map<string, Set<string>>();
  for (const n of d.nyckeltal) kpier.set(n.namn, (kpier.get(n.namn) ?? new Set()).add(n.enhet));
  for (const [namn, enheter] of kpier) {
    for (const enhet of enheter) {
      const senaste = d.nyckeltal.filter((n) => n.namn === namn && n.enhet === enhet).sort((a, b) => b.period.localeCompare(a.period))[0];
      const med = enheter.size > 1 ? ` för ${d.namn(enhet)}` : '';
      ut.push({
        slag: 'nyckeltal',
        namn,
        fraga: (n) => `${n}${med}`,
        maste: [new RegExp(esc(namn.slice(0, 12)), 'i'), kpi(senaste.varde)],
      });
    }
  }
  for (const a of d.atgarder) ut.push({ slag: 'åtgärd', namn: a.namn, fraga: (n) => `hur går åtgärden ${n}?`, maste: [a.namn] });
  return ut;
}

export function varianter(namn: string): Array<[string, string]> {
  const v: Array<[string, string]> = [
    ['gemener', namn.toLowerCase()],
    ['utan å, ä, ö', utanDiakriter(namn)],
    ['ett stavfel', stavfel(namn)],
  ];
  const b = bojning(namn);
  if (b) v.push(['böjning', b]);
  return v;
}
