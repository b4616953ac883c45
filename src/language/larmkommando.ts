import type { Enhet } from '../domain/schema.js';
import { type Tolkning, tolkaTal } from '../domain/tal.js';
import type { Enhetsindex } from './enheter.js';
import { normalisera } from './normalisera.js';

/** The units an alert or threshold command names. */
export interface Enhetsurval {
  enheter: Enhet[];
  tvetydiga: Enhet[][];
  /** the words after "för"/"om" when nothing matched, for "menade du" */
  okant: string | null;
}

/**
 * The units named in a command. "på" normalises to "pa", which is also an abbreviation of personlig
 * assistans; in "prenumerera på larm" it is the preposition, so it is dropped before matching.
 */
export function enheterIKommando(text: string, index: Enhetsindex): Enhetsurval {
  const ord = normalisera(text).split(' ').filter(Boolean);
  const rensade = ord.filter((o, i) => !(o === 'pa' && /^(larm|avvikelse|trosk|larmgrans|varning|kritisk)/.test(ord[i + 1] ?? '')));
  const traff = index.hitta(rensade);
  let okant: string | null = null;
  if (!traff.enheter.length) {
    // what the person wrote after "för"/"om"/"på", as written, up to "till"/"över"/"går"/"när"
    const efter = efterSistaPreposition(text.replace(/<at>[^<]*<\/at>/g, ''));
    okant = efter ? efter.replace(/\s(till|över|går|når|när)\s.*$/i, '').trim() || null : null;
    if (okant && /^(larm\w*|avvikelse\w*|bevakning\w*|tr[öo]sk\w*|gräns\w*)$/i.test(okant)) okant = null;
  }
  return { enheter: traff.enheter, tvetydiga: traff.tvetydiga, okant };
}

/** What follows the last "för", "om", "på" or "i" of the text, without the blanks, "?", "." and "!" it ends with. */
function efterSistaPreposition(text: string): string | null {
  let sista: RegExpExecArray | undefined;
  for (const m of text.matchAll(/(?<=^|\s)(?:för|om|på|i)\s+/gi)) sista = m;
  if (!sista) return null;
  const rest = text.slice(sista.index + sista[0].length);
  let slut = rest.length;
  while (slut > 0 && '?.!'.includes(rest[slut - 1])) slut--;
  return rest.slice(0, slut).trimEnd() || null;
}

/** Units whose names are nearest to a name nobody has, for "menade du". */
export function forslagFor(okant: string, index: Enhetsindex): Enhet[] {
  return index.narmaste(normalisera(okant));
}

/** "avsluta alla larm" */
export function gallerAlla(text: string): boolean {
  return /\balla\b|\ball\b/.test(normalisera(text));
}

const PROCENT = /(\d{1,3}(?:[,.]\d+)?)\s*(%|procent\b)/i;

/** "meddela mig om IFO går över 105 %": the percent as written, and as a number. */
export function procentIKommando(text: string): { skrivet: string; tal: Tolkning } | null {
  const p = PROCENT.exec(text);
  return p ? { skrivet: p[0], tal: tolkaTal(`${p[1]}%`, 'procent') } : null;
}
