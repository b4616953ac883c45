import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planeraLarm } from '../alerts/planera.js';
import { PERIOD_MONSTER } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import {
  ATGARDSSTATUS, type Anvandare, type Atgard, type Atgardsplan, ENHETSTYPER, type Enhet, KATEGORIER,
  type Nyckeltal, ROLLER, type Troskel, type Utfall,
} from '../domain/schema.js';
import { tolkaTal } from '../domain/tal.js';
import { CsvFel, type CsvRad, lasCsv } from './csv.js';
import type { Store } from './store.js';

export const IMPORTFILER = {
  'enheter.csv': ['id', 'namn', 'typ', 'foralder', 'alias'],
  'utfall.csv': ['enhet', 'period', 'budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar', 'kommentar'],
  'atgarder.csv': ['enhet', 'nr', 'atgard', 'ansvarig', 'tidplan', 'uppfoljning', 'kategori', 'status', 'kommentar'],
  'atgardsplaner.csv': ['enhet', 'namn', 'sparbeting', 'angiven_summa'],
  'nyckeltal.csv': ['enhet', 'period', 'nyckeltal', 'varde', 'mal'],
  'anvandare.csv': ['id', 'namn', 'roll', 'enheter'],
  'trosklar.csv': ['enhet', 'varning_procent', 'kritisk_procent', 'varning_prognos_tkr', 'kritisk_prognos_tkr'],
} as const;

type Filnamn = keyof typeof IMPORTFILER;

/** What a valid import would write; rows without a key in the store or with other values. */
export interface Importplan {
  enheter: Enhet[];
  utfall: Array<Omit<Utfall, 'version' | 'rapporterad_av' | 'rapporterad'>>;
  atgarder: Array<Omit<Atgard, 'version' | 'andrad_av' | 'andrad'>>;
  atgardsplaner: Atgardsplan[];
  nyckeltal: Nyckeltal[];
  anvandare: Anvandare[];
  trosklar: Troskel[];
}

export class Importfel extends Error {
  constructor(readonly fel: string[]) {
    super(fel.join('\n'));
  }
}

const STORSTA_BELOPP = 1e9;

class Granskare {
  readonly fel: string[] = [];
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

  unik(nycklar: Map<string, number>, nyckel: string, r: CsvRad, beskrivning: string): boolean {
    const forra = nycklar.get(nyckel);
    if (forra !== undefined) {
      this.notera(r.rad, `${beskrivning} finns redan på rad ${forra}`);
      return false;
    }
    nycklar.set(nyckel, r.rad);
    return true;
  }
}

function delaLista(text: string): string[] {
  return text.split('|').map((s) => s.trim()).filter(Boolean);
}

const tomTillNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);

