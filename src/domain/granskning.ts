import { z } from 'zod';
import { fårRapportera, nekandeText } from './behorighet.js';
import { type Period, PERIOD_MONSTER, år, periodNamn } from './period.js';
import type { Register } from './register.js';
import { ATGARDSSTATUS, type Anvandare, type Atgard } from './schema.js';
import { avvikelse, procentAvBudget } from './siffror.js';
import { formatProcent, formatTal, formatTkr, tolkaTal } from './tal.js';
import { gallandeTrosklar } from './trosklar.js';
import { somSkrivet } from './markdown.js';

/**
 * What a controller submits from a card, checked on the server. Every message names its field and
 * says what to do, in Swedish; a form with any message stores nothing.
 *
 * Sign rules (the issue left them open): amounts are net amounts in tkr, so negative values are allowed
 * (units with net revenue have negative budgets), but a budget t.o.m. whose sign differs from the annual
 * budget's is refused, and so is any magnitude of 1e9 tkr or more. A budget t.o.m. larger than the annual
 * budget is allowed with a warning on the receipt. Realised savings of a measure may not be negative.
 */

export const STORSTA_BELOPP = 1e9;
export const MAX_KOMMENTAR = 2000;

export const UTFALLSFALT = ['enhet', 'period', 'budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar', 'kommentar'] as const;
export type Utfallsfalt = (typeof UTFALLSFALT)[number];
export const UTFALLSFALTNAMN: Record<Utfallsfalt, string> = {
  enhet: 'Enhet',
  period: 'Period',
  budget_ack: 'Budget t.o.m.',
  utfall_ack: 'Utfall t.o.m.',
  budget_helar: 'Årsbudget',
  prognos_helar: 'Helårsprognos',
  kommentar: 'Kommentar',
};

export const ATGARDSFALT = ['status', 'ar', 'besparing', 'kommentar'] as const;
export type Atgardsfalt = (typeof ATGARDSFALT)[number];
export const ATGARDSFALTNAMN: Record<Atgardsfalt, string> = {
  status: 'Status',
  ar: 'År',
  besparing: 'Realiserad besparing',
  kommentar: 'Kommentar',
};

/** The figures as they will be stored. */
export interface Utfallsvarden {
  enhet: string;
  period: Period;
  budget_ack: number;
  utfall_ack: number;
  budget_helar: number | null;
  prognos_helar: number | null;
  kommentar: string | null;
}

export interface Atgardsvarden {
  status: Atgard['status'];
  ar: string | null;
  besparing: number | null;
  kommentar: string | null;
}

export type Granskning<V, F extends string> = { ok: true; varden: V; varningar: string[] } | { ok: false; fel: Partial<Record<F, string>> };

/** A card field as text: what Input.Text sends; anything else a forged invoke might send becomes text or fails. */
const falttext = (max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? '' : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v),
    z.string({ invalid_type_error: 'ogiltigt värde' }).max(max, `högst ${max} tecken`),
  );

function belopp(namn: string, obligatoriskt: boolean) {
  return falttext(200).transform((text, ctx): number | null => {
    const t = text.trim();
    const fel = (message: string) => {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${namn}: ${message}` });
      return z.NEVER;
    };
    if (!t) return obligatoriskt ? fel('fyll i ett belopp i tkr, t.ex. 17 795,6') : null;
    const tal = tolkaTal(t);
    if (!tal.ok) return fel(`${tal.fel}. Skriv till exempel 17 795,6 eller 13,1 mnkr.`);
    if (tal.enhet === 'procent') return fel('skriv ett belopp i tkr, inte procent');
    if (Math.abs(tal.varde) >= STORSTA_BELOPP) return fel(`${formatTkr(tal.varde)} är orimligt stort; belopp anges i tkr (tusen kronor)`);
    return tal.varde;
  });
}

function kommentar(namn: string) {
  return falttext(20000).transform((text, ctx): string | null => {
    const t = text.replace(/\r\n/g, '\n').trim();
    if (t.length > MAX_KOMMENTAR) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${namn}: högst ${formatTal(MAX_KOMMENTAR)} tecken (du skrev ${formatTal(t.length)})`,
      });
      return z.NEVER;
    }
    return t || null;
  });
}

/** The warning threshold in percent of budget: the unit's own, else the nearest ancestor's, else 102. */
export function varningsgrans(reg: Register, enhetId: string): number {
  return gallandeTrosklar(reg, enhetId).varden.varning_procent;
}

