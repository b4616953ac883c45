import { formatMnkr, formatTkr } from '../domain/tal.js';

/** How amounts are written in one answer: tkr, or mnkr when the question asked "i mnkr" / "i miljoner". */
export type Belopp = (tkr: number) => string;

export function beloppFor(mnkr: boolean | undefined): Belopp {
  return mnkr ? formatMnkr : formatTkr;
}

/** An amount with its sign always written: "−6 215 tkr", "+1 222 tkr". */
export function medTecken(v: number, belopp: Belopp): string {
  const text = belopp(v);
  return v > 0 && !text.startsWith('0') ? `+${text}` : text;
}