/** Validates a whole import folder against itself and the store; writes nothing. */
export function planeraImport(filer: Partial<Record<Filnamn, Buffer>>, reg: Register): Importplan {
  const fel: string[] = [];
  const plan: Importplan = { enheter: [], utfall: [], atgarder: [], atgardsplaner: [], nyckeltal: [], anvandare: [], trosklar: [] };
  const rader = {} as Record<Filnamn, CsvRad[]>;
  for (const [fil, kolumner] of Object.entries(IMPORTFILER) as Array<[Filnamn, readonly string[]]>) {
    const data = filer[fil];
    if (!data) continue;
    try {
      rader[fil] = lasCsv(fil, data, kolumner);
    } catch (e) {
      if (e instanceof CsvFel) fel.push(e.message);
      else throw e;
    }
  }
  if (Object.keys(filer).length === 0) fel.push(`ingen av filerna ${Object.keys(IMPORTFILER).join(', ')} finns i mappen`);

  const enheter = new Map<string, Enhet>(reg.enheter);
  if (rader['enheter.csv']) {
    const g = new Granskare('enheter.csv');
    const nycklar = new Map<string, number>();
    const radnr = new Map<string, number>();
    for (const r of rader['enheter.csv']) {
      const v = r.varden;
      if (!v.id) { g.notera(r.rad, 'id saknas'); continue; }
      if (!g.unik(nycklar, v.id, r, `enheten ${v.id}`)) continue;
      if (!v.namn) { g.notera(r.rad, 'namn saknas'); continue; }
      const typ = v.typ.toLowerCase();
      if (!(ENHETSTYPER as readonly string[]).includes(typ)) { g.notera(r.rad, `typ "${v.typ}" ska vara en av ${ENHETSTYPER.join(', ')}`); continue; }
      const enhet: Enhet = { id: v.id, namn: v.namn, typ: typ as Enhet['typ'], foralder: tomTillNull(v.foralder), alias: delaLista(v.alias) };
      enheter.set(enhet.id, enhet);
      radnr.set(enhet.id, r.rad);
      const fore = reg.enhet(enhet.id);
      if (!fore || JSON.stringify(fore) !== JSON.stringify(enhet)) plan.enheter.push(enhet);
    }
    for (const [id, rad] of radnr) {
      const e = enheter.get(id)!;
      if (e.foralder !== null && !enheter.has(e.foralder)) g.notera(rad, `föräldern "${e.foralder}" finns inte`);
      else if (arCykel(enheter, id)) g.notera(rad, `enheten ${id} ligger under sig själv (foralder bildar en slinga)`);
    }
    const rotter = [...enheter.values()].filter((e) => e.foralder === null);
    if (rotter.length > 1) g.notera(radnr.get(rotter[1].id) ?? 1, `bara en enhet får sakna förälder (${rotter.map((e) => e.id).join(', ')} saknar)`);
    fel.push(...g.fel);
  }

  const kandEnhet = (g: Granskare, r: CsvRad, id: string): boolean => {
    if (!id) { g.notera(r.rad, 'enhet saknas'); return false; }
    if (!enheter.has(id)) { g.notera(r.rad, `okänd enhet "${id}"`); return false; }
    return true;
  };

  if (rader['utfall.csv']) {
    const g = new Granskare('utfall.csv');
    const nycklar = new Map<string, number>();
    for (const r of rader['utfall.csv']) {
      const v = r.varden;
      const okEnhet = kandEnhet(g, r, v.enhet);
      const period = g.period(r);
      const budget_ack = g.belopp(r, 'budget_ack');
      const utfall_ack = g.belopp(r, 'utfall_ack');
      const budget_helar = g.belopp(r, 'budget_helar', true);
      const prognos_helar = g.belopp(r, 'prognos_helar', true);
      if (!okEnhet || !period || budget_ack == null || utfall_ack == null || budget_helar === undefined || prognos_helar === undefined) continue;
      if (!g.unik(nycklar, `${v.enhet}|${period}`, r, `${v.enhet} ${period}`)) continue;
      const rad = { enhet: v.enhet, period, budget_ack, utfall_ack, budget_helar, prognos_helar, kommentar: tomTillNull(v.kommentar), kalla: tomTillNull(v.kalla) };
      const fore = reg.senasteVersion(v.enhet, period);
      if (!fore || !sammaUtfall(fore, rad)) plan.utfall.push(rad);
    }
    fel.push(...g.fel);
  }

  if (rader['atgarder.csv']) {
    const g = new Granskare('atgarder.csv');
    const nycklar = new Map<string, number>();
    for (const r of rader['atgarder.csv']) {
      const v = r.varden;
      const okEnhet = kandEnhet(g, r, v.enhet);
      const nr = Number(v.nr);
      if (!/^\d+$/.test(v.nr) || nr < 1) { g.notera(r.rad, `nr "${v.nr}" ska vara ett positivt heltal`); continue; }
      if (!v.atgard) { g.notera(r.rad, 'atgard saknas'); continue; }
      const kategori = v.kategori.toUpperCase();
      if (!(KATEGORIER as readonly string[]).includes(kategori)) { g.notera(r.rad, `kategori "${v.kategori}" ska vara A eller B`); continue; }
      const status = v.status.toLowerCase();
      if (!(ATGARDSSTATUS as readonly string[]).includes(status)) { g.notera(r.rad, `status "${v.status}" ska vara en av ${ATGARDSSTATUS.join(', ')}`); continue; }
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
      const plan_ = arsbelopp('plan');
      const utfall = arsbelopp('utfall');
      if (!okEnhet || !g.unik(nycklar, `${v.enhet}|${nr}`, r, `åtgärd ${nr} för ${v.enhet}`)) continue;
      const rad = {
        enhet: v.enhet, nr, atgard: v.atgard, ansvarig: v.ansvarig, tidplan: v.tidplan, uppfoljning: v.uppfoljning,
        kategori: kategori as Atgard['kategori'], status: status as Atgard['status'], kommentar: tomTillNull(v.kommentar), plan: plan_, utfall,
      };
      const fore = reg.atgarder(v.enhet).find((a) => a.nr === nr);
      if (!fore || !sammaAtgard(fore, rad)) plan.atgarder.push(rad);
    }
    fel.push(...g.fel);
  }

  if (rader['atgardsplaner.csv']) {
    const g = new Granskare('atgardsplaner.csv');
    const nycklar = new Map<string, number>();
    for (const r of rader['atgardsplaner.csv']) {
      const v = r.varden;
      const ok = kandEnhet(g, r, v.enhet);
      const sparbeting = g.belopp(r, 'sparbeting', true);
      const angiven_summa = g.belopp(r, 'angiven_summa', true);
      if (!ok || sparbeting === undefined || angiven_summa === undefined) continue;
      if (!g.unik(nycklar, v.enhet, r, `åtgärdsplanen för ${v.enhet}`)) continue;
      const rad: Atgardsplan = { enhet: v.enhet, namn: v.namn || 'Åtgärdsplan', sparbeting, angiven_summa };
      const fore = reg.atgardsplan(v.enhet);
      if (!fore || JSON.stringify(fore) !== JSON.stringify(rad)) plan.atgardsplaner.push(rad);
    }
    fel.push(...g.fel);
  }

  if (rader['nyckeltal.csv']) {
    const g = new Granskare('nyckeltal.csv');
    const nycklar = new Map<string, number>();
    for (const r of rader['nyckeltal.csv']) {
      const v = r.varden;
      const ok = kandEnhet(g, r, v.enhet);
      const period = g.period(r);
      const namn = v.nyckeltal.toLowerCase();
      if (!namn) { g.notera(r.rad, 'nyckeltal saknas'); continue; }
      const varde = g.belopp(r, 'varde');
      const mal = g.belopp(r, 'mal', true);
      if (!ok || !period || varde == null || mal === undefined) continue;
      if (!g.unik(nycklar, `${v.enhet}|${period}|${namn}`, r, `${namn} för ${v.enhet} ${period}`)) continue;
      const rad: Nyckeltal = { enhet: v.enhet, period, nyckeltal: namn, varde, mal };
      const fore = reg.nyckeltal(v.enhet, namn).find((n) => n.period === period);
      if (!fore || JSON.stringify(fore) !== JSON.stringify(rad)) plan.nyckeltal.push(rad);
    }
    fel.push(...g.fel);
  }

  if (rader['anvandare.csv']) {
    const g = new Granskare('anvandare.csv');
    const nycklar = new Map<string, number>();
    for (const r of rader['anvandare.csv']) {
      const v = r.varden;
      if (!v.id) { g.notera(r.rad, 'id saknas'); continue; }
      if (!v.namn) { g.notera(r.rad, 'namn saknas'); continue; }
      const roll = v.roll.toLowerCase();
      if (!(ROLLER as readonly string[]).includes(roll)) { g.notera(r.rad, `roll "${v.roll}" ska vara en av ${ROLLER.join(', ')}`); continue; }
      const lista = delaLista(v.enheter);
      const okanda = lista.filter((e) => !enheter.has(e));
      if (okanda.length) { g.notera(r.rad, `okänd enhet "${okanda[0]}"`); continue; }
      if (!g.unik(nycklar, v.id, r, `användaren ${v.id}`)) continue;
      const rad: Anvandare = { id: v.id, namn: v.namn, roll: roll as Anvandare['roll'], enheter: lista };
      const fore = reg.anvandare.get(v.id);
      if (!fore || JSON.stringify(fore) !== JSON.stringify(rad)) plan.anvandare.push(rad);
    }
    fel.push(...g.fel);
  }

  if (rader['trosklar.csv']) {
    const g = new Granskare('trosklar.csv');
    const nycklar = new Map<string, number>();
    for (const r of rader['trosklar.csv']) {
      const v = r.varden;
      const ok = kandEnhet(g, r, v.enhet);
      const t = {
        varning_procent: g.belopp(r, 'varning_procent', true),
        kritisk_procent: g.belopp(r, 'kritisk_procent', true),
        varning_prognos_tkr: g.belopp(r, 'varning_prognos_tkr', true),
        kritisk_prognos_tkr: g.belopp(r, 'kritisk_prognos_tkr', true),
      };
      if (!ok || Object.values(t).some((x) => x === undefined)) continue;
      const rad = { enhet: v.enhet, ...t } as Troskel;
      if (rad.varning_procent !== null && rad.kritisk_procent !== null && rad.kritisk_procent < rad.varning_procent) {
        g.notera(r.rad, 'kritisk_procent ska vara minst lika hög som varning_procent'); continue;
      }
      if (rad.varning_prognos_tkr !== null && rad.kritisk_prognos_tkr !== null && rad.kritisk_prognos_tkr > rad.varning_prognos_tkr) {
        g.notera(r.rad, 'kritisk_prognos_tkr ska vara lägre (mer negativ) än varning_prognos_tkr'); continue;
      }
      if (!g.unik(nycklar, v.enhet, r, `tröskeln för ${v.enhet}`)) continue;
      const fore = reg.trosklar.get(v.enhet);
      if (!fore || JSON.stringify(fore) !== JSON.stringify(rad)) plan.trosklar.push(rad);
    }
    fel.push(...g.fel);
  }

  if (fel.length) throw new Importfel(fel);
  return plan;
}

