import { manadsrapportSvar } from '../answers/manadsrapportsvar.js';
import type { Kommandohanterare } from './kommandomiljo.js';

/**
 * "månadsrapport för socialnämnden": a command only because it depends on where it is asked. Teams sends
 * files only in personal chat, so only there does the card offer them; elsewhere it says where to ask.
 */
export const manadsrapportKommando: Kommandohanterare = async (fraga, k) =>
  manadsrapportSvar(fraga, k.miljo, { enhet: k.enhet, personligChatt: k.samtal.typ === 'personal' });
