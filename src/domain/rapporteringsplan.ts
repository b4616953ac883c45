import { arArbetsdag, arbetsdagIManad, arbetsdagarFore, forstaArbetsdagFran } from './arbetsdagar.js';
import { MANADER, type Period, forskjut, manad } from './period.js';
import type { Register } from './register.js';
import type { Rapporteringsplan } from './schema.js';
import type { Datum } from './tidszon.js';

export const STANDARD_PAMINN_DAGAR = 3;
export const STANDARD_KLOCKSLAG = '08:00';

/** When a unit's report for a month is due, and when its reminders start; from the nearest rule up the tree. */
export type Frist =
  | {
      typ: 'frist';
      period: Period;
      /** the last day to report, inclusive */
      sistaDag: Datum;
      /** the first working day reminders go out */
      paminnFran: Datum;
      /** Swedish time, "08:00" */
      klockslag: string;
      /** the unit whose rule this is */
      regelFran: string;
    }
  | { typ: 'ingen'; period: Period; regelFran: string };

/** A deadline as written: "arbetsdag 5", "2025-12-05" or "ingen". */
export type Fristangivelse = Pick<Rapporteringsplan, 'frist' | 'arbetsdag' | 'datum'>;

/** Reads "arbetsdag 5", "5:e arbetsdagen", "2025-12-05", "ingen"; a Swedish message when it cannot. */
export function tolkaFrist(text: string): { ok: true; frist: Fristangivelse } | { ok: false; fel: string } {
  const t = text.trim().toLowerCase();
  const arbetsdag = /^(?:arbetsdag(?:en)?\s*(\d{1,2})|(\d{1,2})\s*(?::[ae]\s*)?arbetsdag(?:en)?)$/.exec(t);
  if (arbetsdag) {
    const n = Number(arbetsdag[1] ?? arbetsdag[2]);
    if (n < 1 || n > 23) return { ok: false, fel: `arbetsdag ${n} finns inte; skriv en arbetsdag mellan 1 och 23` };
    return { ok: true, frist: { frist: 'arbetsdag', arbetsdag: n, datum: null } };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const d = new Date(`${t}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== t) return { ok: false, fel: `${t} är inget giltigt datum` };
    return { ok: true, frist: { frist: 'datum', arbetsdag: null, datum: t } };
  }
  if (/^(ingen|ingen rapportering|uppehåll)$/.test(t)) return { ok: true, frist: { frist: 'ingen', arbetsdag: null, datum: null } };
  return { ok: false, fel: `"${text.trim().slice(0, 40)}" är ingen frist; skriv till exempel "arbetsdag 5", "2025-12-05" eller "ingen"` };
}

/** "arbetsdag 5", "5 december 2025", "ingen rapportering" */
export function fristText(r: Fristangivelse): string {
  if (r.frist === 'arbetsdag') return `arbetsdag ${r.arbetsdag} i månaden efter`;
  if (r.frist === 'datum' && r.datum) return r.datum;
  return 'ingen rapportering';
}

/** "juli", "7", "07" as a month number, or null. */
export function tolkaManad(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? n : null;
  }
  const i = MANADER.indexOf(t as (typeof MANADER)[number]);
  return i < 0 ? null : i + 1;
}

function reglerFor(reg: Register, enhetId: string): Rapporteringsplan[] {
  return reg.dokument.rapporteringsplaner.filter((r) => r.enhet === enhetId);
}

/**
 * The deadline for a unit's report of a month. The nearest unit up the tree with a rule decides: its rule
 * for that month if it has one, else its rule for every month. Reminder days and time of day come from the
 * nearest rule that sets them. null when no rule applies (no deadline is known, so nobody is reminded).
 */
export function fristFor(reg: Register, enhetId: string, period: Period): Frist | null {
  let regel: Rapporteringsplan | undefined;
  let paminnDagar: number | null = null;
  let klockslag: string | null = null;
  for (const e of reg.kedja(enhetId)) {
    const regler = reglerFor(reg, e.id);
    const egen = regler.find((r) => r.period === period);
    const alla = regler.find((r) => r.period === null);
    for (const r of [egen, alla]) {
      if (!r) continue;
      paminnDagar ??= r.paminn_dagar;
      klockslag ??= r.klockslag;
    }
    regel ??= egen ?? alla;
    if (regel && paminnDagar !== null && klockslag !== null) break;
  }
  if (!regel) return null;
  if (regel.frist === 'ingen' || (regel.period === null && regel.uppehall.includes(manad(period))))
    return { typ: 'ingen', period, regelFran: regel.enhet };
  const foljande = forskjut(period, 1);
  const sistaDag = regel.frist === 'datum' && regel.datum ? regel.datum : arbetsdagIManad(foljande, regel.arbetsdag ?? 1);
  // reminders never start before the month has closed
  const tidigast = forstaArbetsdagFran(`${foljande}-01`);
  // a date on a weekend or holiday: the last working day before it is the last one to be reminded on
  const bas = arArbetsdag(sistaDag) ? sistaDag : arbetsdagarFore(sistaDag, 1);
  const fran = arbetsdagarFore(bas, paminnDagar ?? STANDARD_PAMINN_DAGAR);
  return {
    typ: 'frist',
    period,
    sistaDag,
    paminnFran: fran < tidigast ? tidigast : fran,
    klockslag: klockslag ?? STANDARD_KLOCKSLAG,
    regelFran: regel.enhet,
  };
}

/**
 * The month a unit's reminders are about on a day: the latest closed month with reporting whose reminders
 * have started. A month skipped (July) leaves the month before it in place; null when none has started.
 */
export function aktuellFrist(reg: Register, enhetId: string, idag: Datum): (Frist & { typ: 'frist' }) | null {
  const denna = idag.slice(0, 7);
  for (let steg = 1; steg <= 3; steg++) {
    const f = fristFor(reg, enhetId, forskjut(denna, -steg));
    if (f?.typ === 'frist' && f.paminnFran <= idag) return f;
  }
  return null;
}

/** Whether the municipality runs the round: a deadline is set or a month has been marked ready. */
export function rundanAnvands(reg: Register): boolean {
  return reg.dokument.rapporteringsplaner.length > 0 || reg.dokument.klarmarkeringar.length > 0;
}
