import { LRUCache } from 'lru-cache';
import type { Svar } from '../answers/svar.js';
import type { Kortvy, MedDiagram } from '../cards/vyer.js';
import { type Diagramvy, ritaDiagram, somDataUri } from '../diagram/diagram.js';

/** A chart in a card: small enough that the whole reply stays well under Teams' 28 KB (about 9 KB as base64). */
export const KORTDIAGRAM = { bredd: 400, hojd: 220 } as const;

/**
 * Charts drawn lately, by what they show: the same question about the same figures draws the same picture, and
 * drawing one costs some 40 ms of CPU (most of it resvg reading the font files). New figures make a new key.
 * 500 pictures of about 12 KB each.
 */
const ritade = new LRUCache<string, string>({ max: 500 });

/**
 * The answer with its card's chart drawn as a PNG (data URI), for a reply that goes to Teams. The answers only
 * describe the chart; drawing is done here, where a card is really sent.
 */
export function medDiagrambild(svar: Svar): Svar {
  const data = svar.kort?.data as MedDiagram | undefined;
  if (!svar.kort || !data?.diagram || data.bild) return svar;
  const bild = kortbild(data.diagram);
  return { ...svar, kort: { ...svar.kort, data: { ...svar.kort.data, bild } } as Kortvy };
}

function kortbild(diagram: Diagramvy): string {
  const vy: Diagramvy = { ...diagram, ...KORTDIAGRAM, kompakt: true };
  const nyckel = JSON.stringify(vy);
  let bild = ritade.get(nyckel);
  if (bild === undefined) {
    bild = somDataUri(ritaDiagram(vy));
    ritade.set(nyckel, bild);
  }
  return bild;
}
