import { type Kommandoavsikt, besvara } from '../answers/besvara.js';
import type { Svar } from '../answers/svar.js';
import type { Samtal } from '../domain/samtal.js';
import { laddaHelgdagar } from '../domain/arbetsdagar.js';
import type { Fraga } from '../language/tolka.js';
import type { Kommandohanterare, Kommandomiljo } from './kommandomiljo.js';
import { avslutaLarmKommando, larmlistaKommando, larmstatusKommando, prenumereraKommando } from './larm.js';
import { troskelKommando } from './trosklar.js';
import { manadsrapportKommando } from './manadsrapport.js';
import { klarmarkeraKommando, rapporteringsfristKommando } from './runda.js';
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
  manadsrapport: manadsrapportKommando,
  klarmarkera: klarmarkeraKommando,
  rapporteringsfrist: rapporteringsfristKommando,
};

export async function utforKommando(avsikt: Kommandoavsikt, fraga: Fraga, k: Kommandomiljo): Promise<Svar> {
  return HANTERARE[avsikt](fraga, k);
}

/**
 * What is written in chat, answered: a question by answers/ (reading the register only), a command by its use
 * case. Where the message came from is read only for a command.
 */
export async function svaraIChatten(
  text: string,
  k: Omit<Kommandomiljo, 'samtal'> & { samtal: () => Samtal },
): Promise<{ svar: Svar; fraga: Fraga }> {
  // deadlines are counted in working days (the round's overview and commands); loaded once, when there are any
  if (k.store.register.dokument.rapporteringsplaner.length) await laddaHelgdagar();
  const resultat = besvara(text, k.miljo, k.enhet);
  if (resultat.typ === 'svar') return resultat;
  return { svar: await utforKommando(resultat.avsikt, resultat.fraga, { ...k, samtal: k.samtal() }), fraga: resultat.fraga };
}
