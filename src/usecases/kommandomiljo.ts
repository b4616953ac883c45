import type { Svar, Svarsmiljo } from '../answers/svar.js';
import type { Samtal } from '../domain/samtal.js';
import type { Fraga } from '../language/tolka.js';
import type { Logg } from '../logg.js';
import type { Store } from '../store/store.js';

/** What a chat command works with: the store it may change, what the answer reads, and where the message came from. */
export interface Kommandomiljo {
  store: Store;
  miljo: Svarsmiljo;
  logg: Logg;
  samtal: Samtal;
  /** the unit a button chose, over any the text names */
  enhet?: string;
}

export type Kommandohanterare = (fraga: Fraga, k: Kommandomiljo) => Promise<Svar>;
