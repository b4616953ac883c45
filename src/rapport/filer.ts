import type { Manadsrapport } from '../answers/manadsrapport.js';
import type { Filformat } from '../answers/manadsrapportsvar.js';

export interface Rapportfil {
  namn: string;
  format: Filformat;
  mime: string;
  bytes: Buffer;
}

export const MIME: Record<Filformat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** "Månadsrapport Socialnämnden 2025-11.xlsx": the unit's name without characters OneDrive refuses in a file name. */
export function filnamn(vy: Manadsrapport, format: Filformat): string {
  const enhet = vy.enhetsnamn
    // Control characters are what this pattern is for.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|#%\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `Månadsrapport ${enhet} ${vy.period}.${format}`;
}

/** The report written as a file of the given kind, in memory. Each writer and its library is loaded when first asked for. */
export async function skrivRapportfil(vy: Manadsrapport, format: Filformat): Promise<Rapportfil> {
  const bytes = format === 'xlsx' ? await (await import('./excel.js')).skrivExcel(vy) : await (await import('./word.js')).skrivWord(vy);
  return { namn: filnamn(vy, format), format, mime: MIME[format], bytes };
}
