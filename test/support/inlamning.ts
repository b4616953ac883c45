// Tests of versions, conflicts, alerts and stores that submit made-up figures: the plausibility questions
// (src/domain/rimlighet.ts, tested in test/rapportering/rimlighet.test.ts) are switched off here.
import type { Rimlighetsgranser } from '../../src/domain/rimlighet.js';
import type { Store } from '../../src/store/store.js';
import { type Inlamnare, type Larmplanerare, type Utfallsresultat, sparaUtfall as spara } from '../../src/usecases/inlamning.js';

export const UTAN_RIMLIGHET: Rimlighetsgranser = {
  utfallMinProcent: Number.NEGATIVE_INFINITY,
  utfallMaxProcent: Number.POSITIVE_INFINITY,
  minskningProcent: Number.POSITIVE_INFINITY,
  prognosMarginalProcent: Number.POSITIVE_INFINITY,
  prognosRiktningProcent: Number.POSITIVE_INFINITY,
  budgetandelProcentenheter: Number.POSITIVE_INFINITY,
};

/** sparaUtfall without the plausibility questions. */
export function sparaUtfall(store: Store, vem: Inlamnare, indata: Record<string, unknown>, larm?: Larmplanerare): Promise<Utfallsresultat> {
  return spara(store, vem, indata, larm, UTAN_RIMLIGHET);
}
