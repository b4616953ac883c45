import type { Register } from './register.js';
import type { Enhet, Utfall } from './schema.js';
import { type Period, foregaende, manad } from './period.js';
import { avrunda } from './tal.js';

/**
 * A unit's figures for one period: its own row, or the sum of what its children reported. Shared with the
 * sum cache: the same object is returned until the figures change, so nobody may change it.
 */
export interface Siffror {
  readonly enhet: Enhet;
  readonly period: Period;
  readonly budget_ack: number;
  readonly utfall_ack: number;
  readonly budget_helar: number | null;
  readonly prognos_helar: number | null;
  /** budget − utfall: negative is underskott */
  readonly avvikelse: number;
  /** utfall / budget × 100, null when the budget is zero */
  readonly procent: number | null;
  /** årsbudget − helårsprognos: negative is a forecast underskott */
  readonly prognosavvikelse: number | null;
  /** the unit's own reported row (latest version), when the figures are its own */
  readonly egenRad: Utfall | null;
  /** for summed figures: how many of the contributing units have reported */
  readonly rapporterade: { readonly antal: number; readonly av: number } | null;
}

export function avvikelse(budget: number, utfall: number): number {
  return avrunda(budget - utfall, 4);
}

export function procentAvBudget(budget: number, utfall: number): number | null {
  return budget === 0 ? null : (utfall / budget) * 100;
}

interface Summa {
  budget_ack: number;
  utfall_ack: number;
  budget_helar: number | null;
  prognos_helar: number | null;
  antal: number;
  av: number;
  egenRad: Utfall | null;
  /** the figures built from this sum, once asked for; dropped with the sum */
  siffror: Siffror | null;
}

/**
 * Sums per register, period and unit. A change of a unit's rows drops only that period's sums for the unit and
 * the units above it (the register says which); a change of the tree drops everything.
 */
interface Summacache {
  enhetsgeneration: number;
  perPeriod: Map<Period, Map<string, Summa>>;
}
const cache = new WeakMap<Register, Summacache>();

function summera(reg: Register, enhet: Enhet, period: Period, minne: Map<string, Summa>): Summa {
  const k = enhet.id;
  const sparad = minne.get(k);
  if (sparad) return sparad;
  const egen = reg.senasteVersion(enhet.id, period);
  let s: Summa;
  if (egen) {
    s = {
      budget_ack: egen.budget_ack,
      utfall_ack: egen.utfall_ack,
      budget_helar: egen.budget_helar,
      prognos_helar: egen.prognos_helar,
      antal: 1,
      av: 1,
      egenRad: egen,
      siffror: null,
    };
  } else {
    const barn = reg.barnTill(enhet.id);
    s = {
      budget_ack: 0,
      utfall_ack: 0,
      budget_helar: 0,
      prognos_helar: 0,
      antal: 0,
      av: barn.length ? 0 : 1,
      egenRad: null,
      siffror: null,
    };
    for (const b of barn) {
      const bs = summera(reg, b, period, minne);
      s.av += bs.av;
      if (bs.antal === 0) continue;
      s.antal += bs.antal;
      s.budget_ack += bs.budget_ack;
      s.utfall_ack += bs.utfall_ack;
      s.budget_helar = s.budget_helar === null || bs.budget_helar === null ? null : s.budget_helar + bs.budget_helar;
      s.prognos_helar = s.prognos_helar === null || bs.prognos_helar === null ? null : s.prognos_helar + bs.prognos_helar;
    }
  }
  minne.set(k, s);
  return s;
}

function minneFor(reg: Register, period: Period): Map<string, Summa> {
  let c = cache.get(reg);
  if (!c) {
    const ny: Summacache = { enhetsgeneration: reg.enhetsgeneration, perPeriod: new Map() };
    reg.lyssnaPaUtfall((enhet, p) => {
      const minne = ny.perPeriod.get(p);
      if (minne) for (const e of reg.kedja(enhet)) minne.delete(e.id);
    });
    cache.set(reg, ny);
    c = ny;
  }
  if (c.enhetsgeneration !== reg.enhetsgeneration) {
    c.enhetsgeneration = reg.enhetsgeneration;
    c.perPeriod.clear();
  }
  let minne = c.perPeriod.get(period);
  if (!minne) {
    minne = new Map();
    c.perPeriod.set(period, minne);
  }
  return minne;
}

export function siffrorFor(reg: Register, enhetId: string, period: Period): Siffror | null {
  const enhet = reg.enhet(enhetId);
  if (!enhet) return null;
  const s = summera(reg, enhet, period, minneFor(reg, period));
  if (s.antal === 0) return null;
  s.siffror ??= byggSiffror(enhet, period, s);
  return s.siffror;
}

function byggSiffror(enhet: Enhet, period: Period, s: Summa): Siffror {
  const budget_helar = s.budget_helar === null ? null : avrunda(s.budget_helar, 4);
  const prognos_helar = s.prognos_helar === null ? null : avrunda(s.prognos_helar, 4);
  return {
    enhet,
    period,
    budget_ack: avrunda(s.budget_ack, 4),
    utfall_ack: avrunda(s.utfall_ack, 4),
    budget_helar,
    prognos_helar,
    avvikelse: avvikelse(s.budget_ack, s.utfall_ack),
    procent: procentAvBudget(s.budget_ack, s.utfall_ack),
    prognosavvikelse: budget_helar !== null && prognos_helar !== null ? avvikelse(budget_helar, prognos_helar) : null,
    egenRad: s.egenRad,
    rapporterade: s.egenRad ? null : { antal: s.antal, av: s.av },
  };
}

/**
 * Figures for the month alone. Cumulative figures restart each January,
 * so January's month value is its cumulative value.
 */
export function manadsvarde(reg: Register, enhetId: string, period: Period): { budget: number; utfall: number; avvikelse: number } | null {
  const nu = siffrorFor(reg, enhetId, period);
  if (!nu) return null;
  if (manad(period) === 1) return { budget: nu.budget_ack, utfall: nu.utfall_ack, avvikelse: nu.avvikelse };
  const fore = siffrorFor(reg, enhetId, foregaende(period));
  if (!fore) return null;
  const budget = avrunda(nu.budget_ack - fore.budget_ack, 4);
  const utfall = avrunda(nu.utfall_ack - fore.utfall_ack, 4);
  return { budget, utfall, avvikelse: avvikelse(budget, utfall) };
}

/** The latest period with figures for the unit (or below it) at or before `senast`. */
export function senastePeriodFor(reg: Register, enhetId: string, senast?: Period): Period | null {
  const perioder = reg.perioderFor(enhetId);
  if (!senast) return perioder.length ? perioder[perioder.length - 1] : null;
  // ascending: the last one not after `senast`
  let lo = 0;
  let hi = perioder.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (perioder[mid] <= senast) lo = mid + 1;
    else hi = mid;
  }
  return lo ? perioder[lo - 1] : null;
}