/** Underskott at or beyond the warning threshold: |avvikelse| / |budget| ≥ threshold − 100 %. */
export function overVarningsgransen(budget: number, utfall: number, grans: number): boolean {
  const avv = avvikelse(budget, utfall);
  if (avv >= 0) return false;
  if (budget === 0) return true;
  return (-avv / Math.abs(budget)) * 100 >= grans - 100 - 1e-9;
}

export interface Utfallsmiljo {
  register: Register;
  anvandare: Anvandare | undefined;
  /** the current month, from the injected clock */
  nu: Period;
}

function forstaFelPerFalt<F extends string>(fel: z.ZodError, falt: readonly F[]): Partial<Record<F, string>> {
  const ut: Partial<Record<F, string>> = {};
  for (const issue of fel.issues) {
    const f = issue.path[0] as F;
    if (!falt.includes(f) || ut[f]) continue;
    ut[f] =
      issue.code === z.ZodIssueCode.custom
        ? issue.message
        : `${(UTFALLSFALTNAMN as Record<string, string>)[f] ?? (ATGARDSFALTNAMN as Record<string, string>)[f] ?? f}: ${issue.message}`;
  }
  return ut;
}

/** Checks a submitted figures form against the register: scope, period, amounts, comment rule. */
export function granskaUtfall(indata: unknown, m: Utfallsmiljo): Granskning<Utfallsvarden, Utfallsfalt> {
  const reg = m.register;
  const N = UTFALLSFALTNAMN;
  const schema = z
    .object({
      enhet: falttext(200).transform((text, ctx) => {
        const id = text.trim();
        const fel = (message: string) => {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message });
          return z.NEVER;
        };
        if (!id) return fel(`${N.enhet}: välj vilken enhet siffrorna gäller`);
        if (!reg.enhet(id)) return fel(`${N.enhet}: okänd enhet "${somSkrivet(id.slice(0, 40))}"`);
        if (!fårRapportera(m.anvandare, id, reg)) return fel(`${N.enhet}: ${nekandeText(m.anvandare, id, reg)}`);
        return id;
      }),
      period: falttext(200).transform((text, ctx) => {
        const p = text.trim();
        const fel = (message: string) => {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message });
          return z.NEVER;
        };
        if (!p) return fel(`${N.period}: välj vilken månad siffrorna gäller`);
        if (!PERIOD_MONSTER.test(p)) return fel(`${N.period}: "${somSkrivet(p.slice(0, 20))}" ska skrivas ÅÅÅÅ-MM, t.ex. 2025-11`);
        if (p > m.nu) return fel(`Perioden ${p} ligger i framtiden. Välj ${periodNamn(m.nu)} eller en tidigare månad.`);
        if (år(p) < 2000) return fel(`${N.period}: ${p} är för långt tillbaka`);
        return p;
      }),
      budget_ack: belopp(N.budget_ack, true),
      utfall_ack: belopp(N.utfall_ack, true),
      budget_helar: belopp(N.budget_helar, false),
      prognos_helar: belopp(N.prognos_helar, false),
      kommentar: kommentar(N.kommentar),
    })
    .superRefine((v, ctx) => {
      // Runs also when a field failed (zod marks the object dirty); only whole values are compared.
      if (typeof v.budget_ack !== 'number' || typeof v.utfall_ack !== 'number' || typeof v.enhet !== 'string') return;
      const budget = v.budget_ack;
      const utfall = v.utfall_ack;
      if (typeof v.budget_helar === 'number' && budget !== 0 && v.budget_helar !== 0 && Math.sign(budget) !== Math.sign(v.budget_helar)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['budget_ack'],
          message: `${N.budget_ack}: ${formatTkr(budget)} har annat tecken än årsbudgeten (${formatTkr(v.budget_helar)}). Kostnader skrivs som positiva tal; bara en enhet med nettointäkter har negativ budget.`,
        });
        return;
      }
      const grans = varningsgrans(reg, v.enhet);
      if (v.kommentar === null && overVarningsgransen(budget, utfall, grans)) {
        const procent = procentAvBudget(budget, utfall);
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['kommentar'],
          message: `Kommentar krävs när underskottet är över varningsgränsen (${procent === null ? 'ingen budget' : `${formatProcent(procent)} av budget`}; varning från ${formatProcent(grans, grans % 1 ? 1 : 0)}). Skriv kort vad underskottet beror på.`,
        });
      }
    });
  const tolkat = schema.safeParse(typeof indata === 'object' && indata !== null ? indata : {});
  if (!tolkat.success) return { ok: false, fel: forstaFelPerFalt(tolkat.error, UTFALLSFALT) };
  const v = tolkat.data as Utfallsvarden;
  return { ok: true, varden: v, varningar: utfallsvarningar(v) };
}

