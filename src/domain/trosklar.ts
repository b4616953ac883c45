import type { Register } from './register.js';
import type { Troskel } from './schema.js';

/** The four limits of a unit. Percent of budget to date; prognosavvikelse in tkr (negative = underskott). */
export interface Trosklar {
  varning_procent: number;
  kritisk_procent: number;
  varning_prognos_tkr: number;
  kritisk_prognos_tkr: number;
}
export type Troskelfalt = keyof Trosklar;
export const TROSKELFALT: readonly Troskelfalt[] = ['varning_procent', 'kritisk_procent', 'varning_prognos_tkr', 'kritisk_prognos_tkr'];

/** Used where no unit up the tree has set a value (the defaults). */
export const STANDARDTROSKLAR: Readonly<Trosklar> = {
  varning_procent: 102,
  kritisk_procent: 105,
  varning_prognos_tkr: -500,
  kritisk_prognos_tkr: -2000,
};

export interface GallandeTrosklar {
  varden: Trosklar;
  /** per limit: the unit that set it, or null for the default */
  kalla: Record<Troskelfalt, string | null>;
}

/** Each limit from the nearest unit up the tree that sets it, else the default. */
export function gallandeTrosklar(reg: Register, enhetId: string, egna?: Partial<Troskel>): GallandeTrosklar {
  const varden = { ...STANDARDTROSKLAR };
  const kalla: Record<Troskelfalt, string | null> = {
    varning_procent: null,
    kritisk_procent: null,
    varning_prognos_tkr: null,
    kritisk_prognos_tkr: null,
  };
  const kedja = reg.kedja(enhetId);
  for (const falt of TROSKELFALT) {
    for (const e of kedja) {
      const rad = e.id === enhetId && egna ? { ...reg.trosklar.get(e.id), ...egna } : reg.trosklar.get(e.id);
      const v = rad?.[falt];
      if (typeof v === 'number') {
        varden[falt] = v;
        kalla[falt] = e.id;
        break;
      }
    }
  }
  return { varden, kalla };
}
