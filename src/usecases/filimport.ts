import { createHash, randomUUID } from 'node:crypto';
import { NIVARANG, bedom, gallandeTrosklar } from '../alerts/trosklar.js';
import { meddelande } from '../answers/formular.js';
import { type Forhandsunderlag, type Importandringar, forhandsvisning, harAndringar, importkvitto } from '../answers/filimport.js';
import type { Svar, Svarsmiljo } from '../answers/svar.js';
import { fårRapportera } from '../domain/behorighet.js';
import { type Filgranser, provaNedladdningsadress } from '../domain/nedladdning.js';
import type { Register } from '../domain/register.js';
import type { Anvandare, Konversation, Larmniva } from '../domain/schema.js';
import { siffrorFor } from '../domain/siffror.js';
import type { Logg } from '../logg.js';
import { Lagringsfel } from '../store/fel.js';
import { filtyp } from '../store/filtyp.js';
import { type Importfiler, type Importplan, Importfel, planeraImport } from '../store/import.js';
import { läsSkickadFil } from '../store/importkalla.js';
import type { Store, Transaktion } from '../store/store.js';
import type { Hamtare } from './filhamtning.js';
import { type Forhandsvisningar, sparbara, återställda } from './forhandsvisningar.js';
import { skrivImport } from './import.js';

/** What receiving a file needs: the store, who sent it, the limits, how to fetch, where previews wait. */
export interface Filmiljo {
  store: Store;
  logg: Logg;
  anvandare: string;
  miljo: () => Svarsmiljo;
  granser: Filgranser;
  /** no bot registration: files may also come from this machine (the Playground, tests) */
  lokalt: boolean;
  hamta: Hamtare;
  forhandsvisningar: Forhandsvisningar;
}

const ADMINSLAG: Array<[keyof Importplan, string]> = [
  ['enheter', 'enheter'],
  ['anvandare', 'användare'],
  ['trosklar', 'trösklar'],
  ['rapporteringsplaner', 'rapporteringsfrister'],
  ['kodmappningar', 'kodmappningen'],
  ['rubrikmappningar', 'rubrikmappningen'],
];

const INTE_PERSONLIG =
  'Filer tar jag emot i personlig chatt. Öppna chatten med Budgetkollen och skicka filen där, så visar jag vad som skulle ändras innan något sparas.';

/** The preview's content, worked out in a transaction that is then undone or, for Importera, kept. */
interface Analys {
  plan: Importplan;
  andringar: Importandringar;
  utanfor: string[];
}

function nivaVid(reg: Register, enhet: string, period: string): { niva: Larmniva; procent: number } | null {
  const s = siffrorFor(reg, enhet, period);
  if (!s || (s.rapporterade && s.rapporterade.antal < s.rapporterade.av)) return null;
  return { niva: bedom(s, gallandeTrosklar(reg, enhet).varden).niva, procent: s.procent ?? 0 };
}