function arCykel(enheter: Map<string, Enhet>, id: string): boolean {
  const sedda = new Set<string>();
  let e = enheter.get(id);
  while (e?.foralder) {
    if (sedda.has(e.id)) return true;
    sedda.add(e.id);
    e = enheter.get(e.foralder);
  }
  return false;
}

export function sammaUtfall(a: Pick<Utfall, 'budget_ack' | 'utfall_ack' | 'budget_helar' | 'prognos_helar' | 'kommentar'>, b: typeof a): boolean {
  return a.budget_ack === b.budget_ack && a.utfall_ack === b.utfall_ack && a.budget_helar === b.budget_helar
    && a.prognos_helar === b.prognos_helar && (a.kommentar ?? null) === (b.kommentar ?? null);
}

function sammaAtgard(a: Atgard, b: Omit<Atgard, 'version' | 'andrad_av' | 'andrad'>): boolean {
  const { version: _v, andrad_av: _a, andrad: _t, ...rest } = a;
  return JSON.stringify(rest) === JSON.stringify(b);
}

export function lasImportmapp(mapp: string): Partial<Record<Filnamn, Buffer>> {
  if (!existsSync(mapp)) throw new Importfel([`${mapp}: mappen finns inte`]);
  const filer: Partial<Record<Filnamn, Buffer>> = {};
  for (const fil of Object.keys(IMPORTFILER) as Filnamn[]) {
    const sokvag = join(mapp, fil);
    if (existsSync(sokvag)) filer[fil] = readFileSync(sokvag);
  }
  return filer;
}

