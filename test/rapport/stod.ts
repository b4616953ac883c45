// Test support for the monthly report (issue 19): stores of two municipalities, and changes to them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Utfall } from '../../src/domain/schema.js';
import { läsImportmapp } from '../../src/store/import.js';
import { Store } from '../../src/store/store.js';
import { importera } from '../../src/usecases/import.js';

export const VASTERVIK = join(process.cwd(), 'test', 'kommuner', 'vastervik');
/** Västervik's figures run through 2021; the clock stands in January 2022. */
export const VASTERVIK_NU = new Date('2022-01-12T12:00:00Z');

/** A fresh temporary store with a municipality's import folder imported. */
export async function kommunStore(mapp: string, nu: Date): Promise<Store> {
  const store = await Store.oppna(join(mkdtempSync(join(tmpdir(), 'bk-rapport-')), 'store.json'), () => new Date(nu));
  await importera(store, läsImportmapp(mapp));
  return store;
}

/** A controller's later version of a unit's month: what the report must show as corrected. */
export async function korrigera(
  store: Store,
  enhet: string,
  period: string,
  andring: Partial<Utfall>,
  vem = 'controller-test',
): Promise<Utfall> {
  return store.ändra({ vem, kalla: 'kort' }, (tx) => {
    const nu = tx.register.senasteVersion(enhet, period);
    if (!nu) throw new Error(`${enhet} har inga siffror för ${period}`);
    const ny: Utfall = { ...nu, ...andring, version: nu.version + 1, kalla: 'kort', rapporterad_av: vem, rapporterad: tx.nu.toISOString() };
    tx.lagg('utfall', ny);
    return ny;
  });
}

/** A first report of a month for some units only: the rest have not reported. */
export async function rapporteraForst(
  store: Store,
  rader: Array<Pick<Utfall, 'enhet' | 'period' | 'budget_ack' | 'utfall_ack'> & Partial<Utfall>>,
  vem = 'controller-test',
): Promise<void> {
  await store.ändra({ vem, kalla: 'kort' }, (tx) => {
    for (const r of rader)
      tx.lagg('utfall', {
        budget_helar: null,
        prognos_helar: null,
        kommentar: null,
        kalla: 'kort',
        version: 1,
        rapporterad_av: vem,
        rapporterad: tx.nu.toISOString(),
        ...r,
      });
  });
}
