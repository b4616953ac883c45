import { somSkrivet } from './markdown.js';

/**
 * Swedish amounts as people and documents write them: "17 795,6", "−1 651,4", "- 1651,4",
 * "13,1 mnkr", "ca 300 tkr", "107%". Amounts come out in tkr; percentages as plain numbers.
 */

export type Tolkning = { ok: true; varde: number; enhet: 'tkr' | 'procent' } | { ok: false; fel: string };

const MINUSTECKEN = /[\u2212\u2013\u2014\u2012]/g;
/** Spaces that may separate thousands: space, no-break space, thin space and narrow no-break space (as Intl writes). */
const TUSENTALSMELLANRUM = /[ \u00a0\u2009\u202f]/g;
const MED_TUSENTAL = /^\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:[,.]\d+)?$/;
const LEDORD = /^(ca\.?|cirka|drygt|knappt|omkring|ungefär|ungefar|runt)\s+/;

const ENHETER: Array<[RegExp, number, 'tkr' | 'procent']> = [
  [/(mnkr|mkr|mn kr|miljoner kronor|miljoner|milj\.?|mn)$/, 1000, 'tkr'],
  [/(tkr|tusen kronor|tusen|tkr\.)$/, 1, 'tkr'],
  [/(kr|kronor|sek)$/, 0.001, 'tkr'],
  [/(%|procent)$/, 1, 'procent'],
];

export function tolkaTal(text: string, standardenhet: 'tkr' | 'procent' = 'tkr'): Tolkning {
  if (typeof text !== 'string') return { ok: false, fel: 'inget tal angivet' };
  let s = text.trim().toLowerCase().replace(MINUSTECKEN, '-');
  if (s === '') return { ok: false, fel: 'inget tal angivet' };
  if (s.length > 40) return { ok: false, fel: `"${kortaAv(text)}" är inte ett tal` };
  s = s.replace(LEDORD, '');
  let faktor = 1;
  let enhet = standardenhet;
  for (const [monster, f, e] of ENHETER) {
    if (monster.test(s)) {
      s = s.replace(monster, '').trim();
      faktor = f;
      enhet = e;
      break;
    }
  }
  // A sign may stand apart ("- 1651,4"); inside the number a space only separates groups of three ("17 795,6").
  let tecken = '';
  if (s.startsWith('-') || s.startsWith('+')) {
    tecken = s[0];
    s = s.slice(1).trimStart();
  }
  if (/\s/.test(s)) {
    if (!MED_TUSENTAL.test(s)) {
      const barraSiffror = /^[\d\s,.]+$/.test(s);
      return {
        ok: false,
        fel: `"${kortaAv(text)}" är inte ett tal${barraSiffror ? ' (mellanslag får bara skilja tusental, som i 17 795,6)' : ''}`,
      };
    }
    s = s.replace(TUSENTALSMELLANRUM, '');
  }
  s = tecken + s;
  // A single '.' followed by exactly three digits is a thousands separator ("2.500"), otherwise a decimal point.
  if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  else if (!s.includes(',') && /^-?\d+\.\d+$/.test(s)) s = s.replace('.', ',');
  if (!/^[-+]?\d+(,\d+)?$/.test(s)) return { ok: false, fel: `"${kortaAv(text)}" är inte ett tal` };
  const varde = Number(s.replace(',', '.')) * faktor;
  if (!Number.isFinite(varde)) return { ok: false, fel: `"${kortaAv(text)}" är inte ett tal` };
  return { ok: true, varde: avrunda(varde, 4) + 0, enhet };
}

export function avrunda(varde: number, decimaler = 1): number {
  const f = 10 ** decimaler;
  return Math.round(varde * f) / f;
}

function kortaAv(text: string): string {
  return somSkrivet(text.length > 30 ? `${text.slice(0, 30)}…` : text);
}

const tkrFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const procentFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const procentHeltal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/**
 * Formatted strings by value, since the same figures come back in the text, the card and the next questions.
 * Bounded: when the new generation is full, it becomes the old one and the one before is dropped.
 */
class Formatminne {
  private nya = new Map<number, string>();
  private gamla = new Map<number, string>();
  private noll: string | undefined;
  /** The latest values, by a slot from the value: the same figure in one answer is found without the Map. */
  private readonly senaste = new Float64Array(256);
  private readonly senasteText: string[] = new Array<string>(256).fill('');

  constructor(private readonly formatera: (varde: number) => string) {}

  hamta(varde: number): string {
    // A Map cannot tell −0 from 0, which Intl writes differently.
    if (varde === 0) return Object.is(varde, 0) ? (this.noll ??= this.formatera(0)) : this.formatera(varde);
    const plats = (varde * 10) & 255;
    if (this.senaste[plats] === varde) return this.senasteText[plats];
    let text = this.nya.get(varde);
    if (text === undefined) {
      text = this.gamla.get(varde) ?? this.formatera(varde);
      if (this.nya.size >= 10_000) {
        this.gamla = this.nya;
        this.nya = new Map();
      }
      this.nya.set(varde, text);
    }
    this.senaste[plats] = varde;
    this.senasteText[plats] = text;
    return text;
  }
}

const talminne = new Formatminne((varde) => {
  const v = avrunda(varde, 1);
  return tkrFormat.format(v === 0 ? 0 : v);
});
const procentminne = new Formatminne((varde) => `${procentFormat.format(avrunda(varde, 1))}\u00a0%`);
const heltalsprocentminne = new Formatminne((varde) => `${procentHeltal.format(avrunda(varde, 0))}\u00a0%`);

/** "−17 795,6" (U+2212 and NBSP, as Intl writes Swedish). Zero is never "−0". */
export function formatTal(varde: number): string {
  return talminne.hamta(varde);
}

export function formatTkr(varde: number): string {
  return `${talminne.hamta(varde)}\u00a0tkr`;
}

/** Signed, for changes: "+1 420" / "−1 420". */
export function formatForandring(varde: number): string {
  const v = avrunda(varde, 1);
  return v > 0 ? `+${formatTal(v)}` : formatTal(v);
}

/** "106,9 %": one decimal, since 100,4 % and 100 % are different verdicts. */
export function formatProcent(varde: number, decimaler: 0 | 1 = 1): string {
  return (decimaler === 0 ? heltalsprocentminne : procentminne).hamta(varde);
}

const mnkrFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** "13,1 mnkr": tkr shown in millions with one decimal, as a controller writes a nämnd's figures. */
export function formatMnkr(tkr: number): string {
  const v = avrunda(tkr / 1000, 1);
  return `${mnkrFormat.format(v === 0 ? 0 : v)}\u00a0mnkr`;
}
