import type { TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Kontext } from '../answers/svar.js';
import type { Rimlighetsgranser } from '../domain/rimlighet.js';
import type { Logg } from '../logg.js';
import type { Store } from '../store/store.js';

/** The Teams layer's shared types, in a file of their own so that the route files need not import app.ts. */
export interface Appberoenden {
  store: Store;
  logg: Logg;
  klocka: () => Date;
  adapter?: TeamsAdapter;
  botAppId?: string;
  /** tenant ids allowed to talk to the bot; empty means any */
  tillatnaTenants?: string[];
  /** when a submitted figure is questioned before it is saved (RIMLIGHET_* in the configuration) */
  rimlighet?: Rimlighetsgranser;
  /** how long an upload of a report file may take, in ms (src/teams/filer.ts has the default) */
  uppladdningMs?: number;
}

interface Samtalstillstand {
  kontext?: Kontext;
  [k: string]: unknown;
}
export type Tillstand = TurnState<Samtalstillstand>;
