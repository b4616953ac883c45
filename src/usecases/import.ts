import { planeraLarm } from '../alerts/planera.js';
import { type Importfiler, type Importplan, planeraImport } from '../store/import.js';
import type { Store, Transaktion } from '../store/store.js';

export interface Importresultat {
  enheter: number;
  utfall: number;
  atgarder: number;
  atgardsplaner: number;
  nyckeltal: number;
  anvandare: number;
  trosklar: number;
  rapporteringsplaner: number;
  kodmappningar: number;
  rubrikmappningar: number;
}

/** Validates the whole folder first; writes everything in one transaction or nothing. */
export async function importera(store: Store, filer: Importfiler, vem = 'import'): Promise<Importresultat> {
  return store.ändra({ vem, kalla: 'import' }, (tx) => skrivImport(tx, planeraImport(filer, tx.register), vem));
}

/** Writes a planned import in the caller's transaction and plans its alerts there, as a card submission does. */
export function skrivImport(tx: Transaktion, plan: Importplan, vem: string): Importresultat {
  const tid = tx.nu.toISOString();
  for (const e of plan.enheter) tx.sätt('enheter', e);
  for (const u of plan.utfall) {
    const fore = tx.register.senasteVersion(u.enhet, u.period);
    tx.lagg('utfall', { ...u, version: (fore?.version ?? 0) + 1, rapporterad_av: vem, rapporterad: tid });
  }
  for (const a of plan.atgarder) {
    const fore = tx.register.atgarder(a.enhet).find((x) => x.nr === a.nr);
    tx.sätt('atgarder', { ...a, version: (fore?.version ?? 0) + 1, andrad_av: vem, andrad: tid });
  }
  for (const p of plan.atgardsplaner) tx.sätt('atgardsplaner', p);
  for (const n of plan.nyckeltal) tx.sätt('nyckeltal', n);
  for (const a of plan.anvandare) tx.sätt('anvandare', a);
  for (const t of plan.trosklar) tx.sätt('trosklar', t);
  for (const p of plan.rapporteringsplaner) tx.sätt('rapporteringsplaner', { ...p, andrad_av: vem, andrad: tid });
  for (const k of plan.kodmappningar) tx.sätt('kodmappningar', k);
  for (const r of plan.rubrikmappningar) tx.sätt('rubrikmappningar', r);
  // Last, so the evaluation sees the imported thresholds and measures too.
  planeraLarm(
    tx,
    plan.utfall.map((u) => ({ enhet: u.enhet, period: u.period })),
  );
  return {
    enheter: plan.enheter.length,
    utfall: plan.utfall.length,
    atgarder: plan.atgarder.length,
    atgardsplaner: plan.atgardsplaner.length,
    nyckeltal: plan.nyckeltal.length,
    anvandare: plan.anvandare.length,
    trosklar: plan.trosklar.length,
    rapporteringsplaner: plan.rapporteringsplaner.length,
    kodmappningar: plan.kodmappningar.length,
    rubrikmappningar: plan.rubrikmappningar.length,
  };
}
