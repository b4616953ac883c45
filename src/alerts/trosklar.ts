import type { Larmniva } from '../domain/schema.js';
import {
  type GallandeTrosklar,
  STANDARDTROSKLAR,
  TROSKELFALT,
  type Trosklar,
  type Troskelfalt,
  gallandeTrosklar,
} from '../domain/trosklar.js';
import { avrunda, formatTal } from '../domain/tal.js';

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
