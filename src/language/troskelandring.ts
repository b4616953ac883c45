import { tolkaTal } from '../domain/tal.js';
import type { Troskelfalt } from '../domain/trosklar.js';
import { normalisera } from './normalisera.js';

export type Troskelandring =
  | { typ: 'visa' }
  | { typ: 'satt'; falt: Troskelfalt; varde: number }
  | { typ: 'ta_bort'; falt: Troskelfalt[] }
  | { typ: 'fel'; text: string };

/** The text without the blanks and the one "." or "!" it ends with. */
function utanSlut(text: string): string {
  const t = text.trimEnd();
  return (t.endsWith('.') || t.endsWith('!') ? t.slice(0, -1) : t).trimEnd();
}

/** What follows the first "till", as written ("till 103 %"); null when nothing does. */
function efterTill(text: string): string | null {
  const till = /\btill\s/i.exec(text);
  return till ? utanSlut(text.slice(till.index + till[0].length)).trimStart() || null : null;
}

/**
 * The amount a command ends with ("sätt varningströskel för IFO 103 %"); null when it ends otherwise. Each part
 * of the pattern can match a character in one way only, and it is tried on the end of the text only (an amount
 * longer than that is no amount for tolkaTal either), so a long message costs no more than a short one.
 */
function beloppSist(text: string): string | null {
  const svans = utanSlut(text).slice(-60);
  return /(?:^|\s)([-−–]?\s?\d+(?:[\s\u00a0\u202f]+\d+)*(?:[,.]\d+)?(?:\s*(?:%|procent|tkr|mnkr|mkr|kr))?)$/i.exec(svans)?.[1] ?? null;
}

/** What a threshold command asks for: show, set one limit, or remove limits so they are inherited again. */
export function tolkaTroskelandring(text: string, exempel = 'IFO'): Troskelandring {
  const n = normalisera(text);
  const varning = /\bvarn\w*|\bwarn\w*/.test(n);
  const kritisk = /\bkritisk\w*|\bcritical\b/.test(n);
  const prognos = /prognos\w*|forecast/.test(n);
  const tarBort = /\b(ta bort|tabort|aterstall\w*|nollstall\w*|radera|remove|reset)\b/.test(n);
  const satter = /\b(satt|satta|andra|hoj|hoja|sank|sanka|set|change)\b/.test(n);
  const niva = varning && !kritisk ? 'varning' : kritisk && !varning ? 'kritisk' : null;
  if (tarBort) {
    const falt: Troskelfalt[] =
      niva === null
        ? ['varning_procent', 'kritisk_procent', 'varning_prognos_tkr', 'kritisk_prognos_tkr']
        : prognos
          ? [`${niva}_prognos_tkr`]
          : /procent|%/.test(n)
            ? [`${niva}_procent`]
            : [`${niva}_procent`, `${niva}_prognos_tkr`];
    return { typ: 'ta_bort', falt };
  }
  if (!satter) return { typ: 'visa' };
  const varde = efterTill(text) ?? beloppSist(text);
  if (varde === null)
    return {
      typ: 'fel',
      text: `Jag hittar inget värde. Skriv till exempel "sätt varningströskel för ${exempel} till 103 %" eller "sätt kritisk prognosgräns för ${exempel} till -1500 tkr".`,
    };
  const t = tolkaTal(varde, prognos ? 'tkr' : 'procent');
  if (!t.ok)
    return {
      typ: 'fel',
      text: `${t.fel.charAt(0).toUpperCase()}${t.fel.slice(1)}. Skriv till exempel "till 103 %" eller "till -1500 tkr".`,
    };
  if (!niva)
    return {
      typ: 'fel',
      text: `Ska det vara varningströskeln eller den kritiska tröskeln? Skriv till exempel "sätt varningströskel för ${exempel} till 103 %" eller "sätt kritisk tröskel för ${exempel} till 106 %".`,
    };
  if (t.enhet === 'procent') {
    if (prognos)
      return { typ: 'fel', text: `Prognosgränsen anges i tkr, till exempel "sätt kritisk prognosgräns för ${exempel} till -1500 tkr".` };
    if (t.varde <= 0 || t.varde > 500)
      return { typ: 'fel', text: 'Tröskeln anges i procent av budget t.o.m. månaden, mellan 1 och 500 %, till exempel 103 %.' };
    return { typ: 'satt', falt: `${niva}_procent`, varde: t.varde };
  }
  if (Math.abs(t.varde) > 10_000_000)
    return { typ: 'fel', text: 'Prognosgränsen är orimligt stor; den anges i tkr, till exempel -1500 tkr.' };
  // A forecast limit is an underskott: "1 500 tkr" and "-1 500 tkr" mean the same limit.
  return { typ: 'satt', falt: `${niva}_prognos_tkr`, varde: -Math.abs(t.varde) };
}
