import type { Utfallsfalt, Utfallsvarden } from './granskning.js';
import { type Period, foregaende, manad, periodNamn, sammaManadIFjol } from './period.js';
import type { Register } from './register.js';
import { procentAvBudget, siffrorFor } from './siffror.js';
import { formatProcent, formatTal, formatTkr } from './tal.js';

/**
 * Figures that are allowed but can hardly be right: a cumulative figure that falls, an utfall far from the
 * budget to date, a forecast the figures to date contradict, a budget to date far from the year's share.
 * Each warning names both figures it compares; the submission asks for a confirmation before it saves.
 * Pure, so the card form and an import can ask the same questions.
 *
 * Signs: a unit with net revenue has negative amounts, so every comparison is made in the direction of the
 * annual budget's sign (or the budget to date's when there is no annual budget).
 */

export interface Rimlighetsgranser {
  /** utfall t.o.m. below this percent of budget t.o.m. is questioned */
  utfallMinProcent: number;
  /** utfall t.o.m. above this percent of budget t.o.m. is questioned */
  utfallMaxProcent: number;
  /** how many percent a cumulative figure may fall from the previous month before it is questioned */
  minskningProcent: number;
  /** how many percent the forecast may lie below the utfall to date (in December: the year's utfall) */
  prognosMarginalProcent: number;
  /** a deviation to date of this many percent with a forecast deviation of the other sign is questioned */
  prognosRiktningProcent: number;
  /** percentage points the budget to date's share of the annual budget may differ from the usual share */
  budgetandelProcentenheter: number;
}

export const RIMLIGHET_STANDARD: Rimlighetsgranser = {
  utfallMinProcent: 50,
  utfallMaxProcent: 150,
  minskningProcent: 0,
  prognosMarginalProcent: 1,
  prognosRiktningProcent: 10,
  budgetandelProcentenheter: 15,
};

export type Rimlighetskod =
  | 'utfall_minskar'
  | 'budget_minskar'
  | 'utfall_utanfor_budget'
  | 'december_over_prognos'
  | 'prognos_under_utfall'
  | 'prognos_motsager_utfall'
  | 'budgetandel'
  | 'egen_rad_ersatter_summa';

export interface Rimlighetsvarning {
  kod: Rimlighetskod;
  /** the form field the warning is shown beside */
  falt: Utfallsfalt;
  text: string;
}

type Figurer = Pick<Utfallsvarden, 'enhet' | 'period' | 'budget_ack' | 'utfall_ack' | 'budget_helar' | 'prognos_helar'>;

const procent = (v: number) => formatProcent(v, Math.abs(v) < 10 ? 1 : 0);

