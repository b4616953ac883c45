import type { Logg } from '../logg.js';
import { arPostgresadress } from './postgres/adress.js';
import { Pglagring } from './postgres/pglagring.js';
import { Fillagring, type Store } from './store.js';

export interface Oppningsval {
  /** PostgreSQL: how long a claim on an outbox entry holds before another instance may take it over */
  leaseMs?: number;
  logg?: Logg;
}

/**
 * Opens the store at `plats`: a `postgres://` (or `postgresql://`) address opens the shared PostgreSQL store,
 * anything else the embedded lowdb file there. `skrivare` names the process: for the file it takes the
 * single-writer lock, for the database it names the connections.
 */
export async function oppnaStore(
  plats: string,
  klocka: () => Date = () => new Date(),
  skrivare?: string,
  val: Oppningsval = {},
): Promise<Store> {
  if (arPostgresadress(plats)) return Pglagring.oppna(plats, klocka, skrivare, val);
  return Fillagring.oppna(plats, klocka, skrivare);
}

export { arPostgresadress };
