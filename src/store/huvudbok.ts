import { PERIOD_MONSTER } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import { HUVUDBOKSKOLUMNER, type Kodmappning, type Rubrikmappning } from '../domain/schema.js';
import { avrunda, tolkaTal } from '../domain/tal.js';
import type { CsvRad } from './csv.js';
import type { Enhetskontroll, Importutfall, Radtolk } from './importrader.js';
import { jamforbar } from './rubriker.js';

type Kolumn = (typeof HUVUDBOKSKOLUMNER)[number];
const OBLIGATORISKA: readonly Kolumn[] = ['kod', 'period', 'budget_ack', 'utfall_ack'];
const BELOPP = ['budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar'] as const;

/** kodmappning.csv: `kod;enhet`, the ledger's ansvar or verksamhet code and the unit it belongs to. */
export const tolkaKodmappning =
  (kand: Enhetskontroll): Radtolk<Kodmappning> =>
  (r, g) => {
    const kod = (r.varden.kod ?? '').trim();
    const ok = kand(g, r, r.varden.enhet);
    if (!kod) g.notera(r.rad, 'kod saknas');
    if (!kod || !ok) return null;
    return { nyckel: kod, beskrivning: `koden ${kod}`, rad: { kod, enhet: r.varden.enhet } };
  };

/** rubrikmappning.csv: `rubrik;kolumn`, a header of the ledger export and the column it is read as. */
export const tolkaRubrikmappning: Radtolk<Rubrikmappning> = (r, g) => {
  const rubrik = jamforbar(r.varden.rubrik ?? '');
  const kolumn = HUVUDBOKSKOLUMNER.find((k) => jamforbar(k) === jamforbar(r.varden.kolumn ?? ''));
  if (!rubrik) g.notera(r.rad, 'rubrik saknas');
  if (!kolumn) g.notera(r.rad, `kolumn "${r.varden.kolumn ?? ''}" ska vara en av ${HUVUDBOKSKOLUMNER.join(', ')}`);
  if (!rubrik || !kolumn) return null;
  return { nyckel: rubrik, beskrivning: `rubriken "${r.varden.rubrik}"`, rad: { rubrik, kolumn } };
};

/** A ledger sheet as read: where its errors point, its header row and its rows by header. */
export interface Huvudboksblad {
  kalla: string;
  rubrikrad: number;
  rubriker: string[];
  rader: CsvRad[];
}

interface Summa {
  enhet: string;
  period: string;
  belopp: Record<(typeof BELOPP)[number], number>;
  kalla: string;
  forsta: number;
}

/**
 * Every row of the ledger exports summed per unit and period through the code mapping. A code that is not
 * mapped, a period or amount that cannot be read, is an error naming the sheet and row; nothing is dropped.
 */
export function summeraHuvudbok(
  blad: readonly Huvudboksblad[],
  koder: ReadonlyMap<string, string>,
  rubriker: ReadonlyMap<string, Kolumn>,
  reg: Register,
  fel: string[],
  slag: readonly string[],
  /** unit|period of the rows the import's utfall sheet or file already has */
  redan: ReadonlySet<string>,
): Importutfall[] {
  const summor = new Map<string, Summa>();
  const harKolumn = new Set<Kolumn>();
  for (const b of blad) {
    const kolumnFor = (rubrik: string): Kolumn | undefined =>
      rubriker.get(jamforbar(rubrik)) ?? HUVUDBOKSKOLUMNER.find((k) => jamforbar(k) === jamforbar(rubrik));
    const karta = new Map<Kolumn, string>();
    for (const r of b.rubriker) {
      const k = kolumnFor(r);
      if (k && !karta.has(k)) karta.set(k, r);
    }
    const saknas = OBLIGATORISKA.filter((k) => !karta.has(k));
    if (saknas.length) {
      fel.push(
        `${b.kalla}:${b.rubrikrad}: bladet är inte ett av ${slag.join(', ')}, och som huvudboksexport saknar det ` +
          `${saknas.join(', ')}; döp om bladet, eller ange exportens rubriker i rubrikmappning.csv (rubrik;kolumn)`,
      );
      continue;
    }
    for (const k of karta.keys()) harKolumn.add(k);
    const falt = (r: CsvRad, k: Kolumn) => (karta.has(k) ? (r.varden[karta.get(k)!] ?? '').trim() : '');
    for (const r of b.rader) {
      const notera = (orsak: string) => fel.push(`${b.kalla}:${r.rad}: ${orsak}`);
      const kod = falt(r, 'kod');
      const enhet = koder.get(kod);
      if (!kod) {
        notera('kod saknas');
        continue;
      }
      if (!enhet) {
        notera(`koden "${kod}" finns inte i kodmappningen; lägg till den i kodmappning.csv (kod;enhet)`);
        continue;
      }
      let period = falt(r, 'period');
      if (/^\d{6}$/.test(period)) period = `${period.slice(0, 4)}-${period.slice(4)}`;
      if (!PERIOD_MONSTER.test(period)) {
        notera(`period "${falt(r, 'period')}" ska skrivas ÅÅÅÅ-MM (eller ÅÅÅÅMM), t.ex. 2025-11`);
        continue;
      }
      const belopp = {} as Summa['belopp'];
      let trasig = false;
      for (const k of BELOPP) {
        const text = falt(r, k);
        const t = text === '' ? { ok: true as const, varde: 0 } : tolkaTal(text);
        if (!t.ok) {
          notera(`${karta.get(k) ?? k}: ${t.fel}`);
          trasig = true;
        } else belopp[k] = t.varde;
      }
      if (trasig) continue;
      const nyckel = `${enhet}|${period}`;
      const s = summor.get(nyckel);
      if (!s) summor.set(nyckel, { enhet, period, belopp, kalla: b.kalla, forsta: r.rad });
      else for (const k of BELOPP) s.belopp[k] += belopp[k];
    }
  }
  for (const s of summor.values())
    if (redan.has(`${s.enhet}|${s.period}`))
      fel.push(`${s.kalla}:${s.forsta}: ${s.enhet} ${s.period} finns också i utfall; ta bort den ena`);
  return [...summor.values()].map((s) => {
    const fore = reg.senasteVersion(s.enhet, s.period);
    const summa = (k: (typeof BELOPP)[number]) => avrunda(s.belopp[k], 4) + 0;
    return {
      enhet: s.enhet,
      period: s.period,
      budget_ack: summa('budget_ack'),
      utfall_ack: summa('utfall_ack'),
      // a column the export does not have keeps what the store has; the ledger has no comments
      budget_helar: harKolumn.has('budget_helar') ? summa('budget_helar') : (fore?.budget_helar ?? null),
      prognos_helar: harKolumn.has('prognos_helar') ? summa('prognos_helar') : (fore?.prognos_helar ?? null),
      kommentar: fore?.kommentar ?? null,
      kalla: 'huvudbok',
    };
  });
}