export interface Importresultat {
  enheter: number; utfall: number; atgarder: number; atgardsplaner: number; nyckeltal: number; anvandare: number; trosklar: number;
}

/** Validates the whole folder first; writes everything in one transaction or nothing. */
export async function importera(store: Store, filer: Partial<Record<Filnamn, Buffer>>, vem = 'import'): Promise<Importresultat> {
  return store.andra({ vem, kalla: 'import' }, (tx) => {
    const plan = planeraImport(filer, tx.register);
    const tid = tx.nu.toISOString();
    for (const e of plan.enheter) tx.satt('enheter', e);
    for (const u of plan.utfall) {
      const fore = tx.register.senasteVersion(u.enhet, u.period);
      tx.lagg('utfall', { ...u, version: (fore?.version ?? 0) + 1, rapporterad_av: vem, rapporterad: tid });
    }
    for (const a of plan.atgarder) {
      const fore = tx.register.atgarder(a.enhet).find((x) => x.nr === a.nr);
      tx.satt('atgarder', { ...a, version: (fore?.version ?? 0) + 1, andrad_av: vem, andrad: tid });
    }
    for (const p of plan.atgardsplaner) tx.satt('atgardsplaner', p);
    for (const n of plan.nyckeltal) tx.satt('nyckeltal', n);
    for (const a of plan.anvandare) tx.satt('anvandare', a);
    for (const t of plan.trosklar) tx.satt('trosklar', t);
    // Last, so the evaluation sees the imported thresholds and measures too.
    planeraLarm(tx, plan.utfall.map((u) => ({ enhet: u.enhet, period: u.period })));
    return {
      enheter: plan.enheter.length, utfall: plan.utfall.length, atgarder: plan.atgarder.length, atgardsplaner: plan.atgardsplaner.length,
      nyckeltal: plan.nyckeltal.length, anvandare: plan.anvandare.length, trosklar: plan.trosklar.length,
    };
  });
}
