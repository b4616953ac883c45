/** What a chart shows: one or more series over the same labels; null is a missing value, never drawn as 0. */
export interface Diagramvy {
  titel: string;
  typ: 'staplar' | 'linje';
  /** the x axis: months, units … */
  etiketter: string[];
  serier: Array<{ namn: string; varden: Array<number | null> }>;
  /** the value axis' unit, e.g. "tkr" or "%" */
  enhet: string;
  /** bars below zero (underskott) red and above green, instead of one colour per series */
  teckenfarg?: boolean;
  /** bars lying down, the labels on the left, first at the top: for long labels such as units' names */
  liggande?: boolean;
  bredd?: number;
  hojd?: number;
  /** for a card: text without anti-aliasing (half the bytes) on a white ground that reads in dark mode too */
  kompakt?: boolean;
}

const tal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** The chart in words, for a screen reader (an image's alt text): its kind, title and every value. */
export function diagramSomText(vy: Diagramvy): string {
  const slag = vy.typ === 'staplar' ? 'Stapeldiagram' : 'Linjediagram';
  const serier = vy.serier.map((s) => {
    const varden = vy.etiketter.map((e, i) => `${e} ${s.varden[i] == null ? 'saknas' : tal.format(s.varden[i]!)}`).join(', ');
    return vy.serier.length > 1 ? `${s.namn}: ${varden}` : varden;
  });
  return `${slag}, ${vy.titel}: ${serier.join('; ')}.`;
}
