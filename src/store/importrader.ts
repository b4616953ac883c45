import type { ZodIssue, ZodType } from 'zod';
import { PERIOD_MONSTER } from '../domain/period.js';
import {
  ATGARDSSTATUS,
  type Anvandare,
  AnvandareSchema,
  type Atgard,
  AtgardSchema,
  type Atgardsplan,
  AtgardsplanSchema,
  ENHETSTYPER,
  type Enhet,
  EnhetSchema,
  KATEGORIER,
  type Nyckeltal,
  NyckeltalSchema,
  ROLLER,
  type Rapporteringsplan,
  RapporteringsplanSchema,
  type Troskel,
  TroskelSchema,
  type Utfall,
  UtfallSchema,
} from '../domain/schema.js';
import { tolkaFrist, tolkaManad } from '../domain/rapporteringsplan.js';
import { tolkaTal } from '../domain/tal.js';
import type { CsvRad } from './csv.js';

const STORSTA_BELOPP = 1e9;

/** Collects `fil:rad: orsak` for one file and reads its typed values. */
export class Granskare {
  readonly fel: string[] = [];
  private readonly nycklar = new Map<string, number>();
  constructor(readonly fil: string) {}

  notera(rad: number, orsak: string): void {
    this.fel.push(`${this.fil}:${rad}: ${orsak}`);
  }

  belopp(r: CsvRad, kolumn: string, frivillig = false): number | null | undefined {
    const text = r.varden[kolumn] ?? '';
    if (text === '') {
      if (frivillig) return null;
      this.notera(r.rad, `${kolumn} saknas`);
      return undefined;
    }
    const t = tolkaTal(text);
    if (!t.ok) {
      this.notera(r.rad, `${kolumn}: ${t.fel}`);
      return undefined;
    }
    if (Math.abs(t.varde) >= STORSTA_BELOPP) {
      this.notera(r.rad, `${kolumn}: ${text} är orimligt stort (belopp anges i tkr)`);
      return undefined;
    }
    return t.varde;
  }

  period(r: CsvRad): string | undefined {
    const p = r.varden.period ?? '';
    if (!PERIOD_MONSTER.test(p)) {
      this.notera(r.rad, `period "${p}" ska skrivas ÅÅÅÅ-MM, t.ex. 2025-11`);
      return undefined;
    }
    return p;
  }

  /** False, with an error, when the file already had a row with this key. */
  unik(nyckel: string, r: CsvRad, beskrivning: string): boolean {
    const forra = this.nycklar.get(nyckel);
    if (forra !== undefined) {
      this.notera(r.rad, `${beskrivning} finns redan på rad ${forra}`);
      return false;
    }
    this.nycklar.set(nyckel, r.rad);
    return true;
  }
}

/** A row as read: its key in the file, how to name it in a duplicate error, and the typed row. */
export interface Radtolkning<T> {
  nyckel: string;
  beskrivning: string;
  rad: T;
}

export type Radtolk<T> = (r: CsvRad, g: Granskare) => Radtolkning<T> | null;

/**
 * Every valid row of a file with its line number; errors go to `fel`. A row is valid only when the schema the
 * store loads with (src/domain/schema.ts) accepts it, so an import can never write what the store then refuses.
 */
export function läsRader<T>(
  fil: string,
  rader: CsvRad[] | undefined,
  fel: string[],
  tolka: Radtolk<T>,
  schema: ZodType<T>,
  g = new Granskare(fil),
): Array<{ rad: T; radnr: number }> {
  const ut: Array<{ rad: T; radnr: number }> = [];
  for (const r of rader ?? []) {
    const t = tolka(r, g);
    if (!t) continue;
    const kontroll = schema.safeParse(t.rad);
    if (!kontroll.success) {
      for (const orsak of new Set(kontroll.error.issues.map(beskrivSchemafel))) g.notera(r.rad, orsak);
      continue;
    }
    if (g.unik(t.nyckel, r, t.beskrivning)) ut.push({ rad: t.rad, radnr: r.rad });
  }
  fel.push(...g.fel);
  return ut;
}

/** The schemas of the rows as imported: the store's own, without what the import itself sets (version, who, when). */
export const IMPORTSCHEMAN = {
  enhet: EnhetSchema,
  utfall: UtfallSchema.omit({ version: true, rapporterad_av: true, rapporterad: true, korrigering: true }),
  atgard: AtgardSchema.omit({ version: true, andrad_av: true, andrad: true }),
  atgardsplan: AtgardsplanSchema,
  nyckeltal: NyckeltalSchema,
  anvandare: AnvandareSchema,
  troskel: TroskelSchema,
  rapporteringsplan: RapporteringsplanSchema.omit({ andrad_av: true, andrad: true }),
};

