import type Holidays from 'date-holidays';
import { type Datum, plusDagar, veckodag } from './tidszon.js';

/**
 * Working days in Sweden: Monday to Friday except public holidays and the eves that are days off in practice
 * (midsommarafton, julafton, nyårsafton: "bank" holidays in date-holidays' Swedish calendar).
 */
const FRIDAGAR = new Set(['public', 'bank']);
let kalender: Holidays | null = null;
let laddning: Promise<void> | null = null;
const perAr = new Map<number, Map<Datum, string>>();

/**
 * Loads the calendar. date-holidays carries every country's rules and takes about half a second to load, so it
 * is loaded when first needed (the round, a question) and not while the bot starts; the functions below need it.
 */
export function laddaHelgdagar(): Promise<void> {
  laddning ??= import('date-holidays').then((m) => {
    kalender = new m.default('SE');
  });
  return laddning;
}

function helgdagar(år: number): Map<Datum, string> {
  let dagar = perAr.get(år);
  if (!dagar) {
    if (!kalender) throw new Error('Helgdagskalendern är inte laddad: vänta på laddaHelgdagar() först.');
    dagar = new Map();
    for (const h of kalender.getHolidays(år) || []) if (FRIDAGAR.has(h.type)) dagar.set(h.date.slice(0, 10), h.name);
    perAr.set(år, dagar);
  }
  return dagar;
}

/** The holiday's name ("midsommarafton"), or null on an ordinary day. */
export function helgdag(datum: Datum): string | null {
  return helgdagar(Number(datum.slice(0, 4))).get(datum) ?? null;
}

export function arArbetsdag(datum: Datum): boolean {
  const v = veckodag(datum);
  return v !== 0 && v !== 6 && helgdag(datum) === null;
}

/** The n:th working day (1-based) of a month, "ÅÅÅÅ-MM". */
export function arbetsdagIManad(manad: string, n: number): Datum {
  let dag = `${manad}-01`;
  let raknade = 0;
  for (;;) {
    if (arArbetsdag(dag) && ++raknade === n) return dag;
    dag = plusDagar(dag, 1);
  }
}

/** The working day `n` working days before `datum` (n = 0: `datum` itself). */
export function arbetsdagarFore(datum: Datum, n: number): Datum {
  let dag = datum;
  for (let kvar = n; kvar > 0;) {
    dag = plusDagar(dag, -1);
    if (arArbetsdag(dag)) kvar--;
  }
  return dag;
}

/** The first working day on or after `datum`. */
export function forstaArbetsdagFran(datum: Datum): Datum {
  let dag = datum;
  while (!arArbetsdag(dag)) dag = plusDagar(dag, 1);
  return dag;
}
