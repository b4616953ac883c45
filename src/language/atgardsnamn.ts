import { distance } from 'fastest-levenshtein';
import type { Atgard } from '../domain/schema.js';
import { normalisera } from './normalisera.js';

/** A measure's title as words; rows are replaced, never changed, so the words are kept per row. */
const titlar = new WeakMap<Atgard, string[]>();
function titelord(a: Atgard): string[] {
  let ord = titlar.get(a);
  if (!ord) {
    ord = normalisera(a.atgard).split(' ');
    titlar.set(a, ord);
  }
  return ord;
}

/** A measure named by its words ("medicinrobotarna"): the best fuzzy hit on the measure's title. */
export function hittaPaNamn(atgarder: Atgard[], ord: string[]): Atgard | undefined {
  let bäst: { a: Atgard; poang: number } | undefined;
  for (const a of atgarder) {
    const titel = titelord(a);
    let poang = 0;
    for (const o of ord) {
      if (o.length < 4) continue;
      const likhet = Math.max(
        ...titel.map((t) =>
          t === o
            ? 1
            : t.startsWith(o.slice(0, Math.max(5, o.length - 3))) || o.startsWith(t.slice(0, Math.max(5, t.length - 2)))
              ? 0.9
              : distance(t, o) <= 2 && t.length >= 6
                ? 0.7
                : 0,
        ),
      );
      poang += likhet;
    }
    if (poang > 0 && (!bäst || poang > bäst.poang)) bäst = { a, poang };
  }
  return bäst?.a;
}
