import { planeraLarm } from '../alerts/planera.js';
import { planeraKorrigeringsnotis } from '../alerts/runda.js';
import { korrigeringKravs } from '../answers/formular.js';
import { klarmarkeringFor } from '../domain/klarmarkering.js';
import { nekande } from '../domain/behorighet.js';
import {
  Atgardsgrund,
  type Atgardsfalt,
  type Atgardsvarden,
  Kortgrund,
  MAX_KOMMENTAR,
  type Utfallsfalt,
  type Utfallsvarden,
  granskaAtgard,
  granskaUtfall,
} from '../domain/granskning.js';
import { type Period, periodFranDatum } from '../domain/period.js';
import {
  RIMLIGHET_STANDARD,
  egenRadVarning,
  type Rimlighetsgranser,
  type Rimlighetsvarning,
  rimlighetsnyckel,
  rimlighetsvarningar,
} from '../domain/rimlighet.js';
import type { Register } from '../domain/register.js';
import type { Anvandare, Atgard, Handelse, Utfall } from '../domain/schema.js';
import { senastePeriodFor } from '../domain/siffror.js';
import { sammaUtfall } from '../store/import.js';
import type { Store, Transaktion } from '../store/store.js';

/** Plans alerts inside the same transaction as the change (src/alerts/planera.ts); a parameter so tests can watch it. */
export type Larmplanerare = (tx: Transaktion, andrade: Array<{ enhet: string; period: Period }>) => void;

/** Who submits: the Teams user's AAD object id, and their row in the store if there is one. */
export interface Inlamnare {
  id: string;
  anvandare: Anvandare | undefined;
}

export type Utfallsresultat =
  | { typ: 'ogiltigt_kort' }
  | { typ: 'nekad'; enhet: string }
  | { typ: 'fel'; fel: Partial<Record<Utfallsfalt | 'korrigering', string>> }
  | { typ: 'konflikt'; nuvarande: Utfall; grundversion: number; varden: Utfallsvarden }
  | { typ: 'oforandrad'; nuvarande: Utfall }
  /** figures that can hardly be right: nothing is saved until the same figures are sent again */
  | { typ: 'rimlighet'; varningar: Rimlighetsvarning[]; nyckel: string }
  | { typ: 'sparad'; ny: Utfall; fore: Utfall | null; upprepad: boolean; bekraftade?: Rimlighetsvarning[] };

export type Atgardsresultat =
  | { typ: 'ogiltigt_kort' }
  | { typ: 'saknas'; enhet: string; nr: number }
  | { typ: 'nekad'; enhet: string }
  | { typ: 'fel'; fel: Partial<Record<Atgardsfalt, string>>; atgard: Atgard }
  | { typ: 'konflikt'; nuvarande: Atgard; grundversion: number; varden: Atgardsvarden }
  | { typ: 'oforandrad'; nuvarande: Atgard }
  | { typ: 'sparad'; ny: Atgard; fore: Atgard; upprepad: boolean };

/** What a processed card produced, so a retried invoke can answer with the same receipt. */
interface Mottaget {
  samling: 'utfall' | 'atgarder';
  enhet: string;
  period?: Period;
  nr?: number;
  version: number;
}

function mottaget(reg: Register, kortId: string): Mottaget | null {
  if (!reg.mottagna.has(kortId)) return null;
  const h = reg.dokument.handelser.findLast((x) => x.typ === 'mottaget' && x.nyckel === kortId);
  return (h?.efter as Mottaget | undefined) ?? null;
}

function noteraMottaget(tx: Transaktion, vem: string, kortId: string, efter: Mottaget): void {
  tx.lagg('mottagna', kortId);
  tx.lagg('handelser', { tid: tx.nu.toISOString(), vem, kalla: 'kort', typ: 'mottaget', nyckel: kortId, efter });
}

function noteraNekad(tx: Transaktion, vem: Inlamnare, nyckel: string, atgard: string): void {
  const skal = nekande(vem.anvandare, nyckel.split('|')[0], tx.register);
  const handelse: Handelse = {
    tid: tx.nu.toISOString(),
    vem: vem.id,
    kalla: 'kort',
    typ: 'nekad',
    nyckel,
    efter: { atgard, skal, roll: vem.anvandare?.roll ?? null },
  };
  tx.lagg('handelser', handelse);
}