/** Plans the import, checks the sender's scope, writes it in `tx` and says what changed; throws Importfel. */
function analysera(tx: Transaktion, filer: Importfiler, anv: Anvandare, vem: string): Analys {
  const reg = tx.register;
  const plan = planeraImport(filer, reg);
  const utanfor: string[] = [];
  if (anv.roll !== 'admin') {
    for (const [slag, namn] of ADMINSLAG) if (plan[slag].length) utanfor.push(`${namn}: bara en administratör kan importera ${namn}`);
    const enheter = new Set([...plan.utfall, ...plan.atgarder, ...plan.atgardsplaner, ...plan.nyckeltal].map((r) => r.enhet));
    for (const id of enheter) if (!fårRapportera(anv, id, reg)) utanfor.push(`${reg.enhet(id)?.namn ?? id} (${id})`);
  }
  const andringar: Importandringar = { nyaPerioder: [], rattelser: [], nyaEnheter: [], ovrigt: [], larm: [] };
  for (const u of plan.utfall) {
    const fore = reg.senasteVersion(u.enhet, u.period);
    if (!fore) andringar.nyaPerioder.push({ enhet: u.enhet, period: u.period, budget: u.budget_ack, utfall: u.utfall_ack });
    else {
      const falt = (['budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar'] as const)
        .filter((f) => fore[f] !== u[f])
        .map((f) => ({ namn: f, fore: fore[f], efter: u[f] }));
      andringar.rattelser.push({
        enhet: u.enhet,
        period: u.period,
        falt: falt.length ? falt : [{ namn: 'kommentar', fore: null, efter: null }],
      });
    }
  }
  andringar.nyaPerioder.sort((a, b) => a.enhet.localeCompare(b.enhet) || a.period.localeCompare(b.period));
  andringar.nyaEnheter = plan.enheter.filter((e) => !reg.enhet(e.id)).map((e) => `${e.namn} (${e.typ})`);
  const andradeEnheter = plan.enheter.length - andringar.nyaEnheter.length;
  const nyaAtgarder = plan.atgarder.filter((a) => !reg.atgarder(a.enhet).some((x) => x.nr === a.nr)).length;
  const rakna = (antal: number, text: string) => antal && andringar.ovrigt.push(`${antal} ${text}`);
  rakna(andradeEnheter, 'ändrade enheter');
  rakna(nyaAtgarder, 'nya åtgärder');
  rakna(plan.atgarder.length - nyaAtgarder, 'ändrade åtgärder');
  rakna(plan.atgardsplaner.length, 'åtgärdsplaner');
  rakna(plan.nyckeltal.length, 'nyckeltalsvärden');
  rakna(plan.anvandare.length, 'användare');
  rakna(plan.trosklar.length, 'trösklar');
  rakna(plan.rapporteringsplaner.length, 'rapporteringsfrister');
  rakna(plan.kodmappningar.length, 'koder i kodmappningen');
  rakna(plan.rubrikmappningar.length, 'rubriker i rubrikmappningen');

  // The levels of every changed unit and the units above, at the changed month, before and after.
  const berorda = new Map<string, { enhet: string; period: string }>();
  for (const u of plan.utfall) for (const e of reg.kedja(u.enhet)) berorda.set(`${e.id}|${u.period}`, { enhet: e.id, period: u.period });
  const fore = new Map([...berorda].map(([k, b]) => [k, nivaVid(reg, b.enhet, b.period)]));
  skrivImport(tx, plan, vem);
  for (const [k, b] of berorda) {
    const efter = nivaVid(tx.register, b.enhet, b.period);
    const f = fore.get(k)?.niva ?? 'ok';
    if (efter && NIVARANG[efter.niva] > NIVARANG[f]) andringar.larm.push({ ...b, fore: f, efter: efter.niva, procent: efter.procent });
  }
  return { plan, andringar, utanfor };
}