/** The file's column a schema field comes from, where the names differ. */
const KOLUMN_FOR_FALT: Record<string, string> = { frist: 'sista_dag', arbetsdag: 'sista_dag', datum: 'sista_dag' };

/** One schema complaint as the reason of a `fil:rad: orsak` line, in Swedish. */
function beskrivSchemafel(fel: ZodIssue): string {
  const [falt, under] = fel.path;
  const kolumn =
    (falt === 'plan' || falt === 'utfall') && typeof under === 'string'
      ? `${falt}_${under}`
      : (KOLUMN_FOR_FALT[falt] ?? String(falt ?? 'raden'));
  const delAvLista = typeof under === 'number' ? ` (värde ${under + 1} i listan)` : '';
  switch (fel.code) {
    case 'too_big':
      return fel.type === 'string'
        ? `${kolumn}${delAvLista} är för långt: högst ${String(fel.maximum)} tecken`
        : `${kolumn}${delAvLista} är för stort: högst ${String(fel.maximum)}`;
    case 'too_small':
      return fel.type === 'string' && fel.minimum === 1 ? `${kolumn}${delAvLista} saknas` : `${kolumn}${delAvLista} är för litet`;
    case 'invalid_string':
      return `${kolumn}${delAvLista}: ${fel.message === 'Invalid' ? 'har fel form' : fel.message}`;
    case 'invalid_enum_value':
      return `${kolumn}${delAvLista} ska vara en av ${fel.options.join(', ')}`;
    default:
      return `${kolumn}${delAvLista} godtas inte av lagringen (${fel.message})`;
  }
}

const tomTillNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);
const delaLista = (text: string) =>
  text
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

export const tolkaEnhet: Radtolk<Enhet> = (r, g) => {
  const v = r.varden;
  if (!v.id) {
    g.notera(r.rad, 'id saknas');
    return null;
  }
  if (!v.namn) {
    g.notera(r.rad, 'namn saknas');
    return null;
  }
  const typ = v.typ.toLowerCase();
  if (!(ENHETSTYPER as readonly string[]).includes(typ)) {
    g.notera(r.rad, `typ "${v.typ}" ska vara en av ${ENHETSTYPER.join(', ')}`);
    return null;
  }
  return {
    nyckel: v.id,
    beskrivning: `enheten ${v.id}`,
    rad: { id: v.id, namn: v.namn, typ: typ as Enhet['typ'], foralder: tomTillNull(v.foralder), alias: delaLista(v.alias) },
  };
};

/** Checks a unit reference against the units of the store and of the file. */
export type Enhetskontroll = (g: Granskare, r: CsvRad, id: string) => boolean;

export function enhetskontroll(finns: (id: string) => boolean): Enhetskontroll {
  return (g, r, id) => {
    if (!id) {
      g.notera(r.rad, 'enhet saknas');
      return false;
    }
    if (!finns(id)) {
      g.notera(r.rad, `okänd enhet "${id}"`);
      return false;
    }
    return true;
  };
}

export type Importutfall = Omit<Utfall, 'version' | 'rapporterad_av' | 'rapporterad'>;
export type Importatgard = Omit<Atgard, 'version' | 'andrad_av' | 'andrad'>;

export const tolkaUtfall =
  (kand: Enhetskontroll): Radtolk<Importutfall> =>
  (r, g) => {
    const v = r.varden;
    const okEnhet = kand(g, r, v.enhet);
    const period = g.period(r);
    const budget_ack = g.belopp(r, 'budget_ack');
    const utfall_ack = g.belopp(r, 'utfall_ack');
    const budget_helar = g.belopp(r, 'budget_helar', true);
    const prognos_helar = g.belopp(r, 'prognos_helar', true);
    if (!okEnhet || !period || budget_ack == null || utfall_ack == null || budget_helar === undefined || prognos_helar === undefined)
      return null;
    return {
      nyckel: `${v.enhet}|${period}`,
      beskrivning: `${v.enhet} ${period}`,
      rad: {
        enhet: v.enhet,
        period,
        budget_ack,
        utfall_ack,
        budget_helar,
        prognos_helar,
        kommentar: tomTillNull(v.kommentar),
        kalla: tomTillNull(v.kalla),
      },
    };
  };

