import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A municipality's import folder read straight from its CSVs, independently of the bot: the expected
 * figures of the question suite are computed here, never copied from a reply.
 */
export interface Enhetsrad {
  id: string;
  namn: string;
  typ: string;
  foralder: string;
  alias: string[];
}
export interface Utfallsrad {
  enhet: string;
  period: string;
  budget: number;
  utfall: number;
  budgetHelar: number | null;
  prognosHelar: number | null;
  kommentar: string;
}
export interface Nyckeltalsrad {
  enhet: string;
  period: string;
  namn: string;
  varde: number;
  mal: number | null;
}
export interface Atgardsrad {
  enhet: string;
  nr: number;
  namn: string;
  status: string;
  plan: Record<string, number>;
}
export interface Siffror {
  budget: number;
  utfall: number;
  budgetHelar: number | null;
  prognosHelar: number | null;
}

const tal = (s: string): number => Number(s.replace(/\s/g, '').replace(',', '.'));
const tomTal = (s: string | undefined): number | null => (s === undefined || s.trim() === '' ? null : tal(s));
const r1 = (v: number) => Math.round(v * 10) / 10;

function csv(mapp: string, fil: string): Array<Record<string, string>> {
  const sokvag = join(mapp, fil);
  if (!existsSync(sokvag)) return [];
  const [rubrik, ...rader] = readFileSync(sokvag, 'utf-8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const kolumner = rubrik.split(';').map((k) => k.trim().toLowerCase());
  return rader.map((r) => Object.fromEntries(r.split(';').map((v, i) => [kolumner[i], v.trim()])));
}

export class Kommundata {
  readonly enheter = new Map<string, Enhetsrad>();
  readonly utfall: Utfallsrad[];
  readonly nyckeltal: Nyckeltalsrad[];
  readonly atgarder: Atgardsrad[];

  constructor(readonly mapp: string) {
    for (const r of csv(mapp, 'enheter.csv'))
      this.enheter.set(r.id, {
        id: r.id,
        namn: r.namn,
        typ: r.typ,
        foralder: r.foralder ?? '',
        alias: (r.alias ?? '').split('|').filter(Boolean),
      });
    this.utfall = csv(mapp, 'utfall.csv').map((r) => ({
      enhet: r.enhet,
      period: r.period,
      budget: tal(r.budget_ack),
      utfall: tal(r.utfall_ack),
      budgetHelar: tomTal(r.budget_helar),
      prognosHelar: tomTal(r.prognos_helar),
      kommentar: r.kommentar ?? '',
    }));
    this.nyckeltal = csv(mapp, 'nyckeltal.csv').map((r) => ({
      enhet: r.enhet,
      period: r.period,
      namn: r.nyckeltal,
      varde: tal(r.varde),
      mal: tomTal(r.mal),
    }));
    this.atgarder = csv(mapp, 'atgarder.csv').map((r) => ({
      enhet: r.enhet,
      nr: Number(r.nr),
      namn: r.atgard,
      status: r.status,
      plan: Object.fromEntries(
        Object.entries(r)
          .filter(([k, v]) => /^plan_\d{4}$/.test(k) && v !== '')
          .map(([k, v]) => [k.slice(5), tal(v)]),
      ),
    }));
  }

  namn(id: string): string {
    const e = this.enheter.get(id);
    if (!e) throw new Error(`${this.mapp}: ingen enhet ${id}`);
    return e.namn;
  }

  barn(id: string): string[] {
    return [...this.enheter.values()].filter((e) => e.foralder === id).map((e) => e.id);
  }

  /** A unit's figures: its own row for the period if it has one, otherwise the sum of its children's. */
  siffror(id: string, period: string): Siffror | null {
    this.namn(id);
    const egen = this.utfall.find((u) => u.enhet === id && u.period === period);
    if (egen) return { budget: egen.budget, utfall: egen.utfall, budgetHelar: egen.budgetHelar, prognosHelar: egen.prognosHelar };
    const delar = this.barn(id)
      .map((b) => this.siffror(b, period))
      .filter((s): s is Siffror => s !== null);
    if (delar.length === 0) return null;
    const summa = (f: (s: Siffror) => number | null) => {
      const v = delar.map(f).filter((x): x is number => x !== null);
      return v.length ? r1(v.reduce((a, b) => a + b, 0)) : null;
    };
    return {
      budget: summa((s) => s.budget)!,
      utfall: summa((s) => s.utfall)!,
      budgetHelar: summa((s) => s.budgetHelar),
      prognosHelar: summa((s) => s.prognosHelar),
    };
  }

  krav(id: string, period: string): Siffror {
    const s = this.siffror(id, period);
    if (!s) throw new Error(`${this.mapp}: inga siffror för ${id} ${period}`);
    return s;
  }

  /** Avvikelse = budget − utfall; negative is underskott. */
  avvikelse(id: string, period: string): number {
    const s = this.krav(id, period);
    return r1(s.budget - s.utfall);
  }

  kommentar(id: string, period: string): string {
    return this.utfall.find((u) => u.enhet === id && u.period === period)?.kommentar ?? '';
  }

  kpi(enhet: string, period: string, namn: string): Nyckeltalsrad {
    const r = this.nyckeltal.find((n) => n.enhet === enhet && n.period === period && n.namn.toLowerCase() === namn.toLowerCase());
    if (!r) throw new Error(`${this.mapp}: inget nyckeltal ${namn} för ${enhet} ${period}`);
    return r;
  }

  atgard(enhet: string, nr: number): Atgardsrad {
    const r = this.atgarder.find((a) => a.enhet === enhet && a.nr === nr);
    if (!r) throw new Error(`${this.mapp}: ingen åtgärd ${nr} för ${enhet}`);
    return r;
  }

  /** Children of a unit with their deviation, worst first. */
  delar(id: string, period: string): Array<{ id: string; namn: string; avvikelse: number }> {
    return this.barn(id)
      .filter((b) => this.siffror(b, period))
      .map((b) => ({ id: b, namn: this.namn(b), avvikelse: this.avvikelse(b, period) }))
      .sort((a, b) => a.avvikelse - b.avvikelse);
  }

  /** Units of one type with figures in the period. */
  avTyp(typ: string, period: string): Array<{ id: string; namn: string; avvikelse: number }> {
    return [...this.enheter.values()]
      .filter((e) => e.typ === typ && this.siffror(e.id, period))
      .map((e) => ({ id: e.id, namn: e.namn, avvikelse: this.avvikelse(e.id, period) }))
      .sort((a, b) => a.avvikelse - b.avvikelse);
  }
}
