import type { Svar } from '../answers/svar.js';
import type { Kortvy, MedDiagram } from '../cards/vyer.js';
import { ritaDiagram, somDataUri } from '../diagram/diagram.js';

/** A chart in a card: small enough that the whole reply stays well under Teams' 28 KB (about 9 KB as base64). */
export const KORTDIAGRAM = { bredd: 400, hojd: 220 } as const;

/**
 * The answer with its card's chart drawn as a PNG (data URI), for a reply that goes to Teams. The answers only
 * describe the chart; drawing takes a tenth of a second, so it is done here, where a card is really sent.
 */
export function medDiagrambild(svar: Svar): Svar {
  const data = svar.kort?.data as MedDiagram | undefined;
  if (!svar.kort || !data?.diagram || data.bild) return svar;
  const bild = somDataUri(ritaDiagram({ ...data.diagram, ...KORTDIAGRAM, kompakt: true }));
  return { ...svar, kort: { ...svar.kort, data: { ...svar.kort.data, bild } } as Kortvy };
}
