import type { Kommandoavsikt } from '../answers/besvara.js';
import type { Svar } from '../answers/svar.js';
import type { Fraga } from '../language/tolka.js';
import type { Kommandohanterare, Kommandomiljo } from './kommandomiljo.js';
import { avslutaLarmKommando, larmlistaKommando, larmstatusKommando, prenumereraKommando } from './larm.js';
import { troskelKommando } from './trosklar.js';
import { historikKommando, rapporteraKommando, uppdateraAtgardKommando } from './rapportering.js';

/** Reporting, measures and alerts: each command lives in its own file and is listed here. */
const HANTERARE: Record<Kommandoavsikt, Kommandohanterare> = {
  rapportera: rapporteraKommando,
  uppdatera_atgard: uppdateraAtgardKommando,
  historik: historikKommando,
  prenumerera: prenumereraKommando,
  avsluta_larm: avslutaLarmKommando,
  larmlista: larmlistaKommando,
  larmstatus: larmstatusKommando,
  troskel: troskelKommando,
};

export async function utforKommando(avsikt: Kommandoavsikt, fraga: Fraga, k: Kommandomiljo): Promise<Svar> {
  return HANTERARE[avsikt](fraga, k);
}