/** Refusals are audited even though nothing else is written; used when a form is refused in chat. True when refused. */
export async function noteraOmNekad(store: Store, vem: Inlamnare, enhet: string, nyckel: string, atgard: string): Promise<boolean> {
  if (!nekande(vem.anvandare, enhet, store.register)) return false;
  await store.ändra({ vem: vem.id, kalla: 'chatt' }, (tx) => noteraNekad(tx, vem, nyckel, atgard));
  return true;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * Stores a submitted figures form as a new version, all in one transaction with the alert planning:
 * refuses a user without the right (audited), a form with errors (nothing written), a form built from an
 * older version than the stored one (nothing written), and answers a form already processed with its
 * receipt (nothing written). Figures that can hardly be right (domain/rimlighet.ts) are saved only when the
 * form comes back with the confirmation of exactly those figures and warnings.
 */
export function sparaUtfall(
  store: Store,
  vem: Inlamnare,
  indata: Record<string, unknown>,
  larm: Larmplanerare = planeraLarm,
  granser: Rimlighetsgranser = RIMLIGHET_STANDARD,
): Promise<Utfallsresultat> {
  return store.ändra({ vem: vem.id, kalla: 'kort' }, (tx): Utfallsresultat => {
    const reg = tx.register;
    const grund = Kortgrund.safeParse(indata);
    if (!grund.success) return { typ: 'ogiltigt_kort' };
    const { kortId, grundversion, grundenhet, grundperiod } = grund.data;

    const redan = mottaget(reg, kortId);
    if (redan?.samling === 'utfall' && redan.period) {
      const versioner = reg.versionerFor(redan.enhet, redan.period);
      const ny = versioner.find((v) => v.version === redan.version);
      if (ny) return { typ: 'sparad', ny, fore: versioner.find((v) => v.version === redan.version - 1) ?? null, upprepad: true };
    }
    if (redan) return { typ: 'ogiltigt_kort' };

    const enhet = text(indata.enhet);
    const anvandare = vem.anvandare;
    if (reg.enhet(enhet) && nekande(anvandare, enhet, reg)) {
      noteraNekad(tx, vem, `${enhet}|${text(indata.period)}`, 'spara_utfall');
      if (anvandare?.roll !== 'controller') return { typ: 'nekad', enhet };
    }

    const granskning = granskaUtfall(indata, { register: reg, anvandare, nu: periodFranDatum(tx.nu) });
    if (!granskning.ok) return { typ: 'fel', fel: granskning.fel };
    const v = granskning.varden;

    const nuvarande = reg.senasteVersion(v.enhet, v.period);
    // A form switched to another unit or month never showed that one's stored figures.
    const sag = v.enhet === grundenhet && v.period === grundperiod ? grundversion : 0;
    if ((nuvarande?.version ?? 0) !== sag) {
      if (nuvarande) return { typ: 'konflikt', nuvarande, grundversion: sag, varden: v };
    }
    if (nuvarande && sammaUtfall(nuvarande, v)) return { typ: 'oforandrad', nuvarande };
    const foralder = egenRadVarning(v, reg);
    const varningar = [...(foralder ? [foralder] : []), ...rimlighetsvarningar(v, reg, granser)];
    const nyckel = rimlighetsnyckel(v, varningar);
    if (varningar.length && text(indata.bekraftat) !== nyckel) return { typ: 'rimlighet', varningar, nyckel };
    // A month marked ready is changed only with a reason, which the one who marked it is told.
    const markering = klarmarkeringFor(reg, v.enhet, v.period);
    const korrigering = markering ? text(indata.korrigering).slice(0, MAX_KOMMENTAR) : '';
    if (markering && !korrigering) return { typ: 'fel', fel: { korrigering: korrigeringKravs(reg, markering) } };

    const ny: Utfall = {
      ...v,
      kalla: 'kort',
      version: (nuvarande?.version ?? 0) + 1,
      rapporterad_av: vem.id,
      rapporterad: tx.nu.toISOString(),
      ...(markering ? { korrigering } : {}),
    };
    tx.lagg('utfall', ny);
    if (markering) {
      const notis = planeraKorrigeringsnotis(reg, ny, nuvarande ?? null, markering, tx.nu);
      if (notis) tx.sätt('utskick', notis);
    }
    noteraMottaget(tx, vem.id, kortId, { samling: 'utfall', enhet: ny.enhet, period: ny.period, version: ny.version });
    larm(tx, [{ enhet: ny.enhet, period: ny.period }]);
    return { typ: 'sparad', ny, fore: nuvarande ?? null, upprepad: false, ...(varningar.length ? { bekraftade: varningar } : {}) };
  });
}

/** The stored state of a measure before and after a version, from the audit log. */
function atgardsversion(reg: Register, enhet: string, nr: number, version: number): { fore: Atgard; efter: Atgard } | null {
  const h = reg.dokument.handelser.findLast(
    (x) => x.typ === 'atgarder' && x.nyckel === `${enhet}|${nr}` && (x.efter as Atgard | undefined)?.version === version,
  );
  if (!h || !h.fore) return null;
  return { fore: h.fore as Atgard, efter: h.efter as Atgard };
}

/** The same path for a measure's status, realised savings for a year, and comment. */
export function sparaAtgard(
  store: Store,
  vem: Inlamnare,
  indata: Record<string, unknown>,
  larm: Larmplanerare = planeraLarm,
): Promise<Atgardsresultat> {
  return store.ändra({ vem: vem.id, kalla: 'kort' }, (tx): Atgardsresultat => {
    const reg = tx.register;
    const grund = Atgardsgrund.safeParse(indata);
    if (!grund.success) return { typ: 'ogiltigt_kort' };
    const { kortId, grundversion, enhet, nr } = grund.data;

    const redan = mottaget(reg, kortId);
    if (redan?.samling === 'atgarder' && redan.nr !== undefined) {
      const version = atgardsversion(reg, redan.enhet, redan.nr, redan.version);
      if (version) return { typ: 'sparad', ny: version.efter, fore: version.fore, upprepad: true };
    }
    if (redan) return { typ: 'ogiltigt_kort' };

    const atgard = reg.atgarder(enhet).find((a) => a.nr === nr);
    if (!atgard) return { typ: 'saknas', enhet, nr };
    if (nekande(vem.anvandare, enhet, reg)) {
      noteraNekad(tx, vem, `${enhet}|${nr}`, 'spara_atgard');
      return { typ: 'nekad', enhet };
    }

    const nu = periodFranDatum(tx.nu);
    const granskning = granskaAtgard(indata, { atgard, nu });
    if (!granskning.ok) return { typ: 'fel', fel: granskning.fel, atgard };
    const v = granskning.varden;
    if (atgard.version !== grundversion) return { typ: 'konflikt', nuvarande: atgard, grundversion, varden: v };

    const utfall = v.ar !== null && v.besparing !== null ? { ...atgard.utfall, [v.ar]: v.besparing } : atgard.utfall;
    if (
      v.status === atgard.status &&
      (v.kommentar ?? null) === (atgard.kommentar ?? null) &&
      JSON.stringify(utfall) === JSON.stringify(atgard.utfall)
    ) {
      return { typ: 'oforandrad', nuvarande: atgard };
    }
    const ny: Atgard = {
      ...atgard,
      status: v.status,
      kommentar: v.kommentar,
      utfall: Object.fromEntries(Object.entries(utfall).sort(([a], [b]) => a.localeCompare(b))),
      version: atgard.version + 1,
      andrad_av: vem.id,
      andrad: tx.nu.toISOString(),
    };
    tx.sätt('atgarder', ny);
    noteraMottaget(tx, vem.id, kortId, { samling: 'atgarder', enhet, nr, version: ny.version });
    // Measures have no month; the alert engine sees the unit's latest reported period.
    larm(tx, [{ enhet, period: senastePeriodFor(reg, enhet, nu) ?? nu }]);
    return { typ: 'sparad', ny, fore: atgard, upprepad: false };
  });
}