class Provkorning extends Error {
  constructor(readonly analys: Analys) {
    super('provkörning');
  }
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** What a preview showed, as a fingerprint: Importera imports only if the store would still change exactly that. */
function avtryckFor(a: Analys): string {
  return sha256(JSON.stringify([a.andringar, a.utanfor]));
}

/** Runs the import in a transaction that is always undone, and returns what it would have changed. */
async function provkor(store: Store, filer: Importfiler, anv: Anvandare): Promise<Analys | { fel: string[] }> {
  try {
    await store.ändra({ vem: anv.id, kalla: 'import' }, (tx) => {
      throw new Provkorning(analysera(tx, filer, anv, anv.id));
    });
  } catch (e) {
    if (e instanceof Provkorning) return e.analys;
    if (e instanceof Importfel) return { fel: e.fel };
    throw e;
  }
  throw new Error('provkörningen ångrades inte');
}

function vagra(k: Filmiljo, rubrik: string, orsak: string, logg: Record<string, unknown> = {}): Svar {
  k.logg.warn('fil vägrad', { anvandare: k.anvandare, orsak, ...logg });
  return meddelande(rubrik, [orsak, 'Inget har sparats.'], 'Attention');
}

function egnaEnheter(anv: Anvandare, reg: Register): string[] {
  return anv.enheter.map((id) => reg.enhet(id)?.namn ?? id);
}

/** A preview saved for Importera, and its card. */
async function visa(
  k: Filmiljo,
  anv: Anvandare,
  fil: { namn: string; hash: string; filer: Importfiler },
  inaktuell = false,
): Promise<Svar> {
  const m = k.miljo();
  const r = await provkor(k.store, fil.filer, anv);
  const grund: Omit<Forhandsunderlag, 'andringar' | 'fel' | 'utanfor'> = {
    filnamn: fil.namn,
    egnaEnheter: egnaEnheter(anv, m.register),
    inaktuell,
  };
  const tom: Importandringar = { nyaPerioder: [], rattelser: [], nyaEnheter: [], ovrigt: [], larm: [] };
  if ('fel' in r) {
    k.logg.info('fil med fel', { anvandare: anv.id, fil: fil.namn, fel: r.fel.length });
    return forhandsvisning(m, { ...grund, andringar: tom, fel: r.fel, utanfor: [] });
  }
  if (r.utanfor.length) {
    k.logg.warn('fil med rader utanför ansvaret', { anvandare: anv.id, fil: fil.namn, utanfor: r.utanfor });
    return forhandsvisning(m, { ...grund, andringar: r.andringar, fel: [], utanfor: r.utanfor });
  }
  if (!harAndringar(r.andringar)) return forhandsvisning(m, { ...grund, andringar: r.andringar, fel: [], utanfor: [] });
  const id = randomUUID();
  const avtryck = avtryckFor(r);
  await k.forhandsvisningar.spara({
    id,
    anvandare: anv.id,
    filnamn: fil.namn,
    hash: fil.hash,
    avtryck,
    filer: sparbara(fil.filer),
    skapad: m.idag.toISOString(),
  });
  k.logg.info('fil förhandsvisad', { anvandare: anv.id, fil: fil.namn, sha256: fil.hash, utfall: r.plan.utfall.length });
  return forhandsvisning(m, { ...grund, andringar: r.andringar, fel: [], utanfor: [], knapp: { id, avtryck } });
}

/** A file sent to the bot: checked, downloaded, read, and previewed; nothing is written. */
export async function taEmotFil(k: Filmiljo, fil: { namn: string; adress: unknown; samtalstyp: Konversation['typ'] }): Promise<Svar> {
  const namn = fil.namn.slice(0, 200) || 'filen';
  if (fil.samtalstyp !== 'personal') {
    k.logg.info('fil i kanal eller gruppchatt', { anvandare: k.anvandare });
    return { text: INTE_PERSONLIG };
  }
  const anv = k.store.register.anvandare.get(k.anvandare);
  if (!anv || anv.roll === 'chef')
    return vagra(
      k,
      'Filen importerades inte',
      `Bara controllers och administratörer kan importera siffror${anv ? '; du kan läsa dem i chatten' : ', och jag känner inte igen dig'}. Be en controller importera filen.`,
    );
  const adress = provaNedladdningsadress(fil.adress, k.granser.vardar, k.lokalt);
  if (!adress.ok) return vagra(k, 'Filen hämtades inte', `Jag hämtade inte ${namn}: ${adress.orsak}.`, { fil: namn });
  const hamtad = await k.hamta(adress.url, k.granser.maxByte, k.granser.tidsgransMs);
  if (!hamtad.ok)
    return vagra(k, 'Filen hämtades inte', `Jag kunde inte ta emot ${namn}: ${hamtad.orsak}.`, {
      fil: namn,
    });
  const typ = await filtyp(hamtad.data, k.granser.maxUppackat);
  if (!typ.ok)
    return vagra(k, 'Filen kan inte läsas', `${namn}: ${typ.orsak}. Skicka en Excel-arbetsbok (.xlsx) eller en CSV-fil.`, { fil: namn });
  const hash = sha256(hamtad.data);
  const last = await läsSkickadFil(namn, hamtad.data, typ.typ);
  if (last.fel.length) {
    const m = k.miljo();
    return forhandsvisning(m, {
      filnamn: namn,
      andringar: { nyaPerioder: [], rattelser: [], nyaEnheter: [], ovrigt: [], larm: [] },
      fel: last.fel,
      utanfor: [],
      egnaEnheter: egnaEnheter(anv, m.register),
    });
  }
  return visa(k, anv, { namn, hash, filer: last.filer });
}

const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : '');