export const tolkaAtgard =
  (kand: Enhetskontroll): Radtolk<Importatgard> =>
  (r, g) => {
    const v = r.varden;
    const okEnhet = kand(g, r, v.enhet);
    const nr = Number(v.nr);
    if (!/^\d+$/.test(v.nr) || nr < 1) {
      g.notera(r.rad, `nr "${v.nr}" ska vara ett positivt heltal`);
      return null;
    }
    if (!v.atgard) {
      g.notera(r.rad, 'atgard saknas');
      return null;
    }
    const kategori = v.kategori.toUpperCase();
    if (!(KATEGORIER as readonly string[]).includes(kategori)) {
      g.notera(r.rad, `kategori "${v.kategori}" ska vara A eller B`);
      return null;
    }
    const status = v.status.toLowerCase();
    if (!(ATGARDSSTATUS as readonly string[]).includes(status)) {
      g.notera(r.rad, `status "${v.status}" ska vara en av ${ATGARDSSTATUS.join(', ')}`);
      return null;
    }
    const arsbelopp = (prefix: string) => {
      const ut: Record<string, number> = {};
      for (const kolumn of Object.keys(v)) {
        const m = new RegExp(`^${prefix}_(\\d{4})$`).exec(kolumn);
        if (!m) continue;
        const b = g.belopp(r, kolumn, true);
        if (typeof b === 'number') ut[m[1]] = b;
      }
      return ut;
    };
    const plan = arsbelopp('plan');
    const utfall = arsbelopp('utfall');
    if (!okEnhet) return null;
    return {
      nyckel: `${v.enhet}|${nr}`,
      beskrivning: `åtgärd ${nr} för ${v.enhet}`,
      rad: {
        enhet: v.enhet,
        nr,
        atgard: v.atgard,
        ansvarig: v.ansvarig,
        tidplan: v.tidplan,
        uppfoljning: v.uppfoljning,
        kategori: kategori as Atgard['kategori'],
        status: status as Atgard['status'],
        kommentar: tomTillNull(v.kommentar),
        plan,
        utfall,
      },
    };
  };

export const tolkaAtgardsplan =
  (kand: Enhetskontroll): Radtolk<Atgardsplan> =>
  (r, g) => {
    const v = r.varden;
    const ok = kand(g, r, v.enhet);
    const sparbeting = g.belopp(r, 'sparbeting', true);
    const angiven_summa = g.belopp(r, 'angiven_summa', true);
    if (!ok || sparbeting === undefined || angiven_summa === undefined) return null;
    return {
      nyckel: v.enhet,
      beskrivning: `åtgärdsplanen för ${v.enhet}`,
      rad: { enhet: v.enhet, namn: v.namn || 'Åtgärdsplan', sparbeting, angiven_summa },
    };
  };

export const tolkaNyckeltal =
  (kand: Enhetskontroll): Radtolk<Nyckeltal> =>
  (r, g) => {
    const v = r.varden;
    const ok = kand(g, r, v.enhet);
    const period = g.period(r);
    const namn = v.nyckeltal.toLowerCase();
    if (!namn) {
      g.notera(r.rad, 'nyckeltal saknas');
      return null;
    }
    const varde = g.belopp(r, 'varde');
    const mal = g.belopp(r, 'mal', true);
    if (!ok || !period || varde == null || mal === undefined) return null;
    return {
      nyckel: `${v.enhet}|${period}|${namn}`,
      beskrivning: `${namn} för ${v.enhet} ${period}`,
      rad: { enhet: v.enhet, period, nyckeltal: namn, varde, mal },
    };
  };

export const tolkaAnvandare =
  (finns: (id: string) => boolean): Radtolk<Anvandare> =>
  (r, g) => {
    const v = r.varden;
    if (!v.id) {
      g.notera(r.rad, 'id saknas');
      return null;
    }
    if (!v.namn) {
      g.notera(r.rad, 'namn saknas');
      return null;
    }
    const roll = v.roll.toLowerCase();
    if (!(ROLLER as readonly string[]).includes(roll)) {
      g.notera(r.rad, `roll "${v.roll}" ska vara en av ${ROLLER.join(', ')}`);
      return null;
    }
    const enheter = delaLista(v.enheter);
    const okand = enheter.find((e) => !finns(e));
    if (okand) {
      g.notera(r.rad, `okänd enhet "${okand}"`);
      return null;
    }
    return { nyckel: v.id, beskrivning: `användaren ${v.id}`, rad: { id: v.id, namn: v.namn, roll: roll as Anvandare['roll'], enheter } };
  };