/** What is allowed but worth a second look; shown on the receipt, never blocking. */
export function utfallsvarningar(v: Pick<Utfallsvarden, 'budget_ack' | 'budget_helar'>): string[] {
  const varningar: string[] = [];
  if (v.budget_helar !== null && v.budget_ack > 0 && v.budget_helar > 0 && v.budget_ack > v.budget_helar) {
    varningar.push(
      `Budget t.o.m. (${formatTkr(v.budget_ack)}) är större än årsbudgeten (${formatTkr(v.budget_helar)}). Kontrollera beloppen och korrigera vid behov.`,
    );
  }
  return varningar;
}

export interface Atgardsmiljo {
  atgard: Atgard;
  nu: Period;
}

/** Checks a submitted measure form: status, the year and its realised savings, the comment rule. */
export function granskaAtgard(indata: unknown, m: Atgardsmiljo): Granskning<Atgardsvarden, Atgardsfalt> {
  const N = ATGARDSFALTNAMN;
  const iÅr = år(m.nu);
  const planar = [...Object.keys(m.atgard.plan), ...Object.keys(m.atgard.utfall)].map(Number);
  const forstaAr = Math.min(iÅr, ...planar);
  const schema = z
    .object({
      status: falttext(100).transform((text, ctx) => {
        const s = text.trim().toLowerCase();
        if ((ATGARDSSTATUS as readonly string[]).includes(s)) return s as Atgard['status'];
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: s
            ? `${N.status}: "${somSkrivet(text.trim().slice(0, 40))}" är ingen giltig status. Välj ${ATGARDSSTATUS.join(', ').replace(/, ([^,]*)$/, ' eller $1')}.`
            : `${N.status}: välj en status`,
        });
        return z.NEVER;
      }),
      ar: falttext(100).transform((text, ctx): string | null => {
        const t = text.trim();
        const fel = (message: string) => {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${N.ar}: ${message}` });
          return z.NEVER;
        };
        if (!t) return null;
        if (!/^\d{4}$/.test(t)) return fel(`"${somSkrivet(t.slice(0, 20))}" ska vara ett årtal, t.ex. ${iÅr}`);
        const y = Number(t);
        if (y > iÅr) return fel(`${y} har inte börjat; realiserad besparing anges för ${iÅr} eller tidigare år`);
        if (y < forstaAr) return fel(`${y} ligger före åtgärdsplanens första år (${forstaAr})`);
        return t;
      }),
      besparing: belopp(N.besparing, false).superRefine((v, ctx) => {
        if (v !== null && v < 0) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `${N.besparing}: kan inte vara negativ (${formatTkr(v)}). Skriv 0 om åtgärden inte har gett någon besparing.`,
          });
        }
      }),
      kommentar: kommentar(N.kommentar),
    })
    .superRefine((v, ctx) => {
      if (typeof v.besparing === 'number' && v.ar === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['ar'], message: `${N.ar}: välj vilket år besparingen gäller` });
      }
      if (v.kommentar === null && (v.status === 'försenad' || v.status === 'avbruten')) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['kommentar'],
          message: `Kommentar krävs när åtgärden är ${v.status}: skriv kort varför och vad som händer nu.`,
        });
      }
    });
  const tolkat = schema.safeParse(typeof indata === 'object' && indata !== null ? indata : {});
  if (!tolkat.success) return { ok: false, fel: forstaFelPerFalt(tolkat.error, ATGARDSFALT) };
  return { ok: true, varden: tolkat.data as Atgardsvarden, varningar: [] };
}

/** The card's own bookkeeping: which form it is, and which version of what it was built from. */
export const Kortgrund = z.object({
  kortId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  grundversion: z.coerce.number().int().min(0).max(1e6),
  grundenhet: z.string().max(200).default(''),
  grundperiod: z.string().max(20).default(''),
});
export type Kortgrund = z.infer<typeof Kortgrund>;

export const Atgardsgrund = z.object({
  kortId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  grundversion: z.coerce.number().int().min(0).max(1e6),
  enhet: z.string().min(1).max(200),
  nr: z.coerce.number().int().positive().max(100000),
});
export type Atgardsgrund = z.infer<typeof Atgardsgrund>;
