import { type Dokument, handelseIMinnet } from '../domain/schema.js';

/** The collections of the store document whose rows are replaced by key; the others only grow. */
export const NYCKLAR = {
  enheter: (r: Dokument['enheter'][number]) => r.id,
  atgarder: (r: Dokument['atgarder'][number]) => `${r.enhet}|${r.nr}`,
  atgardsplaner: (r: Dokument['atgardsplaner'][number]) => r.enhet,
  nyckeltal: (r: Dokument['nyckeltal'][number]) => `${r.enhet}|${r.period}|${r.nyckeltal}`,
  anvandare: (r: Dokument['anvandare'][number]) => r.id,
  trosklar: (r: Dokument['trosklar'][number]) => r.enhet,
  rapporteringsplaner: (r: Dokument['rapporteringsplaner'][number]) => `${r.enhet}|${r.period ?? '*'}`,
  klarmarkeringar: (r: Dokument['klarmarkeringar'][number]) => `${r.enhet}|${r.period}`,
  kodmappningar: (r: Dokument['kodmappningar'][number]) => r.kod,
  rubrikmappningar: (r: Dokument['rubrikmappningar'][number]) => r.rubrik,
  konversationer: (r: Dokument['konversationer'][number]) => r.id,
  prenumerationer: (r: Dokument['prenumerationer'][number]) => `${r.konversation}|${r.enhet}`,
  utskick: (r: Dokument['utskick'][number]) => r.id,
} as const;

export type Nyckelsamling = keyof typeof NYCKLAR;
export type Tillvaxtsamling = 'utfall' | 'handelser' | 'mottagna';
export type Rad<S extends keyof Dokument> = Dokument[S] extends Array<infer R> ? R : never;

/** One change as it is written to the journal and replayed from it. */
export type Operation = { op: 'satt'; samling: Nyckelsamling; rad: unknown } | { op: 'lagg'; samling: Tillvaxtsamling; rad: unknown };

/**
 * Appends a row to a growing collection in memory; an audit event only if answers read it back (the whole log is
 * stored beside the document). True when it was appended, so an undo knows whether to take it back.
 */
export function läggIMinnet(dok: Dokument, samling: Tillvaxtsamling, rad: unknown): boolean {
  if (samling === 'handelser' && !handelseIMinnet(rad as { typ?: unknown })) return false;
  (dok[samling] as unknown[]).push(rad);
  return true;
}

/** Positions of keyed rows, so an upsert does not scan its collection. */
export class Positioner {
  private readonly index = new Map<string, Map<string, number>>();

  constructor(private readonly dok: Dokument) {
    for (const samling of Object.keys(NYCKLAR) as Nyckelsamling[]) {
      const karta = new Map<string, number>();
      const nyckel = NYCKLAR[samling] as (r: unknown) => string;
      (dok[samling] as unknown[]).forEach((rad, i) => karta.set(nyckel(rad), i));
      this.index.set(samling, karta);
    }
  }

  hitta(samling: Nyckelsamling, nyckel: string): number | undefined {
    return this.index.get(samling)!.get(nyckel);
  }

  /** Upserts and returns the row it replaced; undo restores it. */
  sätt(samling: Nyckelsamling, rad: unknown): { fore: unknown; angra: () => void } {
    const lista = this.dok[samling] as unknown[];
    const nyckel = (NYCKLAR[samling] as (r: unknown) => string)(rad);
    const karta = this.index.get(samling)!;
    const i = karta.get(nyckel);
    if (i === undefined) {
      karta.set(nyckel, lista.length);
      lista.push(rad);
      return {
        fore: undefined,
        angra: () => {
          lista.pop();
          karta.delete(nyckel);
        },
      };
    }
    const fore = lista[i];
    lista[i] = rad;
    return {
      fore,
      angra: () => {
        lista[i] = fore;
      },
    };
  }
}
