import { ActivityTypes } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { type Andring, aktuellNiva, planeraUtskick } from '../alerts/planera.js';
import { type Larmvy, larmrubrik } from '../alerts/larmvy.js';
import {
  type GallandeTrosklar,
  type Troskelfalt,
  type Trosklar,
  gallandeTrosklar,
  medPersonligProcent,
  motsagelse,
  procentgrans,
  tkrgrans,
} from '../alerts/trosklar.js';
import { tolkaTroskelandring } from '../language/troskelandring.js';
import { utkorgslage } from '../alerts/utkorg.js';
import { beskrivEnhet } from '../answers/enhetsval.js';
import { datumKort, escapa, prognosIOrd } from '../answers/ord.js';
import type { Svar, Svarsmiljo } from '../answers/svar.js';
import { behorigaFor, farHanteraLarm, farSattaTrosklar, farSeLarmstatus, uppraknat } from '../domain/behorighet.js';
import { tomText } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import type { Enhet, Konversation, Prenumeration, Troskel, Utskick } from '../domain/schema.js';
import { senastePeriodFor } from '../domain/siffror.js';
import { formatProcent, formatTkr } from '../domain/tal.js';
import { type Enhetsurval, enheterIKommando as enheterIText, forslagFor, gallerAlla, procentIKommando } from '../language/larmkommando.js';
import type { Fraga } from '../language/tolka.js';
import type { Transaktion } from '../store/store.js';
import type { Appberoenden, Tillstand } from './app.js';
import { hanteraKonversationsuppdatering } from './installation.js';
import type { Kommandohanterare, Kommandomiljo } from '../usecases/kommandomiljo.js';

/** Alert subscriptions and thresholds in chat; team and channel lifecycle events. The sender is started by src/index.ts. */
export function kopplaLarm(app: Application<Tillstand>, b: Appberoenden): void {
  app.activity(ActivityTypes.ConversationUpdate, async (context) => {
    await hanteraKonversationsuppdatering(context, b.store, b.logg);
  });
}

/** A refusal writes nothing but its own audit event: who tried what on which unit. */
async function granskaNekande(k: Kommandomiljo, enhet: string, atgard: string): Promise<void> {
  await k.store.andra({ vem: k.samtal.anvandare, kalla: 'chatt' }, (tx) =>
    tx.lagg('handelser', {
      tid: tx.nu.toISOString(),
      vem: k.samtal.anvandare,
      kalla: 'chatt',
      typ: 'nekad',
      nyckel: `${enhet}|${k.samtal.id}`,
      efter: { atgard, roll: k.miljo.anvandare?.roll ?? null },
    }),
  );
}