/** Checks one unit's figures for a month against themselves and the unit's other months. */
export function rimlighetsvarningar(v: Figurer, reg: Register, g: Rimlighetsgranser = RIMLIGHET_STANDARD): Rimlighetsvarning[] {
  const ut: Rimlighetsvarning[] = [];
  const riktning = Math.sign(v.budget_helar || v.budget_ack) || 1;
  const r = (x: number) => x * riktning;
  const m = manad(v.period);
  const p: Period = v.period;

  if (m > 1) {
    const fore = siffrorFor(reg, v.enhet, foregaende(p));
    if (fore) {
      const tillatet = (x: number) => r(x) - (Math.abs(x) * g.minskningProcent) / 100;
      const foreNamn = periodNamn(foregaende(p));
      if (r(v.utfall_ack) < tillatet(fore.utfall_ack))
        ut.push({
          kod: 'utfall_minskar',
          falt: 'utfall_ack',
          text: `Utfall t.o.m. ${formatTkr(v.utfall_ack)} är lägre än t.o.m. ${foreNamn} (${formatTkr(fore.utfall_ack)}). Utfallet är ackumulerat och brukar inte minska: skriv årets utfall till och med ${periodNamn(p)}.`,
        });
      if (r(v.budget_ack) < tillatet(fore.budget_ack))
        ut.push({
          kod: 'budget_minskar',
          falt: 'budget_ack',
          text: `Budget t.o.m. ${formatTkr(v.budget_ack)} är lägre än t.o.m. ${foreNamn} (${formatTkr(fore.budget_ack)}). Budgeten är ackumulerad och brukar inte minska.`,
        });
    }
  }

  const andel = procentAvBudget(v.budget_ack, v.utfall_ack);
  if (andel !== null && (andel < g.utfallMinProcent || andel > g.utfallMaxProcent))
    ut.push({
      kod: 'utfall_utanfor_budget',
      falt: 'utfall_ack',
      text: `Utfall t.o.m. ${formatTkr(v.utfall_ack)} är ${procent(andel)} av budget t.o.m. ${formatTkr(v.budget_ack)}, utanför ${formatTal(g.utfallMinProcent)}–${formatProcent(g.utfallMaxProcent, 0)}.`,
    });

  if (v.prognos_helar !== null) {
    const marginal = (Math.abs(v.utfall_ack) * g.prognosMarginalProcent) / 100;
    if (m === 12 && r(v.utfall_ack) > r(v.prognos_helar) + marginal)
      ut.push({
        kod: 'december_over_prognos',
        falt: 'prognos_helar',
        text: `Utfall t.o.m. december ${formatTkr(v.utfall_ack)} är högre än helårsprognosen ${formatTkr(v.prognos_helar)}. I december är utfallet hela årets; prognosen brukar vara lika stor.`,
      });
    if (m < 12 && r(v.prognos_helar) < r(v.utfall_ack) - marginal)
      ut.push({
        kod: 'prognos_under_utfall',
        falt: 'prognos_helar',
        text: `Helårsprognosen ${formatTkr(v.prognos_helar)} är lägre än utfallet hittills (${formatTkr(v.utfall_ack)} t.o.m. ${periodNamn(p)}), trots att året har ${12 - m} månader kvar.`,
      });
    if (m < 12 && v.budget_helar !== null && v.budget_helar !== 0 && v.budget_ack !== 0) {
      const avvikelseHittills = ((r(v.budget_ack) - r(v.utfall_ack)) / Math.abs(v.budget_ack)) * 100;
      const prognosavvikelse = r(v.budget_helar) - r(v.prognos_helar);
      const motsager =
        (avvikelseHittills <= -g.prognosRiktningProcent && prognosavvikelse > 0) ||
        (avvikelseHittills >= g.prognosRiktningProcent && prognosavvikelse < 0);
      if (motsager)
        ut.push({
          kod: 'prognos_motsager_utfall',
          falt: 'prognos_helar',
          text: `Helårsprognosen ${formatTkr(v.prognos_helar)} ger ${prognosavvikelse > 0 ? 'överskott' : 'underskott'} mot årsbudgeten ${formatTkr(v.budget_helar)}, men utfall t.o.m. ${formatTkr(v.utfall_ack)} ger ${avvikelseHittills < 0 ? 'underskott' : 'överskott'} på ${procent(Math.abs(avvikelseHittills))} mot budget t.o.m. ${formatTkr(v.budget_ack)}.`,
        });
    }
  }

  if (v.budget_helar !== null && v.budget_helar !== 0) {
    const andelAvAret = (v.budget_ack / v.budget_helar) * 100;
    const ifjol = siffrorFor(reg, v.enhet, sammaManadIFjol(p));
    const brukar = ifjol?.budget_helar ? (ifjol.budget_ack / ifjol.budget_helar) * 100 : (m / 12) * 100;
    if (Math.abs(andelAvAret - brukar) > g.budgetandelProcentenheter)
      ut.push({
        kod: 'budgetandel',
        falt: 'budget_ack',
        text: `Budget t.o.m. ${formatTkr(v.budget_ack)} är ${procent(andelAvAret)} av årsbudgeten ${formatTkr(v.budget_helar)}; t.o.m. ${periodNamn(p)} brukar andelen vara ${procent(brukar)} (${ifjol?.budget_helar ? `samma månad i fjol` : `${m} av årets 12 månader`}).`,
      });
  }
  return ut;
}

/**
 * A parent's first own row for a month replaces the sum of the units below it in every answer: deliberate,
 * so it is said before saving and confirmed like an implausible figure.
 */
export function egenRadVarning(v: Pick<Figurer, 'enhet' | 'period' | 'utfall_ack'>, reg: Register): Rimlighetsvarning | null {
  const barn = reg.barnTill(v.enhet);
  if (!barn.length || reg.senasteVersion(v.enhet, v.period)) return null;
  const summa = siffrorFor(reg, v.enhet, v.period);
  const namn = reg.enhet(v.enhet)?.namn ?? v.enhet;
  const n = barn.length === 1 ? 'den enda enheten under den' : `de ${barn.length} enheterna under den`;
  return {
    kod: 'egen_rad_ersatter_summa',
    falt: 'enhet',
    text: `${namn} har ${barn.length === 1 ? 'en enhet' : `${barn.length} enheter`} under sig. Sparar du blir de här siffrorna (utfall t.o.m. ${formatTkr(v.utfall_ack)}) enhetens egen rad för ${periodNamn(v.period)}, och den gäller i stället för summan av ${n}${summa ? ` (i dag utfall t.o.m. ${formatTkr(summa.utfall_ack)})` : ''}.`,
  };
}

/** What a confirmation confirms: these figures with these warnings. Another figure asks again. */
export function rimlighetsnyckel(v: Figurer, varningar: Rimlighetsvarning[]): string {
  return [v.enhet, v.period, v.budget_ack, v.utfall_ack, v.budget_helar ?? '', v.prognos_helar ?? '', ...varningar.map((w) => w.kod)].join(
    '|',
  );
}