/** Importera on a preview: everything in one transaction, audited, alerts planned; a stale preview is shown afresh. */
export async function importeraFil(k: Filmiljo, data: Record<string, unknown>): Promise<Svar> {
  const f = await k.forhandsvisningar.hamta(text(data.id));
  if (!f)
    return meddelande(
      'Förhandsvisningen gäller inte längre',
      ['Den är redan importerad, avbruten eller för gammal. Inget har sparats nu. Skicka filen igen för en ny förhandsvisning.'],
      'Attention',
    );
  if (f.anvandare !== k.anvandare)
    return vagra(k, 'Inget har importerats', 'Förhandsvisningen är någon annans; bara den som skickade filen kan importera den.');
  const anv = k.store.register.anvandare.get(k.anvandare);
  if (!anv || anv.roll === 'chef') return vagra(k, 'Inget har importerats', 'Bara controllers och administratörer kan importera siffror.');
  const filer = återställda(f.filer);
  let analys: Analys & { larm: number };
  try {
    analys = await k.store.ändra({ vem: anv.id, kalla: 'import' }, (tx) => {
      const a = analysera(tx, filer, anv, anv.id);
      if (a.utanfor.length || avtryckFor(a) !== f.avtryck || text(data.avtryck) !== f.avtryck) throw new Provkorning(a);
      tx.lagg('handelser', {
        tid: tx.nu.toISOString(),
        vem: anv.id,
        kalla: 'import',
        typ: 'filimport',
        nyckel: `${f.filnamn}|${f.hash}`,
        efter: { fil: f.filnamn, sha256: f.hash, utfall: a.plan.utfall.length, enheter: a.plan.enheter.length },
      });
      return { ...a, larm: tx.ops.filter((o) => o.op === 'satt' && o.samling === 'utskick').length };
    });
  } catch (e) {
    if (e instanceof Provkorning || e instanceof Importfel) {
      k.logg.info('förhandsvisningen var inaktuell', { anvandare: anv.id, fil: f.filnamn });
      await k.forhandsvisningar.taBort(f.id);
      return visa(k, anv, { namn: f.filnamn, hash: f.hash, filer }, true);
    }
    k.logg.error('filimporten kunde inte sparas', { fel: e as Error, anvandare: anv.id });
    const orsak = e instanceof Lagringsfel ? [e.message] : [];
    return meddelande('Något gick fel', [...orsak, 'Inget har sparats. Försök igen om en stund.'], 'Attention');
  }
  await k.forhandsvisningar.taBort(f.id);
  k.logg.info('fil importerad', { anvandare: anv.id, fil: f.filnamn, sha256: f.hash, utfall: analys.plan.utfall.length });
  return importkvitto(k.miljo(), { filnamn: f.filnamn, andringar: analys.andringar, vem: anv.namn, larm: analys.larm });
}

/** Avbryt on a preview: nothing is written, and the preview is forgotten. */
export async function avbrytFil(k: Filmiljo, data: Record<string, unknown>): Promise<Svar> {
  const f = await k.forhandsvisningar.hamta(text(data.id));
  if (f && f.anvandare === k.anvandare) await k.forhandsvisningar.taBort(f.id);
  k.logg.info('filimport avbruten', { anvandare: k.anvandare, fil: f?.filnamn });
  return meddelande('Importen avbröts', [`Inget från ${f?.filnamn ?? 'filen'} har sparats.`]);
}
