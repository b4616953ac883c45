import type { Enhet } from '../domain/schema.js';
import type { Enhetsindex, Enhetstraff } from './enheter.js';
import { Namnmatchare, rang } from './namnmatchning.js';
import { ordMedOriginal } from './normalisera.js';

/** Words that part two units compared ("LSS-boende för barn mot LSS-boende för vuxna"). */
const SKILJEORD = new Set(['mot', 'jamfort', 'jamfor', 'vs', 'versus', 'kontra', 'an', 'eller']);
const JAMFORORD = /\b(jamfor\w*|mot|vs|versus|kontra|compare\w*|och|samt|eller)\b/;

/**
 * The units a question names, after the words around them have had their say: a name that is the first half
 * of an elided compound ("kultur- och fritidsnämnden") is not that unit; units that share a head word are told
 * apart by the other words of the question ("… för vuxna"); and a unit named with its parent ("Äldreomsorg inom
 * 51") is the unit, not a comparison of the two.
 */
export function forfina(traff: Enhetstraff, ordlista: string[], text: string, index: Enhetsindex): void {
  utanElision(traff, ordlista, text);
  avgorTvetydiga(traff, ordlista);
  if (traff.enheter.length === 2 && !JAMFORORD.test(ordlista.join(' '))) {
    const [a, b] = traff.enheter;
    const reg = index.register;
    if (reg.ärUnder(a.id, b.id)) traff.enheter = [a];
    else if (reg.ärUnder(b.id, a.id)) traff.enheter = [b];
  }
}

function utanElision(traff: Enhetstraff, ordlista: string[], text: string): void {
  const original = ordMedOriginal(text);
  if (original.length !== ordlista.length) return;
  const elideras = (i: number) => ordlista[i + 1] === 'och' && /^\s*-/.test(text.slice(original[i].slut));
  const bort = traff.traffar.filter((t) => t.slut - t.start === 1 && elideras(t.start));
  if (!bort.length) return;
  for (const t of bort) traff.anvanda.delete(t.start);
  traff.traffar = traff.traffar.filter((t) => !bort.includes(t));
  traff.enheter = traff.enheter.filter((e) => traff.traffar.some((t) => t.enhet.id === e.id));
}

function avgorTvetydiga(traff: Enhetstraff, ordlista: string[]): void {
  if (!traff.tvetydiga.length) return;
  const kvar: Enhet[][] = [];
  const kvarSpann: Array<{ start: number; slut: number }> = [];
  // each named unit by where it stands; an ambiguous stretch gets the unit its words decide on
  const platser = traff.traffar.map((t) => ({ start: t.start, slut: t.slut, enhet: t.enhet as Enhet | null }));
  traff.tvetydiga.forEach((kandidater, g) => {
    const spann = traff.tvetydigaSpann[g];
    const plats = platser.find((p) => p.start === spann.start && p.slut === spann.slut);
    let fran = spann.start;
    let till = spann.slut;
    while (fran > 0 && !SKILJEORD.has(ordlista[fran - 1])) fran--;
    while (till < ordlista.length && !SKILJEORD.has(ordlista[till])) till++;
    const bortse = new Set(ordlista.map((_, i) => i).filter((i) => i < fran || i >= till));
    const traffar = new Namnmatchare(kandidater, (e) => [e.namn, ...e.alias]).matcha(ordlista, bortse, new Set());
    const [forsta, andra] = traffar;
    if (!forsta || !plats || (andra && rang(andra) >= rang(forsta) - 0.05)) {
      kvar.push(kandidater);
      kvarSpann.push(spann);
      return;
    }
    plats.enhet = forsta.item;
    // other units named inside the same stretch by words of the chosen name ("lss" of "… enligt LSS …") give way
    for (const p of platser)
      if (p !== plats && p.start >= fran && p.slut <= till && rangeAll(p.start, p.slut, (i) => forsta.positioner.has(i))) p.enhet = null;
    for (const i of forsta.positioner) {
      traff.anvanda.add(i);
      traff.avgjorda.add(i);
    }
  });
  const enheter: Enhet[] = [];
  for (const p of platser.sort((a, b) => a.start - b.start))
    if (p.enhet && !enheter.some((e) => e.id === p.enhet!.id)) enheter.push(p.enhet);
  traff.enheter = enheter;
  traff.tvetydiga = kvar;
  traff.tvetydigaSpann = kvarSpann;
}

function rangeAll(fran: number, till: number, f: (i: number) => boolean): boolean {
  for (let i = fran; i < till; i++) if (!f(i)) return false;
  return true;
}
