import type { TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Kontext } from '../answers/svar.js';
import type { Rimlighetsgranser } from '../domain/rimlighet.js';
import type { Filgranser } from '../domain/nedladdning.js';
import type { Logg } from '../logg.js';
import type { Hamtare } from '../usecases/filhamtning.js';
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
  /** files sent to the bot: allowed hosts, sizes, time limit (src/domain/nedladdning.ts has the defaults) */
  filgranser?: Filgranser;
  /** how files sent to the bot are fetched (src/usecases/filhamtning.ts) */
  hamta?: Hamtare;
}

interface Samtalstillstand {
  kontext?: Kontext;
  [k: string]: unknown;
}
export type Tillstand = TurnState<Samtalstillstand>;
