import type { Register } from '../domain/register.js';
import { Namnmatchare } from './namnmatchning.js';

/** A measure (nr) or a whole plan (nr null) of a unit. */
export interface Atgardsnyckel {
  enhet: string;
  nr: number | null;
}

/** The store's KPI names and measure titles, as the question parser matches them; rebuilt when they change. */
export class Sakindex {
  readonly nyckeltal: Namnmatchare<string>;
  readonly atgarder: Namnmatchare<Atgardsnyckel>;

  constructor(reg: Register) {
    this.nyckeltal = new Namnmatchare(reg.nyckeltalsnamn(), (n) => [n]);
    const poster: Array<{ nyckel: Atgardsnyckel; namn: string }> = [];
    for (const a of reg.allaAtgarder()) poster.push({ nyckel: { enhet: a.enhet, nr: a.nr }, namn: a.atgard });
    for (const e of reg.enheter.values()) {
      const plan = reg.atgardsplan(e.id);
      if (plan?.namn) poster.push({ nyckel: { enhet: e.id, nr: null }, namn: plan.namn });
    }
    const namn = new Map(poster.map((p) => [p.nyckel, p.namn]));
    this.atgarder = new Namnmatchare(
      poster.map((p) => p.nyckel),
      (n) => [namn.get(n) ?? ''],
    );
  }
}

const minne = new WeakMap<Register, { generation: number; index: Sakindex }>();

export function sakindex(reg: Register): Sakindex {
  const sparad = minne.get(reg);
  if (sparad && sparad.generation === reg.namngeneration) return sparad.index;
  const index = new Sakindex(reg);
  minne.set(reg, { generation: reg.namngeneration, index });
  return index;
}
