import { type Period, manad } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import { type Enhet, type Larmniva, type Prenumeration, RUNDSLAG, type Utskick, nyttUtskick } from '../domain/schema.js';
import { type Siffror, senastePeriodFor, siffrorFor } from '../domain/siffror.js';
import type { Transaktion } from '../store/store.js';
import { type Larmslag, type Larmvy, byggLarmvy } from './larmvy.js';
import { NIVARANG, bedom, gallandeTrosklar, medPersonligProcent } from './trosklar.js';

export interface Andring {
  enhet: string;
  period: Period;
}

export interface Planeringsval {
  /** evaluate the units above each changed unit too (true for figure changes, false for a threshold change) */
  medForfader?: boolean;
}

/** Months whose report is a tertial report (T1 april, T2 august): KS 2024-03-27 § 61. */
const TERTIALMANADER = new Set([4, 8]);
const ARUNDA: ReadonlySet<string> = new Set(RUNDSLAG);
const TERTIALTYPER: ReadonlySet<Enhet['typ']> = new Set(['nämnd', 'verksamhetsområde']);

/**
 * Called inside the same store transaction as every change of figures (card submit, correction,
 * import), after the change is applied, so alerts land in the outbox atomically with their cause.
 */
export function planeraLarm(tx: Transaktion, andrade: Array<{ enhet: string; period: Period }>): void {
  for (const u of planeraUtskick(tx.register, andrade, tx.nu)) tx.sätt('utskick', u);
}

interface Mottagare {
  konversation: string;
  /** the subscription nearest the unit in this conversation; its personal percent applies */
  prenumeration: Prenumeration;
}

const ARLARM = (slag: Utskick['slag']): slag is 'varning' | 'kritisk' => slag === 'varning' || slag === 'kritisk';

/**
 * The outbox entries a change calls for; pure (reads the register and its document, writes nothing).
 *
 * Per changed unit and period: the unit and its ancestors are evaluated, each only if that period is
 * its latest (a correction of an older month alerts nobody) and only if its figures are complete
 * (a sum where every unit below has reported). Per subscribed conversation the outbox itself is the
 * memory: a level is sent at most once per unit, period and conversation, and only when it is more
 * severe than what that conversation was last told for the period; an all-clear goes out once when
 * the unit is under all limits and the last thing the conversation heard about it was an alert.
 */
export function planeraUtskick(reg: Register, andrade: readonly Andring[], nu: Date, val: Planeringsval = {}): Utskick[] {
  const dok = reg.dokument;
  const aktiva = new Set(dok.konversationer.filter((k) => k.aktiv).map((k) => k.id));
  const perEnhet = new Map<string, Prenumeration[]>();
  for (const p of dok.prenumerationer) {
    if (!p.aktiv || !aktiva.has(p.konversation)) continue;
    const lista = perEnhet.get(p.enhet) ?? [];
    lista.push(p);
    perEnhet.set(p.enhet, lista);
  }
  if (!perEnhet.size) return [];

  const logg = new Map<string, Utskick[]>();
  const minns = (u: Utskick) => {
    const k = `${u.konversation}|${u.enhet}`;
    const lista = logg.get(k) ?? [];
    lista.push(u);
    logg.set(k, lista);
  };
  // the reporting round's messages share the outbox but are no part of a conversation's alert history
  for (const u of dok.utskick) if (!ARUNDA.has(u.slag)) minns(u);
  const kandaId = new Set(dok.utskick.map((u) => u.id));

  const ut: Utskick[] = [];
  const sedda = new Set<string>();
  const senaste = new Map<string, Period | null>();
  const senastePeriod = (id: string) => {
    if (!senaste.has(id)) senaste.set(id, senastePeriodFor(reg, id));
    return senaste.get(id)!;
  };
  for (const a of andrade) {
    const kedja = reg.kedja(a.enhet);
    for (const enhet of val.medForfader === false ? kedja.slice(0, 1) : kedja) {
      const nyckel = `${enhet.id}|${a.period}`;
      if (sedda.has(nyckel)) continue;
      sedda.add(nyckel);
      const mottagare = mottagareFor(reg, enhet.id, perEnhet);
      if (!mottagare.length) continue;
      if (senastePeriod(enhet.id) !== a.period) continue;
      const s = siffrorFor(reg, enhet.id, a.period);
      if (!s || (s.rapporterade && s.rapporterade.antal < s.rapporterade.av)) continue;
      for (const m of mottagare) {
        const nya = bedomFor(reg, s, m, logg.get(`${m.konversation}|${enhet.id}`) ?? [], nu);
        for (const u of nya) {
          if (kandaId.has(u.id)) continue;
          kandaId.add(u.id);
          minns(u);
          ut.push(u);
        }
      }
    }
  }
  return ut;
}

