import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Kommundata } from './data.js';
import { type Kommun, type Matchning, kontrollera, kpi, tkr } from './forvantan.js';
import { type Fragare, KOMMUNER, startaBot } from './svit.js';

/**
 * Property test (issue 13): every unit, KPI and measure of each test municipality is found by the phrasings a
 * person types: lower case, no diacritics, one typo, an inflected last word. Asserted on the visible reply,
 * which must name the item and show its own figure.
 * npx mocha --no-config -n import=tsx --require test/support/miljo.ts --timeout 600000 test/kommuner/egenskaper.svit.ts
 */

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

/** The definite form of the last word, as Swedish speakers say it ("hemtjänsten", "sjukfrånvaron"); null when unsafe. */
export function bojning(s: string): string | null {
  const m = /^(.*?)(\p{Ll}+)$/u.exec(s);
  if (!m || s.split(' ').length > 5) return null;
  const [, fore, ord] = m;
  const et = ['stöd', 'bistånd', 'larm', 'index', 'boende', 'mottagande', 'statsbidrag', 'regi'];
  let nytt: string;
  if (et.some((e) => ord.endsWith(e))) nytt = ord.endsWith('e') ? `${ord}t` : `${ord}et`;
  else if (/[aeo]$/.test(ord)) nytt = `${ord}n`;
  else nytt = `${ord}en`;
  return fore + nytt;
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

for (const k of KOMMUNER.filter((k) => k.egenskaper)) {
  describe(`egenskaper: ${k.namn}, varje enhet, nyckeltal och åtgärd hittas på sina vanliga stavningar`, () => {
    let fraga: Fragare;
    let nr = 0;
    before(async () => {
      fraga = await startaBot(k);
    });
    for (const f of foremal(k)) {
      it(`${f.slag} "${f.namn}"`, async () => {
        const fel: string[] = [];
        for (const [slag, namn] of varianter(f.namn)) {
          const text = f.fraga(namn);
          const svar = await fraga(text, `egenskap-${++nr}`);
          const brister = kontrollera({ fraga: text, avsikt: 'status', maste: f.maste }, svar);
          if (brister.length) fel.push(`${slag}: "${text}" → ${brister.join('; ')}\n      ${svar.split('\n').slice(0, 3).join(' / ')}`);
        }
        assert.deepEqual(fel, [], fel.join('\n'));
      });
    }
  });
}
