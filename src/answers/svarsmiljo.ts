import type { Kontext, Svarsmiljo } from './svar.js';
import { periodFranDatum } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import type { Anvandare } from '../domain/schema.js';
import { Enhetsindex } from '../language/enheter.js';
import { SKYDDADE_ORD } from '../language/tolka.js';

/** Where the register is read from: the store, whose register is replaced when a change is undone or the store reloaded. */
export interface Registerkalla {
  readonly register: Register;
}

const indexMinne = new WeakMap<Register, { generation: number; index: Enhetsindex }>();

/** The name index of the register's units, one for every handler that answers, rebuilt when the units change. */
function enhetsindex(register: Register): Enhetsindex {
  const sparat = indexMinne.get(register);
  if (sparat?.generation === register.enhetsgeneration) return sparat.index;
  const index = new Enhetsindex(register, SKYDDADE_ORD);
  indexMinne.set(register, { generation: register.enhetsgeneration, index });
  return index;
}

/** Builds what an answer reads from the store's register as it is now. */
export class Miljofabrik {
  constructor(
    private readonly store: Registerkalla,
    private readonly klocka: () => Date,
  ) {}

  skapa(anvandare: Anvandare | undefined, kontext: Kontext | undefined): Svarsmiljo {
    const register = this.store.register;
    const idag = this.klocka();
    return { register, index: enhetsindex(register), nu: periodFranDatum(idag), idag, anvandare, kontext };
  }
}
