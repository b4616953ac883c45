import type { Svar } from './svar.js';

const KLOCKSLAG = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });

/**
 * An answer given while the shared database cannot be reached comes from this instance's last known figures:
 * it says so, and that changes cannot be saved meanwhile. A card keeps its shape; the note follows it.
 */
export function medInaktuellNotis(svar: Svar, sedan: Date): Svar[] {
  const notis = `_Obs: databasen går inte att nå sedan kl. ${KLOCKSLAG.format(sedan)}, så siffrorna kan vara inaktuella. Nya siffror kan inte sparas förrän den är tillbaka._`;
  if (svar.kort) return [svar, { text: notis }];
  return [{ ...svar, text: `${svar.text}\n\n${notis}` }];
}
