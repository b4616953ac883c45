import { SCHEMAVERSION, handelseIMinnet, tomtDokument } from '../domain/schema.js';
import { Lagringsfel } from './fel.js';

/** Upgrades older documents step by step; a newer or unknown version is refused, never rewritten. */
const STEG: Record<number, (dok: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 -> 2: the reporting round's deadlines and ready-marks, empty; the keys in the schema's order
  1: (dok) => ({ ...tomtDokument(), ...dok, schemaversion: 2 }),
  // 2 -> 3: the ledger's code and header mappings (huvudbok), empty
  2: (dok) => ({ ...tomtDokument(), ...dok, schemaversion: 3 }),
  // 3 -> 4: the audit log leaves the document; the store moves the events out (see utflyttadeHandelser)
  3: (dok) => ({ ...dok, handelser: ((dok.handelser as unknown[] | undefined) ?? []).filter(iMinnet), schemaversion: 4 }),
};

const iMinnet = (h: unknown): boolean => typeof h === 'object' && h !== null && handelseIMinnet(h);

/**
 * The audit events a document older than version 4 carries in itself: the whole log up to its snapshot, which the
 * store must write to its audit log before the document is saved without them. Null for a current document.
 */
export function utflyttadeHandelser(dokument: unknown): unknown[] | null {
  const dok = dokument as Record<string, unknown> | null;
  if (typeof dok?.schemaversion !== 'number' || dok.schemaversion >= 4) return null;
  return Array.isArray(dok.handelser) ? dok.handelser : [];
}

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