function mottagareFor(reg: Register, enhetId: string, perEnhet: Map<string, Prenumeration[]>): Mottagare[] {
  const ut = new Map<string, Mottagare>();
  for (const e of reg.kedja(enhetId)) {
    for (const p of perEnhet.get(e.id) ?? [])
      if (!ut.has(p.konversation)) ut.set(p.konversation, { konversation: p.konversation, prenumeration: p });
  }
  return [...ut.values()];
}

function bedomFor(reg: Register, s: Siffror, m: Mottagare, tidigare: readonly Utskick[], nu: Date): Utskick[] {
  const period = s.period;
  const trosklar = medPersonligProcent(gallandeTrosklar(reg, s.enhet.id).varden, m.prenumeration.procent);
  const { niva, orsaker } = bedom(s, trosklar);
  const larmhistorik = tidigare.filter((u) => (ARLARM(u.slag) || u.slag === 'återställt') && u.period <= period);
  const sammaPeriod = larmhistorik.filter((u) => u.period === period);
  const skickadeNivaer = new Set(sammaPeriod.map((u) => u.slag).filter(ARLARM));
  const sistSammaPeriod = sammaPeriod[sammaPeriod.length - 1];
  const beskedNu: Larmniva = sistSammaPeriod && ARLARM(sistSammaPeriod.slag) ? sistSammaPeriod.slag : 'ok';
  const sist = larmhistorik[larmhistorik.length - 1];
  const sistLarm = sist && ARLARM(sist.slag) ? { niva: sist.slag, period: sist.period } : null;

  const ut: Utskick[] = [];
  const ny = (slag: Larmslag, vy: Larmvy, lopnr = ''): Utskick =>
    nyttUtskick(
      {
        id: `larm|${m.konversation}|${s.enhet.id}|${period}|${slag}${lopnr}`,
        konversation: m.konversation,
        enhet: s.enhet.id,
        period,
        slag,
        innehall: vy as unknown as Record<string, unknown>,
      },
      nu,
    );

  if (niva !== 'ok') {
    if (!skickadeNivaer.has(niva) && NIVARANG[niva] > NIVARANG[beskedNu]) {
      ut.push(ny(niva, byggLarmvy(reg, s, niva, orsaker, trosklar, sistLarm)));
    }
  } else if (sistLarm) {
    const antal = sammaPeriod.filter((u) => u.slag === 'återställt').length;
    ut.push(ny('återställt', byggLarmvy(reg, s, 'återställt', [], trosklar, sistLarm), antal ? `|${antal + 1}` : ''));
  }

  if (
    TERTIALMANADER.has(manad(period)) &&
    TERTIALTYPER.has(s.enhet.typ) &&
    s.avvikelse <= -0.05 &&
    !harAtgardsplan(reg, s.enhet.id) &&
    !tidigare.some((u) => u.slag === 'åtgärdsplan' && u.period === period)
  ) {
    ut.push(ny('åtgärdsplan', byggLarmvy(reg, s, 'åtgärdsplan', orsaker, trosklar, null)));
  }
  return ut;
}

/** An action plan is a row in atgardsplaner or any measure, for the unit or anything below it. */
export function harAtgardsplan(reg: Register, enhetId: string): boolean {
  return [enhetId, ...reg.underliggande(enhetId).map((e) => e.id)].some(
    (id) => reg.atgardsplan(id) !== undefined || reg.atgarder(id).length > 0,
  );
}

/** The level a unit is at in its latest complete period, for replies ("just nu: kritisk nivå"). */
export function aktuellNiva(reg: Register, enhetId: string, procent?: number | null): { niva: Larmniva; siffror: Siffror } | null {
  for (const period of [...reg.perioderFor(enhetId)].reverse()) {
    const s = siffrorFor(reg, enhetId, period);
    if (!s || (s.rapporterade && s.rapporterade.antal < s.rapporterade.av)) continue;
    const t = medPersonligProcent(gallandeTrosklar(reg, enhetId).varden, procent);
    return { niva: bedom(s, t).niva, siffror: s };
  }
  return null;
}
