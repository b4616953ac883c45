import type { Larmniva } from '../domain/schema.js';
import {
  type GallandeTrosklar,
  STANDARDTROSKLAR,
  TROSKELFALT,
  type Trosklar,
  type Troskelfalt,
  gallandeTrosklar,
} from '../domain/trosklar.js';
import { avrunda, formatTal, tolkaTal } from '../domain/tal.js';
import { normalisera } from '../language/normalisera.js';

export { type GallandeTrosklar, STANDARDTROSKLAR, TROSKELFALT, type Trosklar, type Troskelfalt, gallandeTrosklar };

/** A personal percent ("går över 105 %") moves the warning level; critical never drops below it. */
export function medPersonligProcent(t: Trosklar, procent: number | null | undefined): Trosklar {
  if (procent === null || procent === undefined) return t;
  return { ...t, varning_procent: procent, kritisk_procent: Math.max(procent, t.kritisk_procent) };
}

export interface Orsak {
  matt: 'procent' | 'prognos';
  niva: Exclude<Larmniva, 'ok'>;
  varde: number;
  grans: number;
}

export interface Bedomning {
  niva: Larmniva;
  /** every limit that is reached, the most severe first */
  orsaker: Orsak[];
}

/** What the evaluation reads of a unit's figures. */
export interface Bedomningsunderlag {
  budget_ack: number;
  procent: number | null;
  prognosavvikelse: number | null;
}

/**
 * Warning when utfall reaches varning_procent of budget to date or the forecast deviation reaches
 * varning_prognos_tkr (≤); critical likewise. Percent is compared at six decimals so that 102 % computed
 * from tkr with decimals is 102 % and 101,99 % is not. A budget of zero or less has no meaningful percent.
 */
export function bedom(s: Bedomningsunderlag, t: Trosklar): Bedomning {
  const orsaker: Orsak[] = [];
  const procent = s.procent !== null && s.budget_ack > 0 ? avrunda(s.procent, 6) : null;
  const prognos = s.prognosavvikelse === null ? null : avrunda(s.prognosavvikelse, 4);
  for (const niva of ['kritisk', 'varning'] as const) {
    const pGrans = niva === 'kritisk' ? t.kritisk_procent : t.varning_procent;
    const tGrans = niva === 'kritisk' ? t.kritisk_prognos_tkr : t.varning_prognos_tkr;
    if (procent !== null && procent >= pGrans && !orsaker.some((o) => o.matt === 'procent'))
      orsaker.push({ matt: 'procent', niva, varde: procent, grans: pGrans });
    if (prognos !== null && prognos <= tGrans && !orsaker.some((o) => o.matt === 'prognos'))
      orsaker.push({ matt: 'prognos', niva, varde: prognos, grans: tGrans });
  }
  const niva: Larmniva = orsaker.some((o) => o.niva === 'kritisk') ? 'kritisk' : orsaker.length ? 'varning' : 'ok';
  return { niva, orsaker };
}

export const NIVARANG: Record<Larmniva, number> = { ok: 0, varning: 1, kritisk: 2 };

/** Thresholds that contradict each other: critical must be at least as severe as warning. */
export function motsagelse(t: Trosklar): string | null {
  if (t.kritisk_procent < t.varning_procent)
    return `den kritiska tröskeln (${procentgrans(t.kritisk_procent)}) skulle bli lägre än varningströskeln (${procentgrans(t.varning_procent)})`;
  if (t.kritisk_prognos_tkr > t.varning_prognos_tkr)
    return `den kritiska prognosgränsen (${tkrgrans(t.kritisk_prognos_tkr)}) skulle bli mildare än varningsgränsen (${tkrgrans(t.varning_prognos_tkr)})`;
  return null;
}

/** "101 %", "102,5 %": a limit as people set it, no forced decimal. */
export function procentgrans(v: number): string {
  return `${formatTal(v)}\u00a0%`;
}

/** "−500 tkr" */
export function tkrgrans(v: number): string {
  return `${formatTal(v)}\u00a0tkr`;
}

export type Troskelandring =
  | { typ: 'visa' }
  | { typ: 'satt'; falt: Troskelfalt; varde: number }
  | { typ: 'ta_bort'; falt: Troskelfalt[] }
  | { typ: 'fel'; text: string };

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
  const tillMatch =
    /\btill\s+(.+?)\s*[.!]?\s*$/i.exec(text) ??
    /(?:^|\s)([-−–]?\s?\d[\d\s\u00a0\u202f]*(?:[,.]\d+)?\s*(?:%|procent|tkr|mnkr|mkr|kr)?)\s*[.!]?\s*$/i.exec(text);
  if (!tillMatch)
    return {
      typ: 'fel',
      text: `Jag hittar inget värde. Skriv till exempel "sätt varningströskel för ${exempel} till 103 %" eller "sätt kritisk prognosgräns för ${exempel} till -1500 tkr".`,
    };
  const t = tolkaTal(tillMatch[1], prognos ? 'tkr' : 'procent');
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
