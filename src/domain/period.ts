/** A reporting period is a calendar month, written "YYYY-MM"; the fiscal year is the calendar year. */
export type Period = string;

export const MANADER = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

export const PERIOD_MONSTER = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function period(år: number, manad: number): Period {
  return `${år}-${String(manad).padStart(2, '0')}`;
}

export function år(p: Period): number {
  return Number(p.slice(0, 4));
}

export function manad(p: Period): number {
  return Number(p.slice(5, 7));
}

export function forskjut(p: Period, manader: number): Period {
  const index = år(p) * 12 + manad(p) - 1 + manader;
  return period(Math.floor(index / 12), (index % 12) + 1);
}

export function foregaende(p: Period): Period {
  return forskjut(p, -1);
}

export function sammaManadIFjol(p: Period): Period {
  return forskjut(p, -12);
}

/** "november 2025" */
export function periodNamn(p: Period): string {
  return `${MANADER[manad(p) - 1]} ${år(p)}`;
}

/** "t.o.m. november 2025" */
export function tillOchMedText(p: Period): string {
  return `t.o.m. ${periodNamn(p)}`;
}

export function manadsnamn(p: Period): string {
  return MANADER[manad(p) - 1];
}

export function periodFranDatum(datum: Date): Period {
  return period(datum.getUTCFullYear(), datum.getUTCMonth() + 1);
}

export function jamfor(a: Period, b: Period): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
