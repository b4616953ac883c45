import type { Kontext, Svarsmiljo } from './svar.js';
import { periodFranDatum } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import type { Anvandare } from '../domain/schema.js';
import { Enhetsindex } from '../language/enheter.js';
import { SKYDDADE_ORD } from '../language/tolka.js';

/** Where the register is read from: the store, whose register is replaced by every change. */
export interface Registerkalla {
  readonly register: Register;
}

/** Builds what an answer reads, keeping the name index until the units change. */
export class Miljofabrik {
  private index: Enhetsindex | null = null;
  private generation = -1;

  constructor(
    private readonly store: Registerkalla,
    private readonly klocka: () => Date,
  ) {}

  skapa(anvandare: Anvandare | undefined, kontext: Kontext | undefined): Svarsmiljo {
    const register = this.store.register;
    if (!this.index || this.index.register !== register || this.generation !== register.enhetsgeneration) {
      this.index = new Enhetsindex(register, SKYDDADE_ORD);
      this.generation = register.enhetsgeneration;
    }
    const idag = this.klocka();
    return { register, index: this.index, nu: periodFranDatum(idag), idag, anvandare, kontext };
  }
}
