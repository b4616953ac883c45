import { SCHEMAVERSION, tomtDokument } from '../domain/schema.js';
import { Lagringsfel } from './fel.js';

/** Upgrades older documents step by step; a newer or unknown version is refused, never rewritten. */
const STEG: Record<number, (dok: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 -> 2: the reporting round's deadlines and ready-marks, empty; the keys in the schema's order
  1: (dok) => ({ ...tomtDokument(), ...dok, schemaversion: 2 }),
  // 2 -> 3: the ledger's code and header mappings (huvudbok), empty
  2: (dok) => ({ ...tomtDokument(), ...dok, schemaversion: 3 }),
};

export function migrera(fil: string, dokument: unknown): unknown {
  const dok = dokument as Record<string, unknown>;
  const angiven = dok?.schemaversion;
  if (typeof angiven !== 'number') throw new Lagringsfel(`Lagringsfilen ${fil} saknar schemaversion. Den har inte ändrats.`);
  let version = angiven;
  if (version > SCHEMAVERSION) {
    throw new Lagringsfel(
      `Lagringsfilen ${fil} har schemaversion ${version}, men den här versionen av Budgetkollen förstår högst ${SCHEMAVERSION}. Uppgradera Budgetkollen. Filen har inte ändrats.`,
    );
  }
  let ut = dok;
  while (version < SCHEMAVERSION) {
    const steg = STEG[version];
    if (!steg)
      throw new Lagringsfel(`Lagringsfilen ${fil} har schemaversion ${version}, som inte kan uppgraderas. Filen har inte ändrats.`);
    ut = steg(ut);
    version = ut.schemaversion as number;
  }
  return ut;
}
