import type { Register } from './register.js';
import type { Anvandare, Enhet } from './schema.js';

/**
 * Who may change figures and measures: the one place that decides it.
 * An admin may report for every unit; a controller for the units in their `enheter` and everything
 * below them; a chef and an unknown user may read but not write.
 */
export function fårRapportera(anvandare: Anvandare | undefined, enhetId: string, reg: Register): boolean {
  if (!anvandare || !reg.enhet(enhetId)) return false;
  if (anvandare.roll === 'admin') return true;
  if (anvandare.roll !== 'controller') return false;
  return anvandare.enheter.some((egen) => reg.ärUnder(enhetId, egen));
}

/** Everyone who may report for the unit: its controllers first, nearest unit first, then the admins. */
export function behorigaFor(enhetId: string, reg: Register): Anvandare[] {
  const kedja = reg.kedja(enhetId).map((e) => e.id);
  const niva = (a: Anvandare) => Math.min(...a.enheter.map((e) => kedja.indexOf(e)).filter((i) => i >= 0));
  const controllers = [...reg.anvandare.values()]
    .filter((a) => a.roll === 'controller' && fårRapportera(a, enhetId, reg))
    .sort((a, b) => niva(a) - niva(b) || a.namn.localeCompare(b.namn, 'sv'));
  const admins = [...reg.anvandare.values()].filter((a) => a.roll === 'admin').sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
  return [...controllers, ...admins];
}

export type Nekande = 'okand_anvandare' | 'fel_roll' | 'utanfor';

/** Why the user may not report for the unit, or null when they may. */
export function nekande(anvandare: Anvandare | undefined, enhetId: string, reg: Register): Nekande | null {
  if (fårRapportera(anvandare, enhetId, reg)) return null;
  if (!anvandare) return 'okand_anvandare';
  return anvandare.roll === 'controller' ? 'utanfor' : 'fel_roll';
}

/** "A", "A och B", "A, B och C" */
export function uppraknat(namn: string[]): string {
  if (namn.length <= 1) return namn.join('');
  return `${namn.slice(0, -1).join(', ')} och ${namn[namn.length - 1]}`;
}

function vemKan(enhetId: string, reg: Register): string {
  const behoriga = behorigaFor(enhetId, reg);
  if (!behoriga.length) return 'Ingen är registrerad som controller för enheten; be en administratör lägga upp en.';
  return `Det kan ${uppraknat(behoriga.map((a) => `${a.namn} (${a.roll})`))}.`;
}

/** The polite refusal, naming who can; the same text in chat, in a card and in the audit log. */
export function nekandeText(anvandare: Anvandare | undefined, enhetId: string, reg: Register): string {
  const enhet = reg.enhet(enhetId);
  const namn = enhet?.namn ?? enhetId;
  const skal = nekande(anvandare, enhetId, reg);
  if (skal === 'okand_anvandare') {
    const admins = [...reg.anvandare.values()].filter((a) => a.roll === 'admin').map((a) => a.namn);
    return `Jag känner inte igen dig som användare i Budgetkollen, så du kan läsa siffror men inte rapportera. Be en administratör${admins.length ? ` (${uppraknat(admins)})` : ''} att lägga upp dig.`;
  }
  if (skal === 'utanfor') {
    const egna = anvandare!.enheter.map((id) => reg.enhet(id)?.namn ?? id);
    return `Du kan inte rapportera för ${namn}; du är controller för ${uppraknat(egna)}. ${vemKan(enhetId, reg)}`;
  }
  return `Tyvärr kan du inte rapportera för ${namn}: det gör controllers för enheten och administratörer. ${vemKan(enhetId, reg)} Du kan fortfarande fråga om siffrorna, till exempel "hur ligger ${enhet?.alias[0] ?? namn} mot budget?".`;
}

/**
 * The units offered in the form's unit list: the user's own units, and everything below them that
 * reports its own rows (leaves, or units that already have rows). Units with children are summed
 * from them and normally not reported directly, so they appear only when asked for (`aven`).
 */
export function rapporteringsenheter(anvandare: Anvandare | undefined, reg: Register, aven: string[] = []): Enhet[] {
  if (!anvandare || anvandare.roll === 'chef') return [];
  const rotter = anvandare.roll === 'admin' ? [reg.rot()?.id].filter((x): x is string => Boolean(x)) : anvandare.enheter;
  const ut: Enhet[] = [];
  const sedda = new Set<string>();
  const lagg = (e: Enhet | undefined) => {
    if (!e || sedda.has(e.id) || !fårRapportera(anvandare, e.id, reg)) return;
    sedda.add(e.id);
    ut.push(e);
  };
  for (const id of [...rotter, ...anvandare.enheter]) {
    const rot = reg.enhet(id);
    if (!rot) continue;
    if (anvandare.enheter.includes(id) || rapporterarSjalv(rot, reg)) lagg(rot);
    for (const e of reg.underliggande(id)) if (rapporterarSjalv(e, reg)) lagg(e);
  }
  for (const id of aven) lagg(reg.enhet(id));
  return ut;
}

/** A leaf, or a unit that already has figures of its own. */
export function rapporterarSjalv(e: Enhet, reg: Register): boolean {
  return reg.barnTill(e.id).length === 0 || reg.harEgnaPerioder(e.id);
}

/**
 * Alerts. Thresholds decide when everyone's channel hears about a unit, and a controller is the one being
 * followed up, so only admins change them. Where a unit's alerts go is decided like its figures: by its
 * controllers and the admins; a chef may also have alerts for their own unit sent to their personal chat.
 * The outbox state is for admins.
 */

/** Set or remove a unit's alert thresholds: admins only. */
export function fårSättaTrosklar(anvandare: Anvandare | undefined): boolean {
  return anvandare?.roll === 'admin';
}

/** Subscribe or unsubscribe a conversation to a unit's alerts. */
export function fårHanteraLarm(anvandare: Anvandare | undefined, enhetId: string, reg: Register, personligChatt: boolean): boolean {
  if (fårRapportera(anvandare, enhetId, reg)) return true;
  return anvandare?.roll === 'chef' && personligChatt && anvandare.enheter.some((egen) => reg.ärUnder(enhetId, egen));
}

/** See the outbox ("larmstatus"): admins only. */
export function fårSeLarmstatus(anvandare: Anvandare | undefined): boolean {
  return anvandare?.roll === 'admin';
}