/** Refuses (and audits) a subscription change for units the user may not decide about, naming who may. */
async function nekaLarm(k: Kommandomiljo, enheter: string[], atgard: string): Promise<Svar | null> {
  const reg = k.miljo.register;
  const personlig = k.samtal.typ === 'personal';
  const utanfor = enheter.find((id) => !farHanteraLarm(k.miljo.anvandare, id, reg, personlig));
  if (!utanfor) return null;
  await granskaNekande(k, utanfor, atgard);
  const enhet = reg.enhet(utanfor)!;
  if (!k.miljo.anvandare) {
    return {
      text: 'Jag känner inte igen dig som användare i Budgetkollen, så du kan inte ställa in larm. Be en administratör lägga upp dig; frågor om siffrorna kan du ställa ändå.',
    };
  }
  const vilka = behorigaFor(utanfor, reg).map((a) => `${a.namn} (${a.roll})`);
  const chef =
    k.miljo.anvandare.roll === 'chef' ? ' Som chef kan du få larm för din egen enhet i din personliga chatt med Budgetkollen.' : '';
  return {
    text: `Larmen för ${enhet.namn} här ställs in av enhetens controllers och administratörer${vilka.length ? `: ${uppraknat(vilka)}` : ''}.${chef}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Which units a command names

/** The units a command names: the unit a button chose, or those the text names. */
function enheterIKommando(fraga: Fraga, k: Kommandomiljo): Enhetsurval {
  const reg = k.miljo.register;
  if (k.enhet && reg.enhet(k.enhet)) return { enheter: [reg.enhet(k.enhet)!], tvetydiga: [], okant: null };
  return enheterIText(fraga.text, k.miljo.index);
}

function kortnamn(e: Enhet): string {
  return e.alias.find((a) => a.length <= 5) ?? e.namn;
}

function fragaVilken(fraga: Fraga, kandidater: Enhet[], m: Svarsmiljo): Svar {
  return {
    text: `Flera enheter passar in. Vilken menar du?\n\n${kandidater.map((e) => `- ${beskrivEnhet(e, m)}`).join('\n')}`,
    kort: {
      mall: 'val',
      data: {
        rubrik: 'Vilken enhet menar du?',
        val: kandidater.map((e) => ({ titel: beskrivEnhet(e, m), fraga: fraga.text.slice(0, 500), enhet: e.id })),
      },
    },
  };
}

function ingenEnhet(urval: Enhetsurval, m: Svarsmiljo, exempel: string): Svar {
  if (urval.okant) {
    const forslag = forslagFor(urval.okant, m.index);
    return {
      text: `Jag hittar ingen enhet som heter "${escapa(urval.okant)}".${forslag.length ? ` Menade du ${ellerLista(forslag.map((e) => e.namn))}?` : ''} Skriv till exempel "${exempel}".`,
    };
  }
  return { text: `Vilken enhet gäller det? Skriv till exempel "${exempel}".` };
}

// ---------------------------------------------------------------------------------------------
// Where: this conversation

function har(typ: Konversation['typ']): { subjekt: string; liten: string } {
  if (typ === 'channel') return { subjekt: 'Den här kanalen', liten: 'den här kanalen' };
  if (typ === 'groupChat') return { subjekt: 'Den här chatten', liten: 'den här chatten' };
  return { subjekt: 'Du', liten: 'du' };
}

/** A unit to use in examples: one with a short name, near the top. */
function exempelEnhet(reg: Register): string {
  const rot = reg.rot();
  if (!rot) return 'kommunen';
  const e = reg.underliggande(rot.id).find((x) => x.alias.some((a) => a.length <= 5) && reg.barnTill(x.id).length);
  return e ? kortnamn(e) : rot.namn;
}

/** Makes sure this conversation is known and active, with a fresh reference, inside the caller's write. */
function sakerstallKonversation(tx: Transaktion, k: Kommandomiljo): string {
  const id = k.samtal.id;
  const fore = tx.register.dokument.konversationer.find((x) => x.id === id);
  const referens = k.samtal.referens;
  // Teams may move a conversation to another serviceUrl; the reference from the latest message wins.
  const flyttad = fore?.referens.serviceUrl !== referens.serviceUrl;
  if (!fore || !fore.aktiv || flyttad) {
    tx.satt('konversationer', {
      id,
      typ: k.samtal.typ,
      namn: k.samtal.namn || fore?.namn || null,
      referens,
      aktiv: true,
      installerad: fore?.installerad ?? tx.nu.toISOString(),
      team: k.samtal.team ?? fore?.team ?? null,
    });
  }
  return id;
}

function aktivaHar(reg: Register, konversation: string): Prenumeration[] {
  return reg.dokument.prenumerationer.filter((p) => p.konversation === konversation && p.aktiv && reg.enhet(p.enhet));
}

// ---------------------------------------------------------------------------------------------
// Texts about thresholds

function trosklarText(t: Trosklar): string {
  return `varning när utfallet når ${procentgrans(t.varning_procent)} av budget eller helårsprognosen visar underskott från ${formatTkr(-t.varning_prognos_tkr)}, kritisk nivå vid ${procentgrans(t.kritisk_procent)} eller underskott från ${formatTkr(-t.kritisk_prognos_tkr)}`;
}

/** "A, B eller C" */
function ellerLista(namn: string[]): string {
  return namn.length <= 1 ? namn.join('') : `${namn.slice(0, -1).join(', ')} eller ${namn[namn.length - 1]}`;
}

function nulage(reg: Register, enhet: Enhet, procent?: number | null): string | null {
  const a = aktuellNiva(reg, enhet.id, procent);
  if (!a) return null;
  const s = a.siffror;
  const t = medPersonligProcent(gallandeTrosklar(reg, enhet.id).varden, procent);
  const niva = a.niva === 'ok' ? 'under larmgränserna' : a.niva === 'varning' ? 'på varningsnivå' : 'på kritisk nivå';
  const delar: string[] = [];
  if (s.procent !== null) {
    // 101,99 % would read "102,0 %" next to a 102 % limit it has not reached: show the second decimal then.
    const nara = [t.varning_procent, t.kritisk_procent].some((g) => s.procent! < g && Math.round(s.procent! * 10) / 10 >= g);
    delar.push(`${nara ? `${formatTal2(s.procent)}\u00a0%` : formatProcent(s.procent)} av budget`);
  }
  if (s.prognosavvikelse !== null) delar.push(`helårsprognos: ${prognosIOrd(s.prognosavvikelse)}`);
  return `Just nu ligger ${kortnamn(enhet)} ${niva} ${tomText(s.period)}${delar.length ? ` (${delar.join('; ')})` : ''}.`;
}

function formatTal2(v: number): string {
  return new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
}

// ---------------------------------------------------------------------------------------------
// prenumerera

/** "@Budgetkollen prenumerera på larm för IFO", "meddela mig om ifo går över 105 %". */
export const prenumereraKommando: Kommandohanterare = async (fraga, k) => {
  const m = k.miljo;
  const reg = m.register;
  const urval = enheterIKommando(fraga, k);
  if (urval.tvetydiga.length) return fragaVilken(fraga, urval.tvetydiga[0], m);
  if (!urval.enheter.length) return ingenEnhet(urval, m, `prenumerera på larm för ${exempelEnhet(reg)}`);
  const nekad = await nekaLarm(
    k,
    urval.enheter.map((e) => e.id),
    'prenumerera',
  );
  if (nekad) return nekad;
  let procent: number | null = null;
  const p = procentIKommando(fraga.text);
  if (p) {
    const t = p.tal;
    if (!t.ok || t.varde <= 0 || t.varde > 500)
      return {
        text: `Gränsen ${escapa(p.skrivet)} går inte att använda. Skriv en procent av budget mellan 1 och 500, till exempel "meddela mig om IFO går över 105 %".`,
      };
    procent = t.varde;
  }
  const typ = k.samtal.typ;
  const vem = k.samtal.anvandare;
  const resultat = await k.store.andra({ vem, kalla: 'chatt' }, (tx) => {
    const konversation = sakerstallKonversation(tx, k);
    const ut: Array<{ enhet: Enhet; redan: boolean }> = [];
    for (const enhet of urval.enheter) {
      const fore = tx.register.dokument.prenumerationer.find((x) => x.konversation === konversation && x.enhet === enhet.id);
      const redan = Boolean(fore?.aktiv && (fore.procent ?? null) === procent);
      if (!redan)
        tx.satt('prenumerationer', { konversation, enhet: enhet.id, skapad_av: vem, skapad: tx.nu.toISOString(), aktiv: true, procent });
      ut.push({ enhet, redan });
    }
    return { konversation, ut };
  });
  k.logg.info('larm prenumererade', { konversation: resultat.konversation, enheter: urval.enheter.map((e) => e.id), procent });
  const h = har(typ);
  const rader: string[] = [];
  for (const { enhet, redan } of resultat.ut) {
    const under = reg.barnTill(enhet.id);
    const omfattning = under.length
      ? ` och allt under den (${under.length <= 4 ? uppraknat(under.map((e) => e.namn)) : `${under.length} enheter`})`
      : '';
    const galler = gallandeTrosklar(reg, enhet.id);
    const t = medPersonligProcent(galler.varden, procent);
    rader.push(`${redan ? `${h.subjekt} får redan` : `Klart: ${h.liten} får nu`} larm för **${enhet.namn}**${omfattning}.`);
    rader.push(
      procent !== null
        ? `Larm går när utfallet når ${procentgrans(procent)} av budget (${typ === 'personal' ? 'din' : 'er'} egen gräns i stället för varningströskeln ${procentgrans(galler.varden.varning_procent)}), när helårsprognosen visar underskott från ${formatTkr(-t.varning_prognos_tkr)}, och kritisk nivå vid ${procentgrans(t.kritisk_procent)} eller underskott från ${formatTkr(-t.kritisk_prognos_tkr)}.`
        : `Larm går vid ${trosklarText(t)}.`,
    );
    const nu = nulage(reg, enhet, procent);
    if (nu) rader.push(`${nu} Nästa larm kommer när nya siffror rapporteras och nivån ändras.`);
  }
  rader.push(`Avsluta med "avsluta larm för ${kortnamn(urval.enheter[0])}"; "vilka larm finns här?" visar alla.`);
  return { text: rader.join('\n\n') };
};

// ---------------------------------------------------------------------------------------------
// avsluta larm

/** "avsluta larm för IFO", "avsluta alla larm". */
export const avslutaLarmKommando: Kommandohanterare = async (fraga, k) => {
  const m = k.miljo;
  const reg = m.register;
  const konversation = k.samtal.id;
  const h = har(k.samtal.typ);
  const aktiva = aktivaHar(reg, konversation);
  const urval = enheterIKommando(fraga, k);
  if (urval.tvetydiga.length) return fragaVilken(fraga, urval.tvetydiga[0], m);
  let valda: Prenumeration[];
  if (urval.enheter.length) {
    const ids = new Set(urval.enheter.map((e) => e.id));
    valda = aktiva.filter((p) => ids.has(p.enhet));
    if (!valda.length) {
      const namn = uppraknat(urval.enheter.map((e) => e.namn));
      const kvar = aktiva.length ? ` Larm finns här för ${uppraknat(aktiva.map((p) => reg.enhet(p.enhet)!.namn))}.` : '';
      return { text: `${h.subjekt} får inga larm för ${namn}.${kvar}` };
    }
  } else if (gallerAlla(fraga.text) || aktiva.length === 1) {
    valda = aktiva;
  } else if (!aktiva.length) {
    return { text: `${h.subjekt} får inga larm här, så det finns inget att avsluta.` };
  } else {
    return {
      text: `Vilka larm vill du avsluta? Här finns larm för ${uppraknat(aktiva.map((p) => reg.enhet(p.enhet)!.namn))}. Skriv till exempel "avsluta larm för ${kortnamn(reg.enhet(aktiva[0].enhet)!)}" eller "avsluta alla larm".`,
    };
  }
  if (!valda.length) return { text: `${h.subjekt} får inga larm här, så det finns inget att avsluta.` };
  const nekad = await nekaLarm(
    k,
    valda.map((p) => p.enhet),
    'avsluta larm',
  );
  if (nekad) return nekad;
  await k.store.andra({ vem: k.samtal.anvandare, kalla: 'chatt' }, (tx) => {
    for (const p of valda) tx.satt('prenumerationer', { ...p, aktiv: false });
  });
  k.logg.info('larm avslutade', { konversation, enheter: valda.map((p) => p.enhet) });
  const avslutade = new Set(valda.map((p) => p.enhet));
  const kvar = aktiva.filter((p) => !avslutade.has(p.enhet));
  const rader = [`Klart: ${h.liten} får inte längre larm för ${uppraknat(valda.map((p) => reg.enhet(p.enhet)!.namn))}.`];
  for (const p of valda) {
    const tacker = kvar.find((x) => reg.arUnder(p.enhet, x.enhet));
    if (tacker)
      rader.push(`Larm för ${reg.enhet(p.enhet)!.namn} kommer ändå, eftersom ${h.liten} följer ${reg.enhet(tacker.enhet)!.namn}.`);
  }
  if (kvar.length) rader.push(`Kvar här: ${uppraknat(kvar.map((p) => reg.enhet(p.enhet)!.namn))}.`);
  return { text: rader.join('\n\n') };
};

// ---------------------------------------------------------------------------------------------
// vilka larm finns här?

function utskickRad(reg: Register, u: Utskick): string {
  const vy = u.innehall as unknown as Larmvy;
  const nar =
    u.status === 'skickat' && u.skickat
      ? `skickat ${datumKort(u.skickat)}`
      : u.status === 'väntar'
        ? 'väntar på att skickas'
        : 'kunde inte skickas';
  return `${larmrubrik({ ...vy, enhetsnamn: reg.enhet(u.enhet)?.namn ?? vy.enhetsnamn })} (${nar})`;
}

export const larmlistaKommando: Kommandohanterare = async (_fraga, k) => {
  const reg = k.miljo.register;
  const konversation = k.samtal.id;
  const h = har(k.samtal.typ);
  const aktiva = aktivaHar(reg, konversation);
  const konv = reg.dokument.konversationer.find((x) => x.id === konversation);
  if (!aktiva.length) {
    const fore = konv && !konv.aktiv ? ' Budgetkollen var borttagen härifrån, så tidigare larm är avstängda.' : '';
    return {
      text: `${h.subjekt} får inga larm här ännu.${fore} Skriv till exempel "prenumerera på larm för ${exempelEnhet(reg)}" för att börja.`,
    };
  }
  const rader = [`**${h.subjekt} får larm för:**`];
  for (const p of aktiva) {
    const e = reg.enhet(p.enhet)!;
    const t = medPersonligProcent(gallandeTrosklar(reg, e.id).varden, p.procent);
    const under = reg.barnTill(e.id).length ? ' och allt under den' : '';
    const av = reg.anvandare.get(p.skapad_av)?.namn;
    rader.push(
      `- ${e.namn}${under}: ${trosklarText(t)}${p.procent != null ? ' (egen procentgräns)' : ''}. Sedan ${datumKort(p.skapad)}${av ? ` (${av})` : ''}.`,
    );
  }
  const senaste = reg.dokument.utskick
    .filter((u) => u.konversation === konversation)
    .slice(-3)
    .reverse();
  if (senaste.length) rader.push(`Senaste larm här:\n${senaste.map((u) => `- ${utskickRad(reg, u)}`).join('\n')}`);
  return { text: rader.join('\n\n') };
};

// ---------------------------------------------------------------------------------------------
// larmstatus

function tidpunkt(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Stockholm',
  })
    .format(new Date(iso))
    .replace('.', '');
}

export const larmstatusKommando: Kommandohanterare = async (_fraga, k) => {
  const reg = k.miljo.register;
  if (!farSeLarmstatus(k.miljo.anvandare)) {
    return { text: 'Larmstatus visas bara för administratörer. Skriv "vilka larm finns här?" för att se larmen i den här konversationen.' };
  }
  const dok = reg.dokument;
  const lage = utkorgslage(dok);
  const konvNamn = (id: string) => {
    const x = dok.konversationer.find((y) => y.id === id);
    return x
      ? `${x.typ === 'channel' ? 'kanalen' : x.typ === 'groupChat' ? 'chatten' : 'personlig chatt'}${x.namn ? ` ${x.namn}` : ''}`
      : id;
  };
  const rader = ['**Larmstatus (utkorgen)**', `Väntar: ${lage.vantar}. Skickade: ${lage.skickat}. Misslyckade: ${lage.misslyckat}.`];
  if (lage.aldstaVantande) {
    const u = lage.aldstaVantande;
    rader.push(
      `Äldst väntande: ${utskickRad(reg, u)} till ${konvNamn(u.konversation)}, skapat ${tidpunkt(u.skapad)}, ${u.forsok} försök${u.nasta_forsok ? `, nästa ${tidpunkt(u.nasta_forsok)}` : ''}${u.senaste_fel ? `. Senaste fel: ${u.senaste_fel}` : ''}.`,
    );
  }
  for (const u of lage.senastMisslyckade)
    rader.push(`Misslyckat: ${utskickRad(reg, u)} till ${konvNamn(u.konversation)}: ${u.senaste_fel ?? 'okänt fel'}.`);
  if (lage.senastSkickade?.skickat)
    rader.push(`Senast skickat: ${tidpunkt(lage.senastSkickade.skickat)} till ${konvNamn(lage.senastSkickade.konversation)}.`);
  const aktivaKonv = dok.konversationer.filter((x) => x.aktiv).length;
  const avstangda = dok.konversationer.length - aktivaKonv;
  const prenumerationer = dok.prenumerationer.filter((p) => p.aktiv).length;
  rader.push(
    `Konversationer: ${aktivaKonv} ${aktivaKonv === 1 ? 'aktiv' : 'aktiva'}${avstangda ? `, ${avstangda} ${avstangda === 1 ? 'avstängd' : 'avstängda'}` : ''}. Aktiva prenumerationer: ${prenumerationer}.`,
  );
  return { text: rader.join('\n\n') };
};

// ---------------------------------------------------------------------------------------------
// trösklar

const FALTNAMN: Record<Troskelfalt, string> = {
  varning_procent: 'varningströskeln',
  kritisk_procent: 'den kritiska tröskeln',
  varning_prognos_tkr: 'varningsgränsen för prognosen',
  kritisk_prognos_tkr: 'den kritiska prognosgränsen',
};

function kallText(reg: Register, enhet: Enhet, kalla: string | null): string {
  if (kalla === null) return 'standard';
  if (kalla === enhet.id) return `satt för ${kortnamn(enhet)}`;
  return `ärvd från ${reg.enhet(kalla)?.namn ?? kalla}`;
}

function visaTrosklar(reg: Register, enhet: Enhet): Svar {
  const g: GallandeTrosklar = gallandeTrosklar(reg, enhet.id);
  const v = g.varden;
  const k = (f: Troskelfalt) => kallText(reg, enhet, g.kalla[f]);
  const rader = [
    `**Larmgränser för ${enhet.namn}**`,
    `Varning: utfall från ${procentgrans(v.varning_procent)} av budget (${k('varning_procent')}) eller prognosavvikelse ${tkrgrans(v.varning_prognos_tkr)} eller sämre (${k('varning_prognos_tkr')}).`,
    `Kritisk nivå: utfall från ${procentgrans(v.kritisk_procent)} av budget (${k('kritisk_procent')}) eller prognosavvikelse ${tkrgrans(v.kritisk_prognos_tkr)} eller sämre (${k('kritisk_prognos_tkr')}).`,
  ];
  const nu = nulage(reg, enhet);
  if (nu) rader.push(nu);
  rader.push(
    `Administratörer ändrar med till exempel "sätt varningströskel för ${kortnamn(enhet)} till 103 %" eller "sätt kritisk prognosgräns för ${kortnamn(enhet)} till -1500 tkr".`,
  );
  return { text: rader.join('\n\n'), kontext: { enhet: enhet.id } };
}

class Troskelkonflikt extends Error {}

/** "visa trösklar för IFO", "sätt varningströskel för IFO till 103 %", "ta bort tröskeln för IFO". */
export const troskelKommando: Kommandohanterare = async (fraga, k) => {
  const m = k.miljo;
  const reg = m.register;
  const andring = tolkaTroskelandring(fraga.text, exempelEnhet(reg));
  const urval = enheterIKommando(fraga, k);
  if (urval.tvetydiga.length) return fragaVilken(fraga, urval.tvetydiga[0], m);
  if (andring.typ === 'visa') {
    const enhet = urval.enheter[0] ?? (m.kontext?.enhet ? reg.enhet(m.kontext.enhet) : undefined) ?? reg.rot();
    if (!enhet) return { text: 'Det finns inga enheter inlagda ännu.' };
    return visaTrosklar(reg, enhet);
  }
  if (!farSattaTrosklar(m.anvandare)) {
    await granskaNekande(k, urval.enheter[0]?.id ?? '', 'sätt tröskel');
    const admins = [...reg.anvandare.values()].filter((a) => a.roll === 'admin').map((a) => a.namn);
    return {
      text: `Larmgränserna ändras bara av administratörer${admins.length ? ` (${uppraknat(admins)})` : ''}. Skriv "visa trösklar" för att se vilka som gäller.`,
    };
  }
  if (andring.typ === 'fel') return { text: andring.text };
  const enhet = urval.enheter[0];
  if (!enhet) return ingenEnhet(urval, m, `sätt varningströskel för ${exempelEnhet(reg)} till 103 %`);
  const foreGallande = gallandeTrosklar(reg, enhet.id);
  let nyaLarm: number;
  try {
    nyaLarm = await k.store.andra({ vem: k.samtal.anvandare, kalla: 'chatt' }, (tx) => {
      const fore: Troskel = tx.register.trosklar.get(enhet.id) ?? {
        enhet: enhet.id,
        varning_procent: null,
        kritisk_procent: null,
        varning_prognos_tkr: null,
        kritisk_prognos_tkr: null,
      };
      const ny: Troskel = { ...fore };
      if (andring.typ === 'satt') ny[andring.falt] = andring.varde;
      else for (const f of andring.falt) ny[f] = null;
      const berorda = [enhet, ...tx.register.underliggande(enhet.id)];
      const nivaFore = new Map(berorda.map((e) => [e.id, aktuellNiva(tx.register, e.id)?.niva]));
      tx.satt('trosklar', ny);
      for (const e of berorda) {
        const fel = motsagelse(gallandeTrosklar(tx.register, e.id).varden);
        if (fel) throw new Troskelkonflikt(`Det går inte: för ${e.namn} ${fel}. Ändra den andra gränsen först.`);
      }
      // A unit whose level the new limits change (over a lowered limit, or under a raised one) is evaluated
      // as after new figures; units that were red already and still are stay quiet.
      const andrade: Andring[] = berorda
        .filter((e) => nivaFore.get(e.id) !== aktuellNiva(tx.register, e.id)?.niva)
        .map((e) => ({ enhet: e.id, period: senastePeriodFor(tx.register, e.id) }))
        .filter((a): a is Andring => a.period !== null);
      const utskick = planeraUtskick(tx.register, andrade, tx.nu, { medForfader: false });
      for (const u of utskick) tx.satt('utskick', u);
      return utskick.length;
    });
  } catch (e) {
    if (e instanceof Troskelkonflikt) return { text: e.message };
    throw e;
  }
  const efter = gallandeTrosklar(reg, enhet.id);
  k.logg.info('trösklar ändrade', { enhet: enhet.id, andring });
  const rader: string[] = [];
  if (andring.typ === 'satt') {
    const varde = (f: Troskelfalt, v: number) => (f.endsWith('procent') ? procentgrans(v) : tkrgrans(v));
    rader.push(
      `Klart: ${FALTNAMN[andring.falt]} för ${enhet.namn} är nu ${varde(andring.falt, andring.varde)} (var ${varde(andring.falt, foreGallande.varden[andring.falt])}, ${kallText(reg, enhet, foreGallande.kalla[andring.falt])}).`,
    );
  } else {
    const kallor = [...new Set(andring.falt.map((f) => efter.kalla[f]))].map((k) =>
      k === null ? 'standardvärdet' : (reg.enhet(k)?.namn ?? k),
    );
    rader.push(`Klart: ${enhet.namn} ärver nu ${uppraknat(andring.falt.map((f) => FALTNAMN[f]))} (från ${uppraknat(kallor)}).`);
  }
  if (reg.barnTill(enhet.id).length) rader.push(`Det gäller också enheterna under ${kortnamn(enhet)} som inte har egna gränser.`);
  rader.push(`Gäller nu: ${trosklarText(efter.varden)}.`);
  if (nyaLarm) rader.push(`Med de nya gränserna går ${nyaLarm === 1 ? 'ett larm' : `${nyaLarm} larm`} ut till dem som följer enheten.`);
  return { text: rader.join('\n\n'), kontext: { enhet: enhet.id } };
};
