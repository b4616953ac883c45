import { distance } from 'fastest-levenshtein';
import { normalisera } from './normalisera.js';
import type { Fraga } from './tolka.js';

/** Everyday words for the KPIs, so "sjuktal" finds "sjukfrånvaro" whatever the municipality calls its series. */
const KPI_SYNONYMER: Array<[RegExp, string[]]> = [
  [/kort(tids)?\s?(sjuk)?franvaro|kort sjuk|dag 1 14|short/, ['korttidsfranvaro', 'kort sjukfranvaro']],
  [/langtids|lang sjuk/, ['langtidssjukfranvaro', 'langtidsfranvaro']],
  [/sjuk|franvaro|sick|absence/, ['sjukfranvaro', 'sjukfranvaro total', 'total sjukfranvaro']],
  [/omsattning|turnover|slutat/, ['personalomsattning']],
  [/hme|engagemang|medarbetarenkat/, ['hme']],
  [/overtid|mertid|overtime/, ['overtid', 'mertid']],
];

/** Picks the store's KPI name that the question means. */
export function valjNyckeltal(fraga: Fraga, namn: string[]): string | null {
  if (!namn.length) return null;
  const text = normalisera(fraga.text);
  const normala = namn.map((n) => normalisera(n));
  for (const [monster, kandidater] of KPI_SYNONYMER) {
    if (!monster.test(text)) continue;
    let i = normala.findIndex((n) => kandidater.includes(n));
    if (i < 0) i = normala.findIndex((n) => kandidater.some((k) => n.startsWith(k.split(' ')[0])));
    if (i >= 0) return namn[i];
  }
  let bäst: { n: string; d: number } | null = null;
  for (const [i, n] of namn.entries())
    for (const o of fraga.nyckeltalOrd) {
      const d = distance(normala[i], o);
      if (d <= 3 && (!bäst || d < bäst.d)) bäst = { n, d };
    }
  return bäst?.n ?? null;
}