export const tolkaTroskel =
  (kand: Enhetskontroll): Radtolk<Troskel> =>
  (r, g) => {
    const v = r.varden;
    const ok = kand(g, r, v.enhet);
    const t = {
      varning_procent: g.belopp(r, 'varning_procent', true),
      kritisk_procent: g.belopp(r, 'kritisk_procent', true),
      varning_prognos_tkr: g.belopp(r, 'varning_prognos_tkr', true),
      kritisk_prognos_tkr: g.belopp(r, 'kritisk_prognos_tkr', true),
    };
    if (!ok || Object.values(t).some((x) => x === undefined)) return null;
    const rad = { enhet: v.enhet, ...t } as Troskel;
    if (rad.varning_procent !== null && rad.kritisk_procent !== null && rad.kritisk_procent < rad.varning_procent) {
      g.notera(r.rad, 'kritisk_procent ska vara minst lika hög som varning_procent');
      return null;
    }
    if (rad.varning_prognos_tkr !== null && rad.kritisk_prognos_tkr !== null && rad.kritisk_prognos_tkr > rad.varning_prognos_tkr) {
      g.notera(r.rad, 'kritisk_prognos_tkr ska vara lägre (mer negativ) än varning_prognos_tkr');
      return null;
    }
    return { nyckel: v.enhet, beskrivning: `tröskeln för ${v.enhet}`, rad };
  };

/** A deadline rule as imported; who changed it and when are set by the import. */
export type Importplanrad = Omit<Rapporteringsplan, 'andrad_av' | 'andrad'>;

/**
 * rapporteringsplan.csv: `enhet;period;sista_dag;paminn_dagar;klockslag;uppehall`. An empty period is the rule for
 * every month; `sista_dag` is "arbetsdag 5", a date or "ingen"; `uppehall` lists months without reporting ("juli").
 */
export const tolkaRapporteringsplan =
  (kand: Enhetskontroll): Radtolk<Importplanrad> =>
  (r, g) => {
    const v = r.varden;
    const felFore = g.fel.length;
    const ok = kand(g, r, v.enhet);
    const period = v.period ? g.period(r) : null;
    const frist = tolkaFrist(v.sista_dag ?? '');
    if (!frist.ok) g.notera(r.rad, `sista_dag: ${frist.fel}`);
    const heltal = (kolumn: string, min: number, max: number): number | null | undefined => {
      const t = (v[kolumn] ?? '').trim();
      if (!t) return null;
      if (!/^\d{1,2}$/.test(t) || Number(t) < min || Number(t) > max) {
        g.notera(r.rad, `${kolumn}: "${t}" ska vara ett heltal mellan ${min} och ${max}`);
        return undefined;
      }
      return Number(t);
    };
    const paminn = heltal('paminn_dagar', 0, 20);
    const klockslag = (v.klockslag ?? '').trim().replace('.', ':');
    const kl = /^(\d{1,2}):(\d{2})$/.exec(klockslag);
    if (klockslag && (!kl || Number(kl[1]) > 23 || Number(kl[2]) > 59))
      g.notera(r.rad, `klockslag: "${klockslag}" ska skrivas TT:MM, t.ex. 08:00`);
    const uppehall: number[] = [];
    for (const m of delaLista(v.uppehall ?? '')) {
      const n = tolkaManad(m);
      if (n === null) g.notera(r.rad, `uppehall: "${m}" är ingen månad`);
      else uppehall.push(n);
    }
    if (uppehall.length && period) g.notera(r.rad, 'uppehall anges på raden utan period (den som gäller varje månad)');
    if (frist.ok && frist.frist.frist === 'datum') {
      if (!period) g.notera(r.rad, 'sista_dag: ett datum gäller en månad; fyll i period');
      else if (frist.frist.datum!.slice(0, 7) <= period) g.notera(r.rad, `sista_dag: ${frist.frist.datum} ligger inte efter ${period}`);
    }
    if (!ok || !frist.ok || period === undefined || paminn === undefined || g.fel.length > felFore) return null;
    const rad: Importplanrad = {
      enhet: v.enhet,
      period,
      ...frist.frist,
      uppehall: [...new Set(uppehall)].sort((a, b) => a - b),
      paminn_dagar: paminn,
      klockslag: kl ? `${kl[1].padStart(2, '0')}:${kl[2]}` : null,
    };
    return { nyckel: `${v.enhet}|${period ?? '*'}`, beskrivning: `fristen för ${v.enhet}${period ? ` ${period}` : ''}`, rad };
  };
