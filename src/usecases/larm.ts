import { gallandeTrosklar, medPersonligProcent, procentgrans } from '../alerts/trosklar.js';
import { utkorgslage } from '../alerts/utkorg.js';
import { datumKort, escapa } from '../answers/ord.js';
import type { Svar } from '../answers/svar.js';
import { behorigaFor, fårHanteraLarm, fårSeLarmstatus, uppraknat } from '../domain/behorighet.js';
import type { Enhet, Prenumeration } from '../domain/schema.js';
import { formatTkr } from '../domain/tal.js';
import { type Enhetsurval, enheterIKommando as enheterIText, gallerAlla, procentIKommando } from '../language/larmkommando.js';
import type { Fraga } from '../language/tolka.js';
import type { Transaktion } from '../store/store.js';
import type { Kommandohanterare, Kommandomiljo } from './kommandomiljo.js';
import {
  aktivaHär,
  exempelEnhet,
  fragaVilken,
  här,
  ingenEnhet,
  kortnamn,
  nulage,
  tidpunkt,
  trosklarText,
  utskickRad,
} from '../alerts/larmtext.js';

/** A refusal writes nothing but its own audit event: who tried what on which unit. */
export async function granskaNekande(k: Kommandomiljo, enhet: string, atgard: string): Promise<void> {
  await k.store.ändra({ vem: k.samtal.anvandare, kalla: 'chatt' }, (tx) =>
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
  const utanfor = enheter.find((id) => !fårHanteraLarm(k.miljo.anvandare, id, reg, personlig));
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

/** The units a command names: the unit a button chose, or those the text names. */
export function enheterIKommando(fraga: Fraga, k: Kommandomiljo): Enhetsurval {
  const reg = k.miljo.register;
  if (k.enhet && reg.enhet(k.enhet)) return { enheter: [reg.enhet(k.enhet)!], tvetydiga: [], okant: null };
  return enheterIText(fraga.text, k.miljo.index);
}

/** Makes sure this conversation is known and active, with a fresh reference, inside the caller's write. */
function sakerstallKonversation(tx: Transaktion, k: Kommandomiljo): string {
  const id = k.samtal.id;
  const fore = tx.register.dokument.konversationer.find((x) => x.id === id);
  const referens = k.samtal.referens;
  // Teams may move a conversation to another serviceUrl; the reference from the latest message wins.
  const flyttad = fore?.referens.serviceUrl !== referens.serviceUrl;
  if (!fore || !fore.aktiv || flyttad) {
    tx.sätt('konversationer', {
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
  const resultat = await k.store.ändra({ vem, kalla: 'chatt' }, (tx) => {
    const konversation = sakerstallKonversation(tx, k);
    const ut: Array<{ enhet: Enhet; redan: boolean }> = [];
    for (const enhet of urval.enheter) {
      const fore = tx.register.dokument.prenumerationer.find((x) => x.konversation === konversation && x.enhet === enhet.id);
      const redan = Boolean(fore?.aktiv && (fore.procent ?? null) === procent);
      if (!redan)
        tx.sätt('prenumerationer', { konversation, enhet: enhet.id, skapad_av: vem, skapad: tx.nu.toISOString(), aktiv: true, procent });
      ut.push({ enhet, redan });
    }
    return { konversation, ut };
  });
  k.logg.info('larm prenumererade', { konversation: resultat.konversation, enheter: urval.enheter.map((e) => e.id), procent });
  const h = här(typ);
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

/** "avsluta larm för IFO", "avsluta alla larm". */
export const avslutaLarmKommando: Kommandohanterare = async (fraga, k) => {
  const m = k.miljo;
  const reg = m.register;
  const konversation = k.samtal.id;
  const h = här(k.samtal.typ);
  const aktiva = aktivaHär(reg, konversation);
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
  await k.store.ändra({ vem: k.samtal.anvandare, kalla: 'chatt' }, (tx) => {
    for (const p of valda) tx.sätt('prenumerationer', { ...p, aktiv: false });
  });
  k.logg.info('larm avslutade', { konversation, enheter: valda.map((p) => p.enhet) });
  const avslutade = new Set(valda.map((p) => p.enhet));
  const kvar = aktiva.filter((p) => !avslutade.has(p.enhet));
  const rader = [`Klart: ${h.liten} får inte längre larm för ${uppraknat(valda.map((p) => reg.enhet(p.enhet)!.namn))}.`];
  for (const p of valda) {
    const tacker = kvar.find((x) => reg.ärUnder(p.enhet, x.enhet));
    if (tacker)
      rader.push(`Larm för ${reg.enhet(p.enhet)!.namn} kommer ändå, eftersom ${h.liten} följer ${reg.enhet(tacker.enhet)!.namn}.`);
  }
  if (kvar.length) rader.push(`Kvar här: ${uppraknat(kvar.map((p) => reg.enhet(p.enhet)!.namn))}.`);
  return { text: rader.join('\n\n') };
};

export const larmlistaKommando: Kommandohanterare = async (_fraga, k) => {
  const reg = k.miljo.register;
  const konversation = k.samtal.id;
  const h = här(k.samtal.typ);
  const aktiva = aktivaHär(reg, konversation);
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

export const larmstatusKommando: Kommandohanterare = async (_fraga, k) => {
  const reg = k.miljo.register;
  if (!fårSeLarmstatus(k.miljo.anvandare)) {
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
