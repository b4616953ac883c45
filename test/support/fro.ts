// The randomised tests' seed. Fixed, so that every run tries the same cases and a failure can be repeated;
// FUZZ_SEED=<n> runs another seed, FUZZ_SEED=ny a fresh one. A failing test prints the seed it ran with
// (test/support/uppstart.ts).

/** The seed every randomised test uses unless asked for another. */
export const FAST_FRO = 20251210;

const fron = new Map<string, number>();

/** The seed for the test file `fil` (import.meta.url), remembered so that a failure there can say it. */
export function fuzzfro(fil: string): number {
  const begart = process.env.FUZZ_SEED?.trim();
  let fro = FAST_FRO;
  if (begart === 'ny') fro = Date.now() % 2 ** 31;
  else if (begart) {
    fro = Number(begart);
    if (!Number.isSafeInteger(fro) || fro < 0) throw new Error(`FUZZ_SEED ska vara ett heltal eller "ny", inte "${begart}"`);
  }
  fron.set(new URL(fil).pathname, fro);
  return fro;
}

/** The seed a test file ran with, if it is randomised. */
export function froFor(fil: string | undefined): number | undefined {
  return fil === undefined ? undefined : fron.get(fil);
}
