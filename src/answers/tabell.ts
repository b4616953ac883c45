import type { Farg, Tabellkolumn, Tabellsektion } from '../cards/vyer.js';

/** A column: text (left) or figures (right); `bredd` its share of the line, 1 unless given. */
export interface Kolumn {
  namn: string;
  tal?: boolean;
  bredd?: number;
}

export type Cell = string | { text: string; farg: Farg };

export interface Rad {
  namn: string;
  under?: string;
  celler: Cell[];
}

/** A section of a table card: every cell gets its column's alignment and width, so that the columns line up. */
export function tabellsektion(s: {
  rubrik?: string;
  undertitel?: string;
  kolumner: Kolumn[];
  rader: Rad[];
  fotnoter?: string[];
}): Tabellsektion {
  const kolumner: Tabellkolumn[] = s.kolumner.map((k) => ({ namn: k.namn, justering: k.tal ? 'Right' : 'Left', bredd: k.bredd ?? 1 }));
  return {
    rubrik: s.rubrik ?? '',
    undertitel: s.undertitel ?? '',
    kolumner,
    rader: s.rader.map((r) => ({
      namn: r.namn,
      under: r.under ?? '',
      celler: r.celler.map((c, i) => ({
        ...(typeof c === 'string' ? { text: c, farg: 'Default' as const } : c),
        justering: kolumner[i].justering,
        bredd: kolumner[i].bredd,
      })),
    })),
    fotnoter: s.fotnoter ?? [],
  };
}

/**
 * "5. Placeringskostnader IFO" as a row's name. A no-break space after the number: with a plain space the
 * card's Markdown reads the line as a numbered list, indents it and leaves the number out of the text.
 */
export function numrerad(nr: number, namn: string): string {
  return `${nr}.\u00a0${namn}`;
}
