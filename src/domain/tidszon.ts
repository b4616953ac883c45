/**
 * Local dates and times in a time zone, with Intl: the offset is read for each instant, so summer and winter
 * time (and the days they change) come out right without a table of offsets.
 */

/** A calendar day, "ÅÅÅÅ-MM-DD". */
export type Datum = string;

export const SVENSK_TIDSZON = 'Europe/Stockholm';

export interface Lokaltid {
  datum: Datum;
  /** minutes since local midnight */
  minut: number;
}

const formaterare = new Map<string, Intl.DateTimeFormat>();

function delar(ogonblick: number, zon: string): { år: number; manad: number; dag: number; timme: number; minut: number; sekund: number } {
  let f = formaterare.get(zon);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zon,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formaterare.set(zon, f);
  }
  const v: Record<string, number> = {};
  for (const d of f.formatToParts(new Date(ogonblick))) if (d.type !== 'literal') v[d.type] = Number(d.value);
  return { år: v.year, manad: v.month, dag: v.day, timme: v.hour, minut: v.minute, sekund: v.second };
}

const tva = (n: number) => String(n).padStart(2, '0');

export function lokaltid(ogonblick: Date, zon = SVENSK_TIDSZON): Lokaltid {
  const d = delar(ogonblick.getTime(), zon);
  return { datum: `${d.år}-${tva(d.manad)}-${tva(d.dag)}`, minut: d.timme * 60 + d.minut };
}

/** How far local time is ahead of UTC at that instant, in ms. */
function forskjutning(ogonblick: number, zon: string): number {
  const d = delar(ogonblick, zon);
  const somUtc = Date.UTC(d.år, d.manad - 1, d.dag, d.timme, d.minut, d.sekund);
  return somUtc - Math.floor(ogonblick / 1000) * 1000;
}

/** "08:00" as minutes since midnight. */
export function minuter(klockslag: string): number {
  const [t, m] = klockslag.split(':').map(Number);
  return t * 60 + m;
}

/** The instant a local date and time of day happens in the zone ("2026-03-30", "08:00" is 06:00Z, summer time). */
export function ogonblick(datum: Datum, klockslag: string, zon = SVENSK_TIDSZON): Date {
  const [å, m, d] = datum.split('-').map(Number);
  const somUtc = Date.UTC(å, m - 1, d) + minuter(klockslag) * 60_000;
  let t = somUtc - forskjutning(somUtc, zon);
  // on the day the clock changes, the offset at the first guess may be the other one
  const igen = somUtc - forskjutning(t, zon);
  if (igen !== t) t = igen;
  return new Date(t);
}

/** The day `n` calendar days after (or before) `datum`. */
export function plusDagar(datum: Datum, n: number): Datum {
  const [å, m, d] = datum.split('-').map(Number);
  return new Date(Date.UTC(å, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday */
export function veckodag(datum: Datum): number {
  const [å, m, d] = datum.split('-').map(Number);
  return new Date(Date.UTC(å, m - 1, d)).getUTCDay();
}

const DATUMTEXT = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
const DATUMTEXT_AR = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "fredag 5 december", with the year when `medAr` */
export function datumText(datum: Datum, medAr = false): string {
  const [å, m, d] = datum.split('-').map(Number);
  return (medAr ? DATUMTEXT_AR : DATUMTEXT).format(new Date(Date.UTC(å, m - 1, d)));
}
